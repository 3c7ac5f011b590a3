import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// A variant's inference parameters fill in only what the request leaves unset, and best-of-N / mixture-of-N
/// candidates start from none of the request's.
final class InferencePayloadParametersTests: XCTestCase {
    private let variant = SamplingParameters(
        temperature: 0.3, topP: 0.9, maxTokens: 100, presencePenalty: 0.3, frequencyPenalty: 0.7, seed: 7, stopSequences: ["END"],
        reasoningEffort: "low", serviceTier: .flex, thinkingBudgetTokens: 1024, verbosity: "low"
    )

    func testAnEmptyRequestTakesEveryParameterOfTheVariant() {
        XCTAssertEqual(InferencePayload().backfilled(with: variant).parameters, variant)
    }

    func testTheRequestsOwnReasoningSettingsWinOverTheVariants() {
        var request = InferencePayload()
        request.reasoningEffort = "high"
        request.thinkingBudgetTokens = 0
        let payload = request.backfilled(with: variant)
        XCTAssertEqual(payload.reasoningEffort, "high")
        XCTAssertEqual(payload.thinkingBudgetTokens, 0)
        XCTAssertEqual(payload.serviceTier, .flex)
        XCTAssertEqual(payload.verbosity, "low")
    }

    func testTheRequestsOwnPenaltiesWinOverTheVariants() {
        let payload = InferencePayload(presencePenalty: -1.5).backfilled(with: variant)
        XCTAssertEqual(payload.presencePenalty, -1.5)
        XCTAssertEqual(payload.frequencyPenalty, 0.7)
        let both = InferencePayload(presencePenalty: 0, frequencyPenalty: 2).backfilled(with: variant)
        XCTAssertEqual(both.presencePenalty, 0)
        XCTAssertEqual(both.frequencyPenalty, 2)
    }

    func testCandidatesDropTheRequestsPenaltiesWithItsOtherParameters() {
        let request = InferencePayload(system: "s", temperature: 0.5, presencePenalty: 1, frequencyPenalty: 1)
        XCTAssertEqual(request.withoutParameters(), InferencePayload(system: "s"))
        XCTAssertEqual(InferencePayload(frequencyPenalty: 1).withoutParameters(), InferencePayload())
        XCTAssertEqual(InferencePayload(system: "s").backfilled(with: variant).withoutParameters(), InferencePayload(system: "s"))
    }
}
