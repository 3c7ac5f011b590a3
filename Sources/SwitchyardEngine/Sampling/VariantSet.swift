/// A set of variant numbers, walked in ascending (name) order. Functions with up to 64 variants fit in one
/// word, so a request's variants in play cost no allocation; larger functions spill into more words.
struct VariantSet: Sendable, Equatable {
    private var first: UInt64 = 0
    /// Words for numbers 64 and up; empty (and unallocated) for functions with at most 64 variants.
    private var rest: [UInt64] = []

    /// The empty set.
    init() {}

    /// Every number in `0..<count`.
    init(all count: Int) {
        for number in 0..<count { insert(number) }
    }

    /// The set holding `numbers`.
    init(_ numbers: some Sequence<Int>) {
        for number in numbers { insert(number) }
    }

    var isEmpty: Bool { first == 0 && rest.allSatisfy { $0 == 0 } }

    var count: Int { rest.reduce(first.nonzeroBitCount) { $0 + $1.nonzeroBitCount } }

    func contains(_ number: Int) -> Bool {
        let (word, bit) = number.quotientAndRemainder(dividingBy: 64)
        if word == 0 { return first & (1 << UInt64(bit)) != 0 }
        return word - 1 < rest.count && rest[word - 1] & (1 << UInt64(bit)) != 0
    }

    mutating func insert(_ number: Int) {
        let (word, bit) = number.quotientAndRemainder(dividingBy: 64)
        if word == 0 {
            first |= 1 << UInt64(bit)
            return
        }
        while rest.count < word { rest.append(0) }
        rest[word - 1] |= 1 << UInt64(bit)
    }

    mutating func remove(_ number: Int) {
        let (word, bit) = number.quotientAndRemainder(dividingBy: 64)
        if word == 0 {
            first &= ~(1 << UInt64(bit))
        } else if word - 1 < rest.count {
            rest[word - 1] &= ~(1 << UInt64(bit))
        }
    }

    /// The numbers in both sets.
    func intersection(_ other: VariantSet) -> VariantSet {
        var result = VariantSet()
        result.first = first & other.first
        if !rest.isEmpty, !other.rest.isEmpty {
            result.rest = zip(rest, other.rest).map { $0 & $1 }
        }
        return result
    }

    /// The `index`-th smallest number (counting from 0); `index` must be below `count`.
    func element(at index: Int) -> Int {
        var remaining = index
        let population = first.nonzeroBitCount
        if remaining < population { return Self.bit(remaining, of: first) }
        remaining -= population
        for (offset, word) in rest.enumerated() {
            let population = word.nonzeroBitCount
            if remaining < population { return (offset + 1) * 64 + Self.bit(remaining, of: word) }
            remaining -= population
        }
        preconditionFailure("VariantSet.element(at: \(index)) out of range")
    }

    /// Calls `body` with each number in ascending order until it returns `false`.
    func forEach(while body: (Int) -> Bool) {
        var word = first
        while word != 0 {
            guard body(word.trailingZeroBitCount) else { return }
            word &= word - 1
        }
        for (offset, restWord) in rest.enumerated() {
            var word = restWord
            while word != 0 {
                guard body((offset + 1) * 64 + word.trailingZeroBitCount) else { return }
                word &= word - 1
            }
        }
    }

    /// Sets are equal when they hold the same numbers, however many spill words each has allocated.
    static func == (lhs: VariantSet, rhs: VariantSet) -> Bool {
        guard lhs.first == rhs.first else { return false }
        for index in 0..<max(lhs.rest.count, rhs.rest.count) {
            let left = index < lhs.rest.count ? lhs.rest[index] : 0
            let right = index < rhs.rest.count ? rhs.rest[index] : 0
            if left != right { return false }
        }
        return true
    }

    /// The position of the `index`-th set bit of `word`.
    private static func bit(_ index: Int, of word: UInt64) -> Int {
        var word = word
        for _ in 0..<index { word &= word - 1 }
        return word.trailingZeroBitCount
    }
}
