import SwitchyardConfig
import SwitchyardEngine

/// Runs one phase's traffic through the engine on a simulated clock: requests arrive at their `every`
/// intervals, overlap freely, and every attempt is answered by the mock upstreams. No real time passes.
struct PhaseSimulation {
    /// One expanded `send` table.
    struct Stream {
        var spec: SendSpec
        /// The request every send of this table makes, before its episode id is chosen.
        var template: InferenceRequest
        /// Whether each request draws a fresh random episode id (otherwise the template's id is used).
        var randomEpisode: Bool

        init(spec: SendSpec, credentials: [String: Secret], sharedEpisode: EpisodeID) {
            self.spec = spec
            let target: InferenceRequest.Target = switch spec.target.value {
            case .function(let name): .function(name)
            case .model(let name): .model(name)
            }
            let episode: EpisodeID = switch spec.episode {
            case .random, .shared: sharedEpisode
            case .fixed(let text): EpisodeID(string: text) ?? sharedEpisode
            }
            template = InferenceRequest(
                target: target, episodeID: episode, pinnedVariant: spec.pinnedVariant, credentials: credentials, stream: spec.stream
            )
            randomEpisode = spec.episode == .random
        }
    }

    /// Events carry only numbers, so the queue moves no reference-counted values; an attempt's outcome waits
    /// in its request's slot until the event fires. Arrivals stay outside the queue, one pending per send.
    private enum Event {
        case attemptDone(slot: Int32)
        case wake(slot: Int32)
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
    /// (-1 for requests sent by the phase). Slots are reused as requests finish.
    private struct Slots {
        var executions: [RequestExecution?] = []
        var outcomes: [AttemptOutcome] = []
        var origins: [(stream: Int, index: Int)] = []
        var parents: [Int32] = []
        /// The candidates' results so far, by the slot of the request waiting for them.
        var rounds: [Int: CandidateResults] = [:]
        private var free: [Int] = []

        mutating func take(_ execution: RequestExecution, stream: Int, index: Int, parent: Int32 = -1) -> Int {
            if let slot = free.popLast() {
                executions[slot] = execution
                origins[slot] = (stream, index)
                parents[slot] = parent
                return slot
            }
            executions.append(execution)
            outcomes.append(.timedOut)
            origins.append((stream, index))
            parents.append(parent)
            return executions.count - 1
        }

        mutating func release(_ slot: Int) {
            executions[slot] = nil
            outcomes[slot] = .timedOut
            free.append(slot)
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
                let execution = engine.start(request(for: stream, at: now), at: now, jitterSeed: random.next(), recordingTrace: onResult != nil)
                slot = slots.take(execution, stream: stream, index: arrival.index)
                action = execution.next(at: now)
            } else if let (time, event) = events.pop() {
                now = time
                switch event {
                case .attemptDone(let done):
                    slot = Int(done)
                    action = slots.executions[slot]!.complete(slots.outcomes[slot], at: now)
                case .wake(let woken):
                    slot = Int(woken)
                    action = slots.executions[slot]!.resume(at: now)
                }
            } else {
                break
            }
            // Ordinary requests take these cases inline; best-of-N candidates and their results take `follow`.
            switch action {
            case .attempt(let attempt):
                send(attempt, slot: slot, slots: &slots, events: &events)
            case .sleep(let until):
                events.push(.wake(slot: Int32(slot)), at: until)
            case .finished(let result) where slots.parents[slot] < 0:
                record(result, slot: slot, slots: &slots, statistics: &statistics)
            case .finished, .candidates:
                follow(action, slot: slot, at: now, slots: &slots, events: &events, statistics: &statistics)
            }
        }
        statistics.finish()
        return statistics
    }

    /// Carries out `action` of the request in `slot`: queues its attempt's answer or its wake-up, starts its
    /// candidates, or records its result (a candidate's goes to the request running it, which continues once
    /// its last candidate is done).
    private mutating func follow(
        _ action: EngineAction, slot: Int, at now: Int64, slots: inout Slots, events: inout EventQueue<Event>, statistics: inout PhaseStatistics
    ) {
        switch action {
        case .attempt(let attempt):
            send(attempt, slot: slot, slots: &slots, events: &events)
        case .sleep(let until):
            events.push(.wake(slot: Int32(slot)), at: until)
        case .candidates(let candidates):
            let origin = slots.origins[slot]
            var round = CandidateResults(results: Array(repeating: nil, count: candidates.count), running: candidates.count)
            for candidate in candidates {
                round.slots.append(slots.take(candidate, stream: origin.stream, index: origin.index, parent: Int32(slot)))
            }
            slots.rounds[slot] = round
            for (candidate, candidateSlot) in zip(candidates, round.slots) {
                follow(candidate.next(at: now), slot: candidateSlot, at: now, slots: &slots, events: &events, statistics: &statistics)
            }
        case .finished(let result):
            let parent = Int(slots.parents[slot])
            if parent >= 0 {
                slots.release(slot)
                guard var round = slots.rounds[parent], let position = round.slots.firstIndex(of: slot) else { return }
                round.results[position] = result
                round.slots[position] = -1
                round.running -= 1
                slots.rounds[parent] = round
                guard round.running == 0 else { return }
                slots.rounds[parent] = nil
                let next = slots.executions[parent]!.candidatesFinished(round.results.compactMap { $0 }, at: now)
                follow(next, slot: parent, at: now, slots: &slots, events: &events, statistics: &statistics)
                return
            }
            record(result, slot: slot, slots: &slots, statistics: &statistics)
        }
    }

    /// Asks the mock upstream for the attempt's outcome and queues it for when it arrives.
    private mutating func send(_ attempt: ProviderAttempt, slot: Int, slots: inout Slots, events: inout EventQueue<Event>) {
        let (outcome, at) = upstreams.answer(attempt)
        slots.outcomes[slot] = outcome
        events.push(.attemptDone(slot: Int32(slot)), at: at)
    }

    /// Counts a request the phase sent once it has finished, and frees its slot.
    private func record(_ result: InferenceResult, slot: Int, slots: inout Slots, statistics: inout PhaseStatistics) {
        let origin = slots.origins[slot]
        slots.release(slot)
        statistics.record(result)
        onResult?(result, origin.stream, origin.index)
        if statistics.requests % 100_000 == 0 { onProgress?(statistics.requests) }
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

    private mutating func request(for stream: Int, at now: Int64) -> InferenceRequest {
        var request = streams[stream].template
        if streams[stream].randomEpisode {
            request.episodeID = .version7(milliseconds: Self.episodeEpochMilliseconds + UInt64(now / 1_000_000), random: random.next(), random2: random.next())
        }
        return request
    }
}
