import SwitchyardConfig
import SwitchyardEngine

/// Runs one phase's traffic through the engine on a simulated clock: requests arrive at their `every`
/// intervals, overlap freely, and every attempt is answered by the mock upstreams. No real time passes.
struct PhaseSimulation {
    /// One expanded `send` table.
    struct Stream {
        var spec: SendSpec
        /// The request every send of this table makes, resolved once; each send gives it its episode.
        var prepared: PreparedRequest
        /// Whether each request draws a fresh random episode id (otherwise the prepared request's id is used).
        var randomEpisode: Bool

        init(spec: SendSpec, credentials: [String: Secret], sharedEpisode: EpisodeID, engine: Engine) {
            self.spec = spec
            let target: InferenceRequest.Target = switch spec.target.value {
            case .function(let name): .function(name)
            case .model(let name): .model(name)
            }
            let episode: EpisodeID = switch spec.episode {
            case .random, .shared: sharedEpisode
            case .fixed(let text): EpisodeID(string: text) ?? sharedEpisode
            }
            prepared = engine.prepare(InferenceRequest(
                target: target, episodeID: episode, pinnedVariant: spec.pinnedVariant, credentials: credentials, stream: spec.stream
            ))
            randomEpisode = spec.episode == .random
        }
    }

    /// Events carry only a number, so the queue moves no reference-counted values and each entry takes 16
    /// bytes; an attempt's outcome waits in its request's slot until the event fires. Arrivals stay outside
    /// the queue, one pending per send.
    private struct Event {
        /// The slot, shifted left once; the low bit says whether the request wakes from a sleep.
        private let code: UInt32

        static func attemptDone(slot: Int) -> Event { Event(code: UInt32(slot) << 1) }
        static func wake(slot: Int) -> Event { Event(code: UInt32(slot) << 1 | 1) }

        var slot: Int { Int(code >> 1) }
        var isWake: Bool { code & 1 == 1 }
    }

    /// A send's next request: when it arrives, its place among simultaneous events, and its number.
    private struct Arrival {
        var time: Int64
        var sequence: Int
        var index: Int

        func precedes(_ key: (time: Int64, sequence: Int)) -> Bool {
            time != key.time ? time < key.time : sequence < key.sequence
        }
    }

    /// The requests in flight, by slot: each one's execution, the outcome its pending attempt will report,
    /// which send it came from, and for a best-of-N / mixture-of-N candidate the slot of the request running it
    /// (-1 for requests sent by the phase). Slots are reused as requests finish, and so are their executions.
    ///
    /// The slots own their executions (one retain each, given back by `releaseExecutions()`) and step them
    /// as guaranteed references, so stepping a request counts no references.
    private struct Slots {
        private var executions: [Unmanaged<RequestExecution>] = []
        var outcomes: [AttemptOutcome] = []
        var origins: [(stream: Int, index: Int)] = []
        var parents: [Int32] = []
        /// The candidates' results so far, by the slot of the request waiting for them.
        var rounds: [Int: CandidateResults] = [:]
        private var free: [Int] = []

        /// Starts `prepared` with `episode`, sent by the phase, in a free slot (restarting the finished execution there) or in a
        /// new one.
        mutating func start(
            _ prepared: PreparedRequest, episode: EpisodeID, on engine: Engine, at now: Int64, jitterSeed: UInt64,
            recordingTrace: Bool, stream: Int, index: Int
        ) -> Int {
            if let slot = free.popLast() {
                let finished = executions[slot].takeUnretainedValue()
                engine.start(prepared, episode: episode, reusing: finished, at: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
                origins[slot] = (stream, index)
                parents[slot] = -1
                return slot
            }
            let execution = engine.start(prepared, episode: episode, at: now, jitterSeed: jitterSeed, recordingTrace: recordingTrace)
            return append(execution, stream: stream, index: index, parent: -1)
        }

        /// Puts `candidate`, handed out by the request in slot `parent`, in a slot of its own.
        mutating func adopt(_ candidate: RequestExecution, stream: Int, index: Int, parent: Int) -> Int {
            guard let slot = free.popLast() else { return append(candidate, stream: stream, index: index, parent: Int32(parent)) }
            executions[slot].release()
            executions[slot] = Unmanaged.passRetained(candidate)
            origins[slot] = (stream, index)
            parents[slot] = Int32(parent)
            return slot
        }

        private mutating func append(_ execution: RequestExecution, stream: Int, index: Int, parent: Int32) -> Int {
            executions.append(Unmanaged.passRetained(execution))
            outcomes.append(.timedOut)
            origins.append((stream, index))
            parents.append(parent)
            return executions.count - 1
        }

        /// Runs `step` on the execution in `slot`.
        @inline(__always)
        func step(_ slot: Int, _ step: (RequestExecution) -> EngineAction) -> EngineAction {
            executions[slot]._withUnsafeGuaranteedRef(step)
        }

        /// Frees `slot`, whose request has finished.
        mutating func release(_ slot: Int) {
            free.append(slot)
        }

        /// Moves the outcome waiting in `slot` out, leaving a placeholder, so no reference is counted twice.
        mutating func takeOutcome(_ slot: Int) -> AttemptOutcome {
            var outcome = AttemptOutcome.timedOut
            swap(&outcomes[slot], &outcome)
            return outcome
        }

        /// Gives back the slots' hold on every execution, once the phase is over.
        mutating func releaseExecutions() {
            for execution in executions { execution.release() }
            executions = []
        }
    }

    /// A best-of-N / mixture-of-N request's candidates: their results in order, and how many are still running.
    private struct CandidateResults {
        var results: [InferenceResult?]
        var running: Int
        /// Each candidate's slot, in order.
        var slots: [Int] = []
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
        // Room for every latency up front (within reason), so a long phase never copies the list as it grows.
        statistics.latencies.reserveCapacity(min(streams.reduce(0) { $0 + $1.spec.count }, 1 << 22))
        var events = EventQueue<Event>()
        var slots = Slots()
        var arrivals: [Arrival?] = streams.map { $0.spec.count > 0 ? Arrival(time: 0, sequence: events.takeSequence(), index: 0) : nil }
        while true {
            let now: Int64
            let slot: Int
            let action: EngineAction
            if let stream = earliestArrival(arrivals, before: events.firstKey), let arrival = arrivals[stream] {
                now = arrival.time
                arrivals[stream] = arrival.index + 1 < streams[stream].spec.count
                    ? Arrival(time: now + streams[stream].spec.every, sequence: events.takeSequence(), index: arrival.index + 1) : nil
                slot = slots.start(
                    streams[stream].prepared, episode: episode(for: stream, at: now), on: engine, at: now, jitterSeed: random.next(),
                    recordingTrace: onResult != nil, stream: stream, index: arrival.index
                )
                action = slots.step(slot) { $0.next(at: now) }
            } else if let (time, event) = events.pop() {
                now = time
                slot = event.slot
                if event.isWake {
                    action = slots.step(slot) { $0.resume(at: now) }
                } else {
                    let outcome = slots.takeOutcome(slot)
                    action = slots.step(slot) { $0.complete(outcome, at: now) }
                }
            } else {
                break
            }
            follow(action, slot: slot, at: now, slots: &slots, events: &events, statistics: &statistics)
        }
        slots.releaseExecutions()
        statistics.finish()
        return statistics
    }

    /// Carries out `action` of the request in `slot`: queues its attempt's answer or its wake-up, starts its
    /// candidates, or records its result (a candidate's goes to the request running it, which continues once
    /// its last candidate is done). The best-of-N steps live in functions of their own, so that this one, on
    /// every request's path, stays small enough to inline.
    @inline(__always)
    private mutating func follow(
        _ action: EngineAction, slot: Int, at now: Int64, slots: inout Slots, events: inout EventQueue<Event>, statistics: inout PhaseStatistics
    ) {
        switch action {
        case .attempt(let attempt):
            let (outcome, at) = upstreams.answer(attempt)
            slots.outcomes[slot] = outcome
            events.push(.attemptDone(slot: slot), at: at, now: now)
        case .sleep(let until):
            events.push(.wake(slot: slot), at: until, now: now)
        case .candidates(let candidates):
            startCandidates(candidates, of: slot, at: now, slots: &slots, events: &events, statistics: &statistics)
        case .finished(let result):
            let parent = Int(slots.parents[slot])
            guard parent < 0 else {
                candidateFinished(result, in: slot, of: parent, at: now, slots: &slots, events: &events, statistics: &statistics)
                return
            }
            let origin = slots.origins[slot]
            slots.release(slot)
            statistics.record(result)
            onResult?(result, origin.stream, origin.index)
            if statistics.requests % 100_000 == 0 { onProgress?(statistics.requests) }
        }
    }

    /// Puts the candidates the request in `slot` handed out in slots of their own and starts them.
    @inline(never)
    private mutating func startCandidates(
        _ candidates: [RequestExecution], of slot: Int, at now: Int64, slots: inout Slots, events: inout EventQueue<Event>,
        statistics: inout PhaseStatistics
    ) {
        let origin = slots.origins[slot]
        var round = CandidateResults(results: Array(repeating: nil, count: candidates.count), running: candidates.count)
        for candidate in candidates {
            round.slots.append(slots.adopt(candidate, stream: origin.stream, index: origin.index, parent: slot))
        }
        slots.rounds[slot] = round
        for (candidate, candidateSlot) in zip(candidates, round.slots) {
            follow(candidate.next(at: now), slot: candidateSlot, at: now, slots: &slots, events: &events, statistics: &statistics)
        }
    }

    /// Hands the result of the candidate in `slot` to the request in `parent`, which continues once its last
    /// candidate is done.
    @inline(never)
    private mutating func candidateFinished(
        _ result: InferenceResult, in slot: Int, of parent: Int, at now: Int64, slots: inout Slots, events: inout EventQueue<Event>,
        statistics: inout PhaseStatistics
    ) {
        slots.release(slot)
        guard var round = slots.rounds[parent], let position = round.slots.firstIndex(of: slot) else { return }
        round.results[position] = result
        round.slots[position] = -1
        round.running -= 1
        slots.rounds[parent] = round
        guard round.running == 0 else { return }
        slots.rounds[parent] = nil
        let results = round.results.compactMap { $0 }
        let next = slots.step(parent) { $0.candidatesFinished(results, at: now) }
        follow(next, slot: parent, at: now, slots: &slots, events: &events, statistics: &statistics)
    }

    /// The send whose pending arrival comes first, if it comes before the queued event `queued`.
    private func earliestArrival(_ arrivals: [Arrival?], before queued: (time: Int64, sequence: Int)?) -> Int? {
        var earliest: Int?
        for (stream, arrival) in arrivals.enumerated() {
            guard let arrival else { continue }
            if let best = earliest, let current = arrivals[best], !arrival.precedes((current.time, current.sequence)) { continue }
            earliest = stream
        }
        guard let earliest, let arrival = arrivals[earliest] else { return nil }
        if let queued, !arrival.precedes(queued) { return nil }
        return earliest
    }

    private mutating func episode(for stream: Int, at now: Int64) -> EpisodeID {
        guard streams[stream].randomEpisode else { return streams[stream].prepared.request.episodeID }
        return .version7(milliseconds: Self.episodeEpochMilliseconds + UInt64(now / 1_000_000), random: random.next(), random2: random.next())
    }
}
