/// A min-heap of events, earliest first (`EventEntry.precedes`). Each node has four children, which halves the
/// depth a pop walks compared with a binary heap. The sift loops work on the buffer directly: indices stay within
/// `count`, so they need no per-step bounds or uniqueness checks.
struct EventHeap<Payload> {
    private var entries: [EventEntry<Payload>] = []

    var first: EventEntry<Payload>? { entries.first }

    mutating func push(_ entry: EventEntry<Payload>) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { heap in
            // Move the hole up from the end until the entry's parent precedes it.
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) / 4
                guard entry.precedes(heap[parent]) else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = entry
        }
    }

    /// Removes and returns the earliest entry.
    mutating func popFirst() -> EventEntry<Payload>? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty { siftDown(last) }
        return first
    }

    /// Puts `entry`, which fires no earlier than the entry it replaces, in the earliest entry's place.
    mutating func replaceFirst(with entry: EventEntry<Payload>) {
        siftDown(entry)
    }

    /// Fills the root's place with `entry`, moving the hole down from the root, lifting the earliest child,
    /// until `entry` fits.
    private mutating func siftDown(_ entry: EventEntry<Payload>) {
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                let firstChild = 4 * hole + 1
                guard firstChild < count else { break }
                var child = firstChild
                var sibling = firstChild + 1
                let end = min(firstChild + 4, count)
                while sibling < end {
                    if heap[sibling].precedes(heap[child]) { child = sibling }
                    sibling += 1
                }
                guard heap[child].precedes(entry) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = entry
        }
    }
}
