/// A queued simulation event: when it fires, its insertion number (which orders events at the same time), and
/// what it carries. With a 4-byte payload an entry takes 16 bytes.
struct EventEntry<Payload> {
    var time: Int64
    var sequence: UInt32
    var payload: Payload

    /// Whether this event fires before `other`: earlier, or at the same time and inserted first.
    @inline(__always)
    func precedes<Other>(_ other: EventEntry<Other>) -> Bool {
        time != other.time ? time < other.time : sequence < other.sequence
    }
}
