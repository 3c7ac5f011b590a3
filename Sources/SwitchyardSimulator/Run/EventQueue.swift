/// The simulation's events, ordered by time and then by insertion, so equal times replay in a fixed order.
///
/// Events pushed with the same delay (their time minus the `now` they were pushed at) come due in the order they
/// were pushed, and a scenario's events use few delays: its latencies and timeouts. So each delay gets a lane, a
/// first-in first-out run, and a small heap orders the nonempty lanes by their first events: a pop walks a heap
/// of a few lanes, not one of every event in flight (timeouts alone can keep hundreds queued). Once `maxLanes`
/// delays have lanes, other delays (retry backoff draws jitter) go to a general heap, and a pop takes the earlier
/// of the two firsts. An event that would fire before the last one in its lane goes to that heap too, so the
/// order holds whatever `now` a caller gives. Insertion numbers are 32-bit: a queue takes at most 2^32 insertions.
struct EventQueue<Payload> {
    private static var maxLanes: Int { 32 }
    /// Slots of the delay table: four per lane, so probes stay short and always find a free slot.
    private static var tableSize: Int { 128 }

    private var lanes: [EventLane<Payload>] = []
    /// Each lane's delay, by lane number.
    private var laneDelays: [Int64] = []
    /// An open-addressed table from delay to lane: a lane number plus one, or 0 for a free slot.
    private var delayTable = [Int32](repeating: 0, count: tableSize)
    /// The nonempty lanes, keyed by their first entries; an entry's payload is its lane's number.
    private var laneOrder = EventHeap<Int32>()
    /// The events whose delay has no lane.
    private var overflow = EventHeap<Payload>()
    private var nextSequence: UInt32 = 0

    var isEmpty: Bool { laneOrder.first == nil && overflow.first == nil }

    /// The time and insertion number of the earliest event, if any.
    var firstKey: (time: Int64, sequence: Int)? {
        guard let first = firstIsInLanes ? laneOrder.first.map({ ($0.time, $0.sequence) }) : overflow.first.map({ ($0.time, $0.sequence) })
        else { return nil }
        return (first.0, Int(first.1))
    }

    /// Takes the next insertion number for an event kept outside the queue, so that it still orders among
    /// queued events as if it had been pushed now.
    mutating func takeSequence() -> Int {
        Int(advanceSequence())
    }

    /// Queues `payload` to fire at `time`, pushed at simulated time `now`.
    mutating func push(_ payload: Payload, at time: Int64, now: Int64) {
        let entry = EventEntry(time: time, sequence: advanceSequence(), payload: payload)
        guard let lane = lane(forDelay: time &- now), lanes[lane].lastTime <= time else {
            overflow.push(entry)
            return
        }
        if lanes[lane].isEmpty { laneOrder.push(EventEntry(time: time, sequence: entry.sequence, payload: Int32(lane))) }
        lanes[lane].append(entry)
    }

    mutating func pop() -> (time: Int64, payload: Payload)? {
        guard firstIsInLanes, let order = laneOrder.first else {
            return overflow.popFirst().map { ($0.time, $0.payload) }
        }
        let lane = Int(order.payload)
        let entry = lanes[lane].first
        lanes[lane].removeFirst()
        if lanes[lane].isEmpty {
            _ = laneOrder.popFirst()
        } else {
            let next = lanes[lane].first
            laneOrder.replaceFirst(with: EventEntry(time: next.time, sequence: next.sequence, payload: Int32(lane)))
        }
        return (entry.time, entry.payload)
    }

    /// Whether the earliest event is a lane's (false when the lanes are empty).
    private var firstIsInLanes: Bool {
        guard let order = laneOrder.first else { return false }
        guard let other = overflow.first else { return true }
        return order.precedes(other)
    }

    /// The lane of `delay`, made on first use while there is room for lanes.
    private mutating func lane(forDelay delay: Int64) -> Int? {
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: delay) &* 0x9E37_79B9_7F4A_7C15) >> 57) & (Self.tableSize - 1)
        while true {
            let occupant = Int(delayTable[slot])
            if occupant == 0 { break }
            if laneDelays[occupant - 1] == delay { return occupant - 1 }
            slot = (slot + 1) & (Self.tableSize - 1)
        }
        guard lanes.count < Self.maxLanes else { return nil }
        lanes.append(EventLane())
        laneDelays.append(delay)
        delayTable[slot] = Int32(lanes.count)
        return lanes.count - 1
    }

    private mutating func advanceSequence() -> UInt32 {
        precondition(nextSequence < .max, "a simulated phase is limited to \(UInt32.max) events")
        defer { nextSequence += 1 }
        return nextSequence
    }
}
