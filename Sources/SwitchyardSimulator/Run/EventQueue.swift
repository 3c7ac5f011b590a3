/// A min-heap of simulation events ordered by time, then by insertion, so equal times replay in a fixed order.
/// Each node has four children, which halves the depth a pop walks compared with a binary heap. The sift loops
/// work on the heap's buffer directly: indices stay within `count`, so they need no per-step bounds or
/// uniqueness checks. Insertion numbers are 32-bit, so an entry with a 4-byte payload takes 16 bytes and a pop
/// moves less memory; a queue takes at most 2^32 insertions.
struct EventQueue<Payload> {
    private struct Entry {
        var time: Int64
        var sequence: UInt32
        var payload: Payload

        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt32 = 0

    var isEmpty: Bool { heap.isEmpty }

    /// The time and insertion number of the earliest event, if any.
    var firstKey: (time: Int64, sequence: Int)? {
        heap.first.map { ($0.time, Int($0.sequence)) }
    }

    /// Takes the next insertion number for an event kept outside the queue, so that it still orders among
    /// queued events as if it had been pushed now.
    mutating func takeSequence() -> Int {
        Int(advanceSequence())
    }

    mutating func push(_ payload: Payload, at time: Int64) {
        let entry = Entry(time: time, sequence: advanceSequence(), payload: payload)
        heap.append(entry)
        heap.withUnsafeMutableBufferPointer { heap in
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

    private mutating func advanceSequence() -> UInt32 {
        precondition(nextSequence < .max, "a simulated phase is limited to \(UInt32.max) events")
        defer { nextSequence += 1 }
        return nextSequence
    }

    mutating func pop() -> (time: Int64, payload: Payload)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        heap.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            guard count > 0 else { return }
            // Move the hole down from the root, lifting the earliest child, until `last` fits.
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
                guard heap[child].precedes(last) else { break }
                heap[hole] = heap[child]
                hole = child
            }
            heap[hole] = last
        }
        return (first.time, first.payload)
    }
}
