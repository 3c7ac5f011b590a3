/// A TOML table: keys in the order they were first written, each with the location of its key.
public struct TOMLTable: Sendable {
    /// One key of a table: where the key was written and its value.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: TOMLValue

        public init(key: String, keyLocation: SourceLocation, value: TOMLValue) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    /// Entries in first-written order.
    public private(set) var entries: [Entry] = []
    /// Key → position in `entries`; only kept once the table outgrows `linearSearchLimit`, because
    /// scanning a few keys is faster than hashing and most configuration tables are small.
    private var indexByKey: [String: Int] = [:]
    private static let linearSearchLimit = 8

    public init() {}

    /// The keys in first-written order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether the table has no keys.
    public var isEmpty: Bool { entries.isEmpty }

    /// The number of keys.
    public var count: Int { entries.count }

    /// The entry for `key`, if present.
    public func entry(_ key: String) -> Entry? {
        index(ofKey: key).map { entries[$0] }
    }

    /// The value for `key`, if present.
    public subscript(key: String) -> TOMLValue? {
        index(ofKey: key).map { entries[$0].value }
    }

    /// Adds or replaces `key`. A replaced key keeps its original position and key location.
    public mutating func set(_ key: String, _ value: TOMLValue, keyLocation: SourceLocation) {
        if let index = index(ofKey: key) {
            entries[index].value = value
        } else {
            appendNewKey(key, value, keyLocation: keyLocation)
        }
    }

    /// Changes the value of an existing key in place; does nothing if the key is absent.
    public mutating func modify(_ key: String, _ body: (inout TOMLValue) throws -> Void) rethrows {
        guard let index = index(ofKey: key) else { return }
        try body(&entries[index].value)
    }

    /// The position of `key` in `entries`, if present.
    func index(ofKey key: String) -> Int? {
        guard entries.count > Self.linearSearchLimit else {
            return entries.firstIndex { $0.key == key }
        }
        return indexByKey[key]
    }

    /// Appends `key`, which the caller guarantees is not in the table yet.
    mutating func appendNewKey(_ key: consuming String, _ value: consuming TOMLValue, keyLocation: consuming SourceLocation) {
        let index = entries.count
        if index > Self.linearSearchLimit {
            indexByKey[copy key] = index
        }
        if index == 0 {
            // Most tables get a few keys: start with room for two rather than growing 1 → 2.
            entries.reserveCapacity(2)
        }
        entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
        if index == Self.linearSearchLimit {
            // The table just outgrew linear search: index every key.
            indexByKey.reserveCapacity(entries.count * 2)
            for (position, entry) in entries.enumerated() {
                indexByKey[entry.key] = position
            }
        }
    }

    /// Replaces the value at `index` in `entries`, keeping its key and key location.
    mutating func replaceValue(at index: Int, with value: TOMLValue) {
        entries[index].value = value
    }
}
