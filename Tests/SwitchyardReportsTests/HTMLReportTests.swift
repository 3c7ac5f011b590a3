import Foundation
import SwitchyardReports
import XCTest

/// `simulate --html`: the page parses, shows each phase's figures and bars as counted, highlights exactly the
/// unmet expectations, and fetches nothing.
final class HTMLReportTests: XCTestCase {
    /// The `mixed` fixture with the revoked-key phase's traffic filled in.
    private var report: SimulationReport {
        var mixed = ReportFixtures.mixed
        mixed.phases[1].traffic = PhaseTraffic(
            requests: 1000, successes: 900, attempts: 1100, byStatus: [200: 900, 401: 100],
            byVariant: ["gpt_4o_mini_1": 600, "gpt_4o_mini_2": 300], byProvider: ["gpt_4o_mini_1.openai": 900],
            byCredential: ["env::OPENAI_API_KEY_1": 675, "env::OPENAI_API_KEY_2": 225], fallbackCredential: 0
        )
        return SimulationReport(scenarios: [ReportFixtures.passing, mixed, ReportFixtures.broken, ReportFixtures.hostile])
    }

    func testFiguresAndBarsAreTheCountedTraffic() throws {
        let page = try XMLTestDocument(HTMLReport.render(report))
        let phase = "//section[@data-phase='key 2 revoked']"
        XCTAssertEqual(page.string("\(phase)/@data-outcome"), "failed")
        XCTAssertEqual(page.string("\(phase)//tr[@data-figure='requests']/td"), "1000")
        XCTAssertEqual(page.string("\(phase)//tr[@data-figure='failures']/td"), "100 (10%)")
        XCTAssertEqual(page.string("\(phase)//tr[@data-figure='attempts']/td"), "1100 (1.1 per request)")
        let variants = "\(phase)//figure[@data-chart='variant']//*[@class='bar']"
        XCTAssertEqual(page.strings("\(variants)/@data-key"), ["gpt_4o_mini_1", "gpt_4o_mini_2"])
        XCTAssertEqual(page.strings("\(variants)/@data-count"), ["600", "300"])
        XCTAssertEqual(page.strings("\(variants)/@data-share"), ["66.7%", "33.3%"])
        XCTAssertEqual(page.strings("\(phase)//figure[@data-chart='credential']//*[@class='bar']/@data-share"), ["75%", "25%"])
        XCTAssertEqual(page.strings("\(phase)//figure[@data-chart='status']//*[@class='bar']/@data-count"), ["900", "100"])
        // The bars' lengths are their shares of a 240-unit axis.
        XCTAssertEqual(page.strings("\(variants)/*[local-name()='rect']/@width"), ["160", "80"])
        XCTAssertEqual(page.string("//*[@data-figure='tally']"), "4 scenario(s), 7 phase(s): 3 passed, 2 failed, 4 error(s)")
    }

    func testExactlyTheUnmetExpectationsAreHighlighted() throws {
        let page = try XMLTestDocument(HTMLReport.render(report))
        let unmet = report.scenarios.flatMap(\.phases).flatMap(\.failedChecks).map(\.name)
        XCTAssertEqual(page.strings("//tr[@class='unmet']/@data-check"), unmet)
        XCTAssertEqual(page.count("//tr[@class='met']"), report.scenarios.flatMap(\.phases).flatMap(\.passedChecks).count)
        XCTAssertEqual(page.strings("//section[@data-phase='key 2 revoked']//tr[@class='unmet']/td[3]"), ["900", "900"])
    }

    func testThePageIsSelfContained() throws {
        let text = HTMLReport.render(report)
        let page = try XMLTestDocument(text)
        XCTAssertEqual(page.count("//script | //link | //img | //iframe | //object | //*[@src] | //*[@href]"), 0)
        XCTAssertEqual(text.components(separatedBy: "http").count - 1, text.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1,
                       "the only URL is the SVG namespace, which is not fetched")
        XCTAssertEqual(page.count("//style"), 1)
        XCTAssertTrue(page.strings("//h3/text()").contains("phase <&\"'> ✓ ]]> ünï "), "markup in names is text")
    }

    func testWriteReplacesTheFile() throws {
        let path = NSTemporaryDirectory() + "switchyard-html-\(UUID().uuidString).html"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try HTMLReport.write(report, to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), HTMLReport.render(report))
    }
}
