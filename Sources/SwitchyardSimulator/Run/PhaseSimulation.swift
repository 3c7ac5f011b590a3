import SwitchyardConfig
import SwitchyardEngine

/// Runs one phase's traffic through the engine on a simulated clock: requests arrive at their `every`
/// intervals, overlap freely, and every attempt is answered by the mock upstreams. No real time passes.
struct PhaseSimulation {
    /// One expanded `send` table.
    struct Stream {
        var spec: SendSpec
        var credentials: [String: Secret]
        var sharedEpisode: EpisodeID
    }

    /// Events carry only numbers, so the queue moves no reference-counted values; an attempt's outcome waits
    /// in its request's slot until the event fires.
    private enum Event {
        case arrival(stream: Int32, index: Int32)
        case attemptDone(slot: Int32)
        case wake(slot: Int32)
    }

    /// A request in flight, boxed so the engine's state is mutated in place rather than moved around.
    private final class InFlight {
        var execution: RequestExecution
        var pendingOutcome: AttemptOutcome = .timedOut
        let stream: Int
        let index: Int

        init(execution: RequestExecution, stream: Int, index: Int) {
            self.execution = execution
            self.stream = stream
            self.index = index
        }
    }

    let engine: Engine
    var upstreams: MockUpstreams
    let streams: [Stream]
    var random: SplitMix64
    /// Called with every finished request (for traces), in completion order.
    var onResult: ((InferenceResult, _ stream: Int, _ index: Int) -> Void)?
    /// Called now and then with the number of finished requests.
    var onProgress: ((Int) -> Void)?

    private static let episodeEpochMilliseconds: UInt64 = 1_767_225_600_000

    mutating func run() -> PhaseStatistics {
        var statistics = PhaseStatistics()
        var events = EventQueue<Event>()
        var slots: [InFlight?] = []
        var freeSlots: [Int] = []
        for (stream, entry) in streams.enumerated() where entry.spec.count > 0 {
            events.push(.arrival(stream: Int32(stream), index: 0), at: 0)
        }
        while let (now, event) = events.pop() {
            let slot: Int
            let action: EngineAction
            switch event {
            case .arrival(let stream32, let index32):
                let stream = Int(stream32)
                let index = Int(index32)
                let spec = streams[stream].spec
                if index + 1 < spec.count { events.push(.arrival(stream: stream32, index: index32 + 1), at: now + spec.every) }
                let request = InFlight(
                    execution: engine.start(request(for: stream, at: now), at: now, jitterSeed: random.next(), recordingTrace: onResult != nil),
                    stream: stream, index: index
                )
                action = request.execution.next(at: now)
                slot = freeSlots.popLast() ?? { slots.append(nil); return slots.count - 1 }()
                slots[slot] = request
            case .attemptDone(let done):
                slot = Int(done)
                let request = slots[slot]!
                action = request.execution.complete(request.pendingOutcome, at: now)
            case .wake(let woken):
                slot = Int(woken)
                action = slots[slot]!.execution.resume(at: now)
            }
            switch action {
            case .attempt(let attempt):
                let (outcome, at) = upstreams.answer(attempt)
                slots[slot]!.pendingOutcome = outcome
                events.push(.attemptDone(slot: Int32(slot)), at: at)
            case .sleep(let until):
                events.push(.wake(slot: Int32(slot)), at: until)
            case .finished(let result):
                let finished = slots[slot]!
                slots[slot] = nil
                freeSlots.append(slot)
                statistics.record(result)
                onResult?(result, finished.stream, finished.index)
                if statistics.requests % 100_000 == 0 { onProgress?(statistics.requests) }
            }
        }
        statistics.finish()
        return statistics
    }

    private mutating func request(for stream: Int, at now: Int64) -> InferenceRequest {
        let entry = streams[stream]
        let episode: EpisodeID
        switch entry.spec.episode {
        case .random:
            episode = .version7(milliseconds: Self.episodeEpochMilliseconds + UInt64(now / 1_000_000), random: random.next(), random2: random.next())
        case .shared:
            episode = entry.sharedEpisode
        case .fixed(let text):
            episode = EpisodeID(string: text) ?? entry.sharedEpisode
        }
        let target: InferenceRequest.Target
        switch entry.spec.target.value {
        case .function(let name): target = .function(name)
        case .model(let name): target = .model(name)
        }
        return InferenceRequest(
            target: target, episodeID: episode, pinnedVariant: entry.spec.pinnedVariant,
            credentials: entry.credentials, stream: entry.spec.stream
        )
    }
}
