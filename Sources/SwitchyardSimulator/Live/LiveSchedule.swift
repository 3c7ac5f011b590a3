import SwitchyardEngine

/// A phase's requests as the simulated run sends them: when, and with which episode id, so the live gateway's
/// per-episode draw picks the same variants. Pins and dynamic credentials come from each request's send.
struct LiveSchedule: Sendable {
    struct Request: Sendable {
        /// Position in send order; the marker in the request's message.
        var number: Int
        /// The `send` table and the request's index within it.
        var stream: Int
        var index: Int
        /// Scenario nanoseconds since the phase began.
        var sendAt: Int64
        var episodeID: EpisodeID
    }

    let sends: [SendSpec]
    /// Sorted by send time.
    let requests: [Request]

    /// Replays the phase on the simulated clock to learn each request's send time and episode id.
    init(phaseRun: PhaseRun, engine: Engine) {
        var simulation = phaseRun.simulation(engine)
        var simulated: [Request] = []
        simulation.onResult = { result, stream, index in
            simulated.append(Request(number: 0, stream: stream, index: index, sendAt: result.start, episodeID: result.episodeID))
        }
        _ = simulation.run()
        sends = phaseRun.phase.sends
        requests = simulated.sorted { ($0.sendAt, $0.stream, $0.index) < ($1.sendAt, $1.stream, $1.index) }.enumerated().map { number, request in
            var request = request
            request.number = number
            return request
        }
    }
}
