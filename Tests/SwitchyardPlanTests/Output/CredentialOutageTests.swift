import XCTest
import SwitchyardConfig
@testable import SwitchyardPlan

/// `--outage`: exactly what one failed credential location removes, and nothing else.
final class CredentialOutageTests: XCTestCase {
    func testKeyAFailingRemovesOnlyWhatHasNoOtherRoute() throws {
        let outage = CredentialOutage(location: .env("KEY_A"), plan: try RoutingDiagramFixture.plan())
        XCTAssertEqual(outage.lostProviders, [.init(model: "solo", provider: "p"), .init(model: "shared", provider: "a")])
        XCTAssertEqual(outage.lostModels, ["solo"])
        XCTAssertEqual(outage.lostVariants, [
            .init(function: "mixed", variant: "v_solo"), .init(function: "doomed", variant: "only"),
            .init(function: "judged", variant: "v_solo"), .init(function: "bested", variant: "v_solo"),
            .init(function: "bested", variant: "best"),
        ])
        XCTAssertEqual(outage.lostFunctions, ["doomed", "bested"])
    }

    func testKeyBFailingRemovesOnlySharedsSecondProvider() throws {
        let outage = CredentialOutage(location: .env("KEY_B"), plan: try RoutingDiagramFixture.plan())
        XCTAssertEqual(outage.lostProviders, [.init(model: "shared", provider: "b")])
        XCTAssertEqual(outage.lostModels, [])
        XCTAssertEqual(outage.lostVariants, [])
        XCTAssertEqual(outage.lostFunctions, [])
    }

    func testOnlyTheSideReadingTheLocationIsLost() throws {
        let plan = try RoutingDiagramFixture.plan()
        let credentials = try XCTUnwrap(plan.models["chained"]?.routing.first?.credentials)
        let (primary, fallback) = (credentials.links[0], credentials.links[1])
        let keyA = CredentialOutage(location: .env("KEY_A"), plan: plan)
        XCTAssertTrue(keyA.isLost(primary, of: credentials))
        XCTAssertFalse(keyA.isLost(fallback, of: credentials))
        let keyB = CredentialOutage(location: .env("KEY_B"), plan: plan)
        XCTAssertFalse(keyB.isLost(primary, of: credentials))
        XCTAssertTrue(keyB.isLost(fallback, of: credentials))
    }
}
