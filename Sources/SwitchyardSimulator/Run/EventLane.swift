/// A first-in first-out run of events whose times never decrease, so its first entry is its earliest. Popped
/// entries are dropped from the front in batches, which keeps a lane that never empties from growing.
struct EventLane<Payload> {
    private var entries: [EventEntry<Payload>] = []
    private var head = 0

    var isEmpty: Bool { head == entries.count }

    /// The time of the latest entry pushed; a new entry must not fire before it.
    private(set) var lastTime: Int64 = .min

    /// The earliest entry; the lane must not be empty.
    var first: EventEntry<Payload> { entries[head] }

    mutating func append(_ entry: EventEntry<Payload>) {
        entries.append(entry)
        lastTime = entry.time
    }

    /// Removes the earliest entry; the lane must not be empty.
    mutating func removeFirst() {
        head += 1
        if head == entries.count {
            entries.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024, head * 2 >= entries.count {
            entries.removeFirst(head)
            head = 0
        }
    }
}
