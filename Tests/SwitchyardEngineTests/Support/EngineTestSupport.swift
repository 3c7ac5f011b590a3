import XCTest
import SwitchyardConfig
import SwitchyardPlan
@testable import SwitchyardEngine

/// Compiles `toml` (as if it were `/tmp/switchyard-engine-tests/tensorzero.toml`) against `env` and starts an
/// engine over the plan. Fails the test when the config has errors.
func makeEngine(_ toml: String, env: [String: String] = [:], file: StaticString = #filePath, line: UInt = #line) throws -> Engine {
    let loaded = ConfigLoader.load(text: toml, file: "/tmp/switchyard-engine-tests/tensorzero.toml")
    let compilation = Compiler.compile(loaded, environment: Environment(env))
    let listing = compilation.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
    let plan = try XCTUnwrap(compilation.plan, "the test config has errors:\n\(listing)", file: file, line: line)
    return Engine(plan: plan, environment: Environment(env))
}

/// Config text the engine tests share.
enum TestConfig {
    /// A model `name` whose providers are OpenAI providers `(provider, extra lines)`, routed in the given order.
    static func model(_ name: String, providers: [(String, String)], extra: String = "") -> String {
        var text = "[models.\(name)]\nrouting = [\(providers.map { "\"\($0.0)\"" }.joined(separator: ", "))]\n\(extra)\n"
        for (provider, lines) in providers {
            text += "[models.\(name).providers.\(provider)]\ntype = \"openai\"\nmodel_name = \"gpt-4o-mini\"\n\(lines)\n\n"
        }
        return text
    }

    /// A model `name` with one OpenAI provider `p` reading `env::KEY`.
    static func simpleModel(_ name: String) -> String {
        model(name, providers: [("p", "api_key_location = \"env::KEY\"")])
    }

    /// A chat function `name` with chat_completion variants `(variant, model, extra lines)`.
    static func function(_ name: String = "f", variants: [(String, String, String)], experimentation: String = "") -> String {
        var text = "[functions.\(name)]\ntype = \"chat\"\n\n"
        for (variant, model, lines) in variants {
            text += "[functions.\(name).variants.\(variant)]\ntype = \"chat_completion\"\nmodel = \"\(model)\"\n\(lines)\n\n"
        }
        if !experimentation.isEmpty { text += "[functions.\(name).experimentation]\n\(experimentation)\n" }
        return text
    }

    /// Variants `names`, each calling its own model `m_<name>` (one provider `p`, `env::KEY`), in function `f`.
    static func variantsWithOwnModels(_ names: [String], extra: [String: String] = [:], experimentation: String = "") -> String {
        names.map { simpleModel("m_\($0)") }.joined()
            + function(variants: names.map { ($0, "m_\($0)", extra[$0] ?? "") }, experimentation: experimentation)
    }

    static let env = ["KEY": "sk-key"]
}

/// Episode ids with their per-episode draw `u` for function `f`, computed independently with Python:
/// `int.from_bytes(sha256(b"f" + uuid.UUID(id).bytes).digest()[:4], "big") / 2**32`.
enum Episodes {
    static func id(_ text: String) -> EpisodeID { EpisodeID(string: text)! }

    /// u = 0.023941 (102827946 / 2^32)
    static let u024 = id("00000000-0000-7000-8000-000000000000")
    /// u = 0.361042 (1550663432 / 2^32)
    static let u361 = id("00000000-0000-7000-8000-000000000006")
    /// u = 0.487725 (2094761711 / 2^32)
    static let u488 = id("00000000-0000-7000-8000-000000000008")
    /// u = 0.624728 (2683188356 / 2^32)
    static let u625 = id("00000000-0000-7000-8000-000000000007")
    /// u = 0.816605 (3507293497 / 2^32)
    static let u817 = id("00000000-0000-7000-8000-00000000000a")
    /// u = 0.958965 (4118725042 / 2^32)
    static let u959 = id("00000000-0000-7000-8000-000000000002")
    /// u = 0.990452 (4253960715 / 2^32)
    static let u990 = id("00000000-0000-7000-8000-000000000009")
}

/// A request to function `f` (or `target`) with string credentials.
func request(
    _ target: InferenceRequest.Target = .function("f"), episode: EpisodeID = Episodes.u024, pinned: String? = nil,
    credentials: [String: String] = [:], stream: Bool = false
) -> InferenceRequest {
    InferenceRequest(target: target, episodeID: episode, pinnedVariant: pinned, credentials: credentials.mapValues(Secret.init), stream: stream)
}

/// What scripted upstreams answer on success.
let okResponse = ProviderResponse(text: "scripted answer", inputTokens: 3, outputTokens: 5, finishReason: .stop)

/// How a scripted upstream answers one attempt.
enum Reply: Equatable {
    case ok(ms: Int64 = 0)
    /// A success saying `text` (3 input and 5 output tokens, as `okResponse`).
    case text(String, ms: Int64 = 0)
    case status(Int, ms: Int64 = 0)
    /// Never answers: the driver reports `.timedOut` at the attempt's deadline.
    case hang
    case reset
    case garbage
    /// The credential could not be turned into authentication (a refused token exchange).
    case credentialRefused(String)
}

/// Everything one driven request did.
struct Run {
    var result: InferenceResult
    var attempts: [ProviderAttempt]
    /// Each `.sleep`: when it was asked for and until when.
    var sleeps: [(at: Nanoseconds, until: Nanoseconds)]

    /// `MODEL.PROVIDER` of each attempt, in order.
    var calls: [String] { attempts.map { "\($0.model).\($0.provider.name)" } }
    /// The variant of each attempt, in order.
    var variants: [String] { attempts.map(\.variant) }
    var message: String? { result.error?.message }
}

/// Steps a request to completion on a manual clock, like a minimal gateway driver. `replies` maps
/// `MODEL.PROVIDER` to its answers, one per attempt (the last repeats); unnamed upstreams answer `ok` at once.
/// A best-of-N / mixture-of-N variant's candidates are driven one after the other, each from the time they were
/// handed out (as if concurrent); the request continues when the last of them ends.
func drive(
    _ engine: Engine, _ request: InferenceRequest, replies: [String: [Reply]] = [:], start: Nanoseconds = 0, jitterSeed: UInt64 = 1,
    file: StaticString = #filePath, line: UInt = #line
) -> Run {
    var driver = ScriptedDriver(replies: replies, file: file, line: line)
    let (result, _) = driver.drive(engine.start(request, at: start, jitterSeed: jitterSeed), from: start)
    return Run(result: result, attempts: driver.attempts, sleeps: driver.sleeps)
}

/// The state `drive` keeps across a request and its candidates: upstream positions and what happened.
private struct ScriptedDriver {
    let replies: [String: [Reply]]
    let file: StaticString
    let line: UInt
    var attempts: [ProviderAttempt] = []
    var sleeps: [(at: Nanoseconds, until: Nanoseconds)] = []
    var positions: [String: Int] = [:]

    init(replies: [String: [Reply]], file: StaticString, line: UInt) {
        self.replies = replies
        self.file = file
        self.line = line
    }

    /// Runs `execution` from `start` to its end; returns its result and when it ended.
    mutating func drive(_ execution: RequestExecution, from start: Nanoseconds) -> (InferenceResult, Nanoseconds) {
        var now = start
        var action = execution.next(at: now)
        for _ in 0..<10_000 {
            switch action {
            case .finished(let result):
                return (result, now)
            case .candidates(let candidates):
                var results: [InferenceResult] = []
                var end = now
                for candidate in candidates {
                    let (result, finished) = drive(candidate, from: now)
                    results.append(result)
                    end = max(end, finished)
                }
                now = end
                action = execution.candidatesFinished(results, at: now)
            case .attempt(let attempt):
                XCTAssertEqual(attempt.start, now, "an attempt starts when it is handed out", file: file, line: line)
                attempts.append(attempt)
                let key = "\(attempt.model).\(attempt.provider.name)"
                let script = replies[key] ?? [.ok()]
                let reply = script[min(positions[key, default: 0], script.count - 1)]
                positions[key, default: 0] += 1
                let (outcome, latency) = resolve(reply)
                if let latency, attempt.deadline.map({ now + latency <= $0 }) ?? true {
                    now += latency
                    action = execution.complete(outcome, at: now)
                } else {
                    guard let deadline = attempt.deadline else {
                        XCTFail("an upstream hangs but the attempt has no deadline", file: file, line: line)
                        now += .milliseconds(900_000)
                        action = execution.complete(.timedOut, at: now)
                        continue
                    }
                    now = deadline
                    action = execution.complete(.timedOut, at: now)
                }
            case .sleep(let until):
                XCTAssertGreaterThanOrEqual(until, now, "sleeps never go back in time", file: file, line: line)
                sleeps.append((now, until))
                now = until
                action = execution.resume(at: now)
            }
        }
        XCTFail("the request did not finish in 10000 steps", file: file, line: line)
        return (InferenceResult(
            status: 0, variant: nil, model: nil, provider: nil, credential: nil, usedFallbackCredential: false, response: nil, error: nil,
            episodeID: EpisodeID(string: "00000000-0000-7000-8000-000000000000")!, start: start, end: now, attemptCount: 0, trace: []
        ), now)
    }
}

/// The outcome of `reply` and how long it takes (`nil`: never answers).
private func resolve(_ reply: Reply) -> (AttemptOutcome, Nanoseconds?) {
    switch reply {
    case .ok(let ms): (.success(okResponse), .milliseconds(ms))
    case .text(let text, let ms): (.success(ProviderResponse(text: text, inputTokens: 3, outputTokens: 5, finishReason: .stop)), .milliseconds(ms))
    case .status(let status, let ms): (.status(status, body: "body \(status)"), .milliseconds(ms))
    case .hang: (.timedOut, nil)
    case .reset: (.connectionReset, 0)
    case .garbage: (.unparseableResponse("expected value at line 1 column 1"), 0)
    case .credentialRefused(let message): (.credentialUnavailable(message), 0)
    }
}

/// The first action of `request`, which must be an attempt.
func firstAttempt(_ engine: Engine, _ request: InferenceRequest, at now: Nanoseconds = 0, file: StaticString = #filePath, line: UInt = #line) -> ProviderAttempt? {
    var execution = engine.start(request, at: now, jitterSeed: 1)
    guard case .attempt(let attempt) = execution.next(at: now) else {
        XCTFail("the first action is not an attempt", file: file, line: line)
        return nil
    }
    return attempt
}

extension Secret {
    /// The value, for assertions.
    var revealed: String { withValue { $0 } }
}

/// `AttemptRecord.Outcome`s of a trace, for compact assertions.
func outcomes(_ trace: [AttemptRecord]) -> [AttemptRecord.Outcome] { trace.map(\.outcome) }
