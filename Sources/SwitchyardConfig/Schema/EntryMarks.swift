/// A set of entry positions in one table, one bit each: which keys a `TableReader` has read.
struct EntryMarks {
    /// Positions 0..<64, which is every position of almost every configuration table.
    private var first: UInt64 = 0
    /// Positions from 64 on, 64 to a word.
    private var rest: [UInt64] = []

    mutating func insert(_ position: Int) {
        guard position >= 64 else {
            first |= 1 << UInt64(position)
            return
        }
        let word = position / 64 - 1
        if word >= rest.count { rest.append(contentsOf: repeatElement(0, count: word - rest.count + 1)) }
        rest[word] |= 1 << UInt64(position % 64)
    }

    func contains(_ position: Int) -> Bool {
        guard position >= 64 else { return first & (1 << UInt64(position)) != 0 }
        let word = position / 64 - 1
        return word < rest.count && rest[word] & (1 << UInt64(position % 64)) != 0
    }
}
