import XCTest
@testable import SwitchyardConfig

/// `[functions.F.experimentation]` (reference §3.3; conformance cases 236, 272, 044, 045).
final class ExperimentationConfigTests: XCTestCase {
    private func function(_ experimentation: String) -> String {
        """
        [functions.answer]
        type = "chat"

        [functions.answer.variants.alpha]
        type = "chat_completion"
        model = "m"

        [functions.answer.experimentation]
        \(experimentation)

        """
    }

    func testUnknownExperimentationTypeIsRejected() {
        let outcome = loadConfig(function("type = \"random\""))
        assertSchemaDiagnostic(
            outcome, .invalidValue, path: "functions.answer.experimentation", at: outcome.position(of: "\"random\""),
            messageContains: ["unknown variant `random`, expected one of `static`, `adaptive`, `static_weights`, `uniform`, `track_and_stop`"]
        )
    }

    func testMissingTypeIsRejected() {
        let outcome = loadConfig(function("candidate_variants = [\"alpha\"]"))
        assertSchemaDiagnostic(outcome, .missingField, path: "functions.answer.experimentation", at: outcome.position(of: "[functions.answer.experimentation]"), messageContains: ["missing field `type`"])
    }

    func testAdaptiveRequiresAMetric() {
        let outcome = loadConfig(function("type = \"adaptive\"\ncandidate_variants = [\"alpha\"]"))
        assertSchemaDiagnostic(outcome, .missingField, path: "functions.answer.experimentation", at: outcome.position(of: "[functions.answer.experimentation]"), messageContains: ["missing field `metric`"])
    }

    func testCandidateListAndWeightMapAreBothRead() {
        let list = loadConfig(function("type = \"static\"\ncandidate_variants = [\"alpha\"]\nfallback_variants = [\"alpha\"]"))
        assertClean(list)
        let listed = list.config.functions.first?.experimentation
        XCTAssertEqual(listed?.candidatesAreList, true)
        XCTAssertEqual(listed?.candidates?.map(\.weight), [1.0])
        XCTAssertEqual(listed?.fallbacks?.map(\.value), ["alpha"])
        let map = loadConfig(function("type = \"static\"\ncandidate_variants = { alpha = 2 }"))
        assertClean(map)
        XCTAssertEqual(map.config.functions.first?.experimentation?.candidates?.map(\.weight), [2.0])
    }

    func testCandidateWeightThatIsNotANumberIsRejected() {
        let outcome = loadConfig(function("type = \"static\"\ncandidate_variants = { alpha = \"high\" }"))
        assertSchemaDiagnostic(outcome, .wrongType, path: "functions.answer.experimentation.candidate_variants.alpha", at: outcome.position(of: "\"high\""), messageContains: ["expected a number, found string"])
    }

    func testCandidateVariantsOfTheWrongTypeAreRejected() {
        let outcome = loadConfig(function("type = \"static\"\ncandidate_variants = \"alpha\""))
        assertSchemaDiagnostic(outcome, .wrongType, path: "functions.answer.experimentation.candidate_variants", at: outcome.position(of: "\"alpha\""), messageContains: ["found string"])
    }

    func testUnknownKeysInsideExperimentationAreIgnored() {
        for type in ["static", "uniform"] {
            assertClean(loadConfig(function("type = \"\(type)\"\ncandidate_variants = [\"alpha\"]\nenable_agi = true")))
        }
        assertClean(loadConfig(function("type = \"adaptive\"\nmetric = \"m\"\ncandidate_variants = [\"alpha\"]\nenable_agi = true")))
    }
}
