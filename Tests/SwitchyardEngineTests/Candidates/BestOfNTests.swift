import XCTest
import SwitchyardConfig
@testable import SwitchyardEngine

/// Best-of-N and mixture-of-N variants as TensorZero 2026.6.0 runs them (checked against its gateway): every
/// candidate runs as its own pinned variant, failed candidates drop out, one survivor is the answer without
/// an evaluator, the evaluator's `answer_choice` picks the answer (a failed or unreadable evaluator leaves it
/// to a seeded draw), usage adds up, and the response carries the best-of-N variant's name.
final class BestOfNTests: XCTestCase {
    /// Candidates `a` (model `m_a`), `b` (`m_b`), `a` again under `bon`, judged by model `judge`; `mon` fuses `a`
    /// and `b` with the same model.
    private func config(bonExtra: String = "", evaluatorExtra: String = "", aExtra: String = "", candidates: String = #"["a", "b", "a"]"#) -> String {
        ["m_a", "m_b", "judge", "m_c"].map(TestConfig.simpleModel).joined() + """
            [functions.f]
            type = "chat"

            [functions.f.variants.a]
            type = "chat_completion"
            model = "m_a"
            \(aExtra)

            [functions.f.variants.b]
            type = "chat_completion"
            model = "m_b"

            [functions.f.variants.c]
            type = "chat_completion"
            model = "m_c"

            [functions.f.variants.bon]
            type = "experimental_best_of_n_sampling"
            candidates = \(candidates)
            \(bonExtra)

            [functions.f.variants.bon.evaluator]
            model = "judge"
            \(evaluatorExtra)

            [functions.f.variants.mon]
            type = "experimental_mixture_of_n"
            candidates = ["a", "b"]

            [functions.f.variants.mon.fuser]
            model = "judge"

            [functions.f.experimentation]
            type = "static"
            candidate_variants = ["bon"]
            fallback_variants = ["c"]
            """
    }

    private let answers: [String: [Reply]] = ["m_a.p": [.text("from a")], "m_b.p": [.text("from b")]]

    private func choosing(_ index: Int) -> [String: [Reply]] {
        answers.merging(["judge.p": [.text(#"{"thinking": "t", "answer_choice": \#(index)}"#)]]) { $1 }
    }

    func testEveryCandidateRunsThenTheEvaluatorsChoiceAnswersUnderTheVariantsName() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let run = drive(engine, request(pinned: "bon"), replies: choosing(1))
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "m_a.p", "judge.p"])
        XCTAssertEqual(run.variants, ["a", "b", "a", "bon.evaluator"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "bon")
        XCTAssertEqual(run.result.response?.text, "from b")
        XCTAssertEqual(run.result.model, "m_b")
        XCTAssertEqual(run.result.attemptCount, 4)
        XCTAssertEqual(run.result.trace.map(\.variant), ["a", "b", "a", "bon.evaluator"])
        // Usage is every model call's: three candidates and the evaluator, 3 in and 5 out each.
        XCTAssertEqual(run.result.response?.inputTokens, 12)
        XCTAssertEqual(run.result.response?.outputTokens, 20)
    }

    func testTheEvaluatorIsSentTensorZerosPromptsAndTheAnswerSchema() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        var input = request(pinned: "bon")
        input.payload = InferencePayload(system: "You are terse.", messages: [.init(role: .user, text: ["Say hi"])])
        let run = drive(engine, input, replies: choosing(0))
        let judge = try XCTUnwrap(run.attempts.last)
        XCTAssertFalse(judge.stream)
        XCTAssertEqual(judge.payload.system, JudgePrompts.evaluatorSystem(inner: "You are terse.", maxIndex: 2))
        XCTAssertTrue(judge.payload.system?.hasPrefix("You are an assistant tasked with re-ranking candidate answers to the following problem:\n------\nYou are terse.\n------\nThe messages below") == true)
        XCTAssertTrue(judge.payload.system?.contains("\"answer_choice\": int  // Range: 0 to 2\n") == true)
        XCTAssertEqual(judge.payload.messages.map(\.text), [["Say hi"], [
            "Here are the candidate answers (with the index and a row of ------ separating):\n"
                + "0: [{\"type\":\"text\",\"text\":\"from a\"}]\n------\n1: [{\"type\":\"text\",\"text\":\"from b\"}]\n------\n"
                + "2: [{\"type\":\"text\",\"text\":\"from a\"}]\n------\nPlease evaluate these candidates and provide the index of the best one.",
        ]])
        XCTAssertEqual(judge.payload.jsonOutput?.mode, "strict")
        XCTAssertEqual(judge.payload.jsonOutput?.schema, JudgePrompts.evaluatorSchema)
        XCTAssertEqual(run.result.response?.text, "from a")
    }

    func testFailedCandidatesDropOutAndTheEvaluatorSeesOnlyTheRest() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        var replies = choosing(1)
        replies["m_b.p"] = [.status(500)]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "m_a.p", "judge.p"])
        XCTAssertTrue(run.attempts.last?.payload.system?.contains("Range: 0 to 1\n") == true)
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.response?.text, "from a")
        XCTAssertEqual(run.result.response?.inputTokens, 9, "two candidates and the evaluator")
    }

    func testASingleSuccessfulCandidateAnswersWithoutTheEvaluator() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        var replies = choosing(0)
        replies["m_a.p"] = [.status(500)]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "m_a.p"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "bon")
        XCTAssertEqual(run.result.response?.text, "from b")
        XCTAssertEqual(run.result.response?.inputTokens, 3)
        XCTAssertEqual(run.result.attemptCount, 3)
    }

    func testWhenEveryCandidateFailsThePinnedVariantFailsWith502() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let run = drive(engine, request(pinned: "bon"), replies: ["m_a.p": [.status(500)], "m_b.p": [.status(500)]])
        XCTAssertEqual(run.result.status, 502)
        let failed = "All model providers failed to infer with errors: p: Error from openai server: body 500"
        XCTAssertEqual(run.message, "All candidates failed with errors: candidates[0] (a): \(failed)\ncandidates[1] (b): \(failed)\ncandidates[2] (a): \(failed)")
        XCTAssertEqual(run.result.attemptCount, 3)
    }

    func testABestOfNVariantThatFailsFallsBackToTheNextVariant() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let run = drive(engine, request(), replies: ["m_a.p": [.status(500)], "m_b.p": [.status(500)]])
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "m_a.p", "m_c.p"])
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "c")
        XCTAssertEqual(run.result.attemptCount, 4)
    }

    func testAFailedOrUnreadableEvaluatorLeavesTheChoiceToTheSeededDraw() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let badAnswers: [Reply] = [
            .status(500), .text("not json"), .text(#"{"answer_choice": 7}"#), .text(#"{"answer_choice": 1.0}"#),
            .text(#"{"answer_choice": "1"}"#), .text(#"{"answer_choice": -1}"#), .text(#"{"thinking": "no choice"}"#),
        ]
        for bad in badAnswers {
            var texts: Set<String> = []
            for seed in 1...40 as ClosedRange<UInt64> {
                var replies = answers
                replies["judge.p"] = [bad]
                let run = drive(engine, request(pinned: "bon"), replies: replies, jitterSeed: seed)
                XCTAssertEqual(run.result.status, 200, "\(bad)")
                XCTAssertEqual(run.calls.last, "judge.p")
                texts.insert(run.result.response?.text ?? "")
                let again = drive(engine, request(pinned: "bon"), replies: replies, jitterSeed: seed)
                XCTAssertEqual(again.result.response?.text, run.result.response?.text, "the same seed picks the same candidate")
            }
            XCTAssertEqual(texts, ["from a", "from b"], "\(bad): the draw reaches every candidate")
        }
    }

    func testAnAnswerWithoutThinkingStillChooses() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        for seed in 1...10 as ClosedRange<UInt64> {
            let run = drive(engine, request(pinned: "bon"), replies: answers.merging(["judge.p": [.text(#"{"answer_choice": 1}"#)]]) { $1 }, jitterSeed: seed)
            XCTAssertEqual(run.result.response?.text, "from b")
        }
    }

    func testTheEvaluatorRetriesWithItsOwnRetries() throws {
        let engine = try makeEngine(config(evaluatorExtra: "retries = { num_retries = 1, max_delay_s = 1 }"), env: TestConfig.env)
        var replies = answers
        replies["judge.p"] = [.status(500), .text(#"{"thinking": "t", "answer_choice": 1}"#)]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "m_a.p", "judge.p", "judge.p"])
        XCTAssertEqual(run.sleeps.count, 1)
        XCTAssertEqual(run.result.response?.text, "from b")
        XCTAssertEqual(run.result.attemptCount, 5)
    }

    func testTheVariantsTimeoutBoundsCandidatesAndEvaluator() throws {
        let engine = try makeEngine(config(bonExtra: "timeouts = { non_streaming = { total_ms = 900 } }"), env: TestConfig.env)
        var replies = answers
        replies["judge.p"] = [.hang]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.result.status, 408)
        XCTAssertEqual(run.message, "Variant `bon` timed out due to configured `non_streaming.total_ms` timeout (900ms)")
        XCTAssertEqual(run.result.end, .milliseconds(900))

        let slowCandidates = drive(engine, request(pinned: "bon"), replies: ["m_a.p": [.hang], "m_b.p": [.hang]])
        XCTAssertEqual(slowCandidates.result.status, 408)
        XCTAssertEqual(slowCandidates.message, "Variant `bon` timed out due to configured `non_streaming.total_ms` timeout (900ms)")
        XCTAssertEqual(slowCandidates.result.end, .milliseconds(900))
    }

    func testTimeoutSecondsBecomesEachCandidatesTimeout() throws {
        let engine = try makeEngine(config(bonExtra: "timeout_s = 0.5", candidates: #"["a", "b"]"#), env: TestConfig.env)
        XCTAssertEqual(engine.plan.functions["f"]?.variants["a"]?.timeouts?.nonStreamingTotalMs, 500)
        XCTAssertEqual(engine.plan.functions["f"]?.variants["b"]?.timeouts?.streamingTTFTMs, 500)
        var replies = choosing(1)
        replies["m_b.p"] = [.ok(ms: 1000)]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.response?.text, "from a", "b timed out, so a answers alone")
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p"])

        let slow = drive(engine, request(pinned: "bon"), replies: ["m_a.p": [.hang], "m_b.p": [.hang]])
        XCTAssertEqual(slow.result.status, 502)
        XCTAssertEqual(slow.message, """
            All candidates failed with errors: candidates[0] (a): Variant `a` timed out due to configured `non_streaming.total_ms` timeout (500ms)
            candidates[1] (b): Variant `b` timed out due to configured `non_streaming.total_ms` timeout (500ms)
            """)
        // The candidates keep the timeout when they run on their own.
        let direct = drive(engine, request(pinned: "a"), replies: ["m_a.p": [.hang]])
        XCTAssertEqual(direct.result.status, 408)
    }

    func testTheMixtureOfNFusersAnswerIsTheResponse() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        var input = request(pinned: "mon")
        input.payload = InferencePayload(system: "You are terse.", messages: [.init(role: .user, text: ["Say hi"])])
        var replies = answers
        replies["judge.p"] = [.text("fused!")]
        let run = drive(engine, input, replies: replies)
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "judge.p"])
        XCTAssertEqual(run.result.variant, "mon")
        XCTAssertEqual(run.result.response?.text, "fused!")
        XCTAssertEqual(run.result.model, "judge")
        XCTAssertEqual(run.result.response?.inputTokens, 9)
        let fuser = try XCTUnwrap(run.attempts.last)
        XCTAssertTrue(fuser.payload.system?.hasPrefix("You have been provided with a set of responses from various models to the following problem:\n------\nYou are terse.\n------\nYour task is to synthesize") == true)
        XCTAssertEqual(fuser.payload.messages.last?.text, [
            "Here are the candidate answers (with the index and a row of ------ separating):\n0:\n[{\"type\":\"text\",\"text\":\"from a\"}]\n------\n1:\n[{\"type\":\"text\",\"text\":\"from b\"}]\n------",
        ])
        XCTAssertNil(fuser.payload.jsonOutput)
    }

    func testAFailedFuserFallsBackOnACandidate() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        var replies = answers
        replies["judge.p"] = [.status(500)]
        let run = drive(engine, request(pinned: "mon"), replies: replies)
        XCTAssertEqual(run.result.status, 200)
        XCTAssertEqual(run.result.variant, "mon")
        XCTAssertTrue(["from a", "from b"].contains(run.result.response?.text ?? ""))
        XCTAssertEqual(run.result.response?.inputTokens, 6, "the failed fuser adds no usage")
    }

    func testAStreamingRequestRunsCandidatesAndEvaluatorWithoutStreaming() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let run = drive(engine, request(pinned: "bon", stream: true), replies: choosing(1))
        XCTAssertEqual(run.attempts.map(\.stream), [false, false, false, false])
        XCTAssertEqual(run.result.response?.text, "from b")
        var replies = answers
        replies["judge.p"] = [.text("fused!")]
        let fused = drive(engine, request(pinned: "mon", stream: true), replies: replies)
        XCTAssertEqual(fused.attempts.map(\.stream), [false, false, true], "the fuser streams")
    }

    func testTheTraceMarksEveryStepOfTheVariantAsItsOwn() throws {
        let engine = try makeEngine(config(), env: TestConfig.env)
        let run = drive(engine, request(), replies: choosing(1))
        XCTAssertEqual(run.result.variant, "bon")
        XCTAssertEqual(run.result.trace.map(\.within), ["bon", "bon", "bon", "bon"])
        let fallback = drive(engine, request(), replies: ["m_a.p": [.status(500)], "m_b.p": [.status(500)]])
        XCTAssertEqual(fallback.result.trace.map(\.within), ["bon", "bon", "bon", nil], "the fallback variant's attempt is its own")
    }

    func testABestOfNVariantCanRunAMixtureOfNCandidate() throws {
        let engine = try makeEngine(config(candidates: #"["mon", "c"]"#), env: TestConfig.env)
        var replies = answers
        replies["m_c.p"] = [.text("from c")]
        replies["judge.p"] = [.text("fused!"), .text(#"{"thinking": "t", "answer_choice": 0}"#)]
        let run = drive(engine, request(pinned: "bon"), replies: replies)
        XCTAssertEqual(run.calls, ["m_a.p", "m_b.p", "judge.p", "m_c.p", "judge.p"])
        XCTAssertEqual(run.result.variant, "bon")
        XCTAssertEqual(run.result.response?.text, "fused!")
        XCTAssertEqual(run.result.attemptCount, 5)
    }

    func testCandidatesAndEvaluatorIgnoreTheRequestsParametersAndUseTheirVariants() throws {
        let engine = try makeEngine(config(evaluatorExtra: "temperature = 0.3\nmax_tokens = 50", aExtra: "seed = 7"), env: TestConfig.env)
        var input = request(pinned: "bon")
        input.payload = InferencePayload(messages: [.init(role: .user, text: ["hi"])], temperature: 0.9, maxTokens: 77)
        let run = drive(engine, input, replies: choosing(1))
        XCTAssertEqual(run.attempts.map(\.payload.temperature), [nil, nil, nil, 0.3])
        XCTAssertEqual(run.attempts.map(\.payload.maxTokens), [nil, nil, nil, 50])
        XCTAssertEqual(run.attempts.map(\.payload.seed), [7, nil, 7, nil])
        // Run directly, a variant's parameters fill in only what the request leaves unset.
        var direct = request(pinned: "a")
        direct.payload = InferencePayload(messages: [.init(role: .user, text: ["hi"])], temperature: 0.9)
        let attempt = try XCTUnwrap(drive(engine, direct).attempts.first)
        XCTAssertEqual(attempt.payload.temperature, 0.9)
        XCTAssertEqual(attempt.payload.seed, 7)
    }

    func testTheCandidateOutputIsEscapedAsSerdeJSONDoes() {
        let chat = CandidateOutput.text(of: ProviderResponse(text: "a\"b\\c\nd\u{1}é/"), jsonFunction: false)
        XCTAssertEqual(chat, #"[{"type":"text","text":"a\"b\\c\nd\u0001é/"}]"#)
        XCTAssertNil(CandidateOutput.text(of: ProviderResponse(text: "not json"), jsonFunction: true))
        XCTAssertEqual(EvaluatorAnswer.candidateIndex(1, skipped: [0]), 2)
        XCTAssertEqual(EvaluatorAnswer.candidateIndex(0, skipped: [1]), 0)
    }
}
