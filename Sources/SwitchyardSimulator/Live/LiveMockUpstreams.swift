import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import SwitchyardConfig

/// The live mock upstreams of one phase: each upstream follows its `respond` script, one step per attempt it
/// receives (as on the simulated clock), answers 401 to revoked credential values, and logs every attempt
/// under the request it belongs to. A request that asks to stream gets its `ok` (and its `garbage`) as
/// Server-Sent Events in the provider's stream format; errors are plain JSON answers, as providers send them.
final class LiveMockUpstreams: Sendable {
    /// How to answer one upstream request.
    struct Answer: Sendable {
        enum Reply: Sendable {
            case respond(status: Int, body: [UInt8])
            /// A `200 text/event-stream` answer of these events, each written as it is.
            case stream(events: [[UInt8]])
            /// Close the connection without answering.
            case drop
            /// Never answer.
            case hang
        }

        var reply: Reply
        /// Real nanoseconds to wait before replying.
        var delay: Int64
    }

    private struct State {
        var positions: [Int]
        /// Attempts by request number.
        var attempts: [[LiveAttempt]]
    }

    private let table: LiveUpstreamTable
    private let scripts: [ResponseScript]
    /// Each upstream's wire format, and its `ok` body and stream events, encoded once.
    private let formats: [(any MockWireFormat)?]
    private let successBodies: [[UInt8]]
    private let successStreams: [[[UInt8]]]
    private let revoked: Set<Secret>
    private let matcher: LiveCredentialMatcher
    /// Each request's dynamic credentials, by request number.
    private let requestCredentials: [[String: Secret]]
    private let options: LiveOptions
    /// What each upstream's `ok` answers say.
    private let answerTexts: [String]
    private let state: NIOLockedValueBox<State>

    init(
        table: LiveUpstreamTable, scripts: [UpstreamKey: ResponseScript], revoked: Set<Secret>, environment: [String: String],
        schedule: LiveSchedule, options: LiveOptions
    ) {
        self.table = table
        self.scripts = table.upstreams.map { scripts[$0.key] ?? .alwaysOK }
        formats = table.upstreams.map { MockWireFormats.format(for: $0.provider.type) }
        let answers = self.scripts.map { MockUpstreams.response(saying: $0.reply) }
        answerTexts = answers.map(\.text)
        successBodies = zip(formats, zip(table.upstreams, answers)).map { format, upstream in
            format.map { Self.json($0.success(model: upstream.0.provider.wireModel, response: upstream.1)) } ?? []
        }
        successStreams = zip(formats, zip(table.upstreams, answers)).map { format, upstream in
            format.map { $0.streamedSuccess(model: upstream.0.provider.wireModel, response: upstream.1).map(\.bytes) } ?? []
        }
        self.revoked = revoked
        matcher = LiveCredentialMatcher(environment: environment.mapValues(Secret.init))
        let credentials = schedule.sends.map { $0.credentials.mapValues(Secret.init) }
        requestCredentials = schedule.requests.map { credentials[$0.stream] }
        self.options = options
        state = NIOLockedValueBox(State(
            positions: Array(repeating: 0, count: table.upstreams.count),
            attempts: Array(repeating: [], count: schedule.requests.count)
        ))
    }

    /// Every attempt, by request number, in the order the upstreams received them.
    var attempts: [[LiveAttempt]] { state.withLockedValue { $0.attempts } }

    /// How to answer a request for `path` with `headers` and `body`; logs the attempt.
    func answer(path: String, headers: HTTPHeaders, body: ByteBuffer) -> Answer {
        guard let number = table.number(inPath: path[...]) else {
            return Answer(reply: .respond(status: 404, body: Array("no mock upstream at \(path)".utf8)), delay: 0)
        }
        let upstream = table.upstreams[number]
        let streaming = formats[number]?.asksToStream(path: path[...], body: body) ?? false
        let request = LiveRequestMarker.number(in: String(buffer: body)).flatMap { requestCredentials.indices.contains($0) ? $0 : nil }
        let sent = MockCredentialHeader.secret(upstream.provider.authStyle, in: headers)
        let credential = matcher.match(sent, chain: upstream.provider.credentials, requestCredentials: request.map { requestCredentials[$0] } ?? [:])
        let isRevoked = sent.map(revoked.contains) ?? false
        let received = Int64(NIODeadline.now().uptimeNanoseconds)
        return state.withLockedValue { state in
            let step = scripts[number].step(at: state.positions[number])
            state.positions[number] += 1
            let outcome = isRevoked ? .status(401) : step.outcome
            let delay = options.scaled(step.latency)
            if let request {
                state.attempts[request].append(LiveAttempt(
                    upstream: upstream.key, credential: credential?.location, usedFallbackCredential: credential?.isFallback ?? false,
                    outcome: outcome, answerText: answerTexts[number], received: received, answered: outcome == .timeout ? nil : received + delay
                ))
            }
            return Answer(reply: reply(outcome, upstream: number, streaming: streaming, revoked: isRevoked), delay: delay)
        }
    }

    private func reply(_ outcome: ResponseScript.Outcome, upstream number: Int, streaming: Bool, revoked: Bool) -> Answer.Reply {
        guard let format = formats[number] else {
            return .respond(status: 501, body: Array("the mock upstreams do not speak this provider's wire format".utf8))
        }
        switch outcome {
        case .ok:
            return streaming ? .stream(events: successStreams[number]) : .respond(status: 200, body: successBodies[number])
        case .status(let status):
            let message = revoked ? "Incorrect API key provided" : "mock upstream answered \(status)"
            return .respond(status: status, body: Self.json(format.error(status: status, message: message, revoked: revoked)))
        case .timeout:
            return .hang
        case .reset:
            return .drop
        case .garbage:
            return streaming ? .stream(events: [Self.garbageEvent]) : .respond(status: 200, body: Array(Self.garbage.utf8))
        }
    }

    private static let garbage = "<html>not the JSON a provider sends</html>"
    private static let garbageEvent = MockStreamEvent(data: garbage).bytes

    private static func json(_ object: [String: Any]) -> [UInt8] {
        Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data())
    }
}
