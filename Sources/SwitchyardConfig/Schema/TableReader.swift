/// Reads typed fields out of one TOML table, remembering which keys were read so that the rest can be
/// reported as unknown, the way TensorZero's `deny_unknown_fields` rejects them.
///
/// Type errors and missing required fields are reported to the collector; the accessor then returns `nil`
/// and decoding carries on, so one run finds every problem.
public struct TableReader {
    /// The table being read; values handed out by `take` are left as placeholders.
    public private(set) var table: TOMLTable
    /// Where the table starts.
    public let location: SourceLocation
    public let diagnostics: DiagnosticCollector
    /// The parent's path and this table's key in it; the dotted path is only joined when asked for, since
    /// most tables are read without a diagnostic.
    private let parentPath: String
    private let key: String?
    /// The entries read (or accepted) so far, by position.
    private var readEntries = EntryMarks()

    public init(table: TOMLTable, path: String, location: SourceLocation, diagnostics: DiagnosticCollector) {
        self.init(table: table, parentPath: path, key: nil, location: location, diagnostics: diagnostics)
    }

    /// A reader for `value` if it is a table; otherwise reports a type error and returns `nil`.
    public init?(_ value: TOMLValue, path: String, diagnostics: DiagnosticCollector, expecting: String = "a table") {
        self.init(value, parentPath: path, key: nil, diagnostics: diagnostics, expecting: expecting)
    }

    private init(table: TOMLTable, parentPath: String, key: String?, location: SourceLocation, diagnostics: DiagnosticCollector) {
        self.table = table
        self.parentPath = parentPath
        self.key = key
        self.location = location
        self.diagnostics = diagnostics
    }

    private init?(_ value: TOMLValue, parentPath: String, key: String?, diagnostics: DiagnosticCollector, expecting: String = "a table") {
        guard case .table(let table) = value.kind else {
            let path = key.map { keyPath(parentPath, $0) } ?? parentPath
            diagnostics.report(.wrongType, at: value.location, path: path, "expected \(expecting), found \(value.typeName)")
            return nil
        }
        self.init(table: table, parentPath: parentPath, key: key, location: value.location, diagnostics: diagnostics)
    }

    /// Dotted path of this table (`models.m.providers.p`).
    public var path: String {
        key.map { keyPath(parentPath, $0) } ?? parentPath
    }

    /// The path of a key inside this table.
    public func path(of key: String) -> String { keyPath(path, key) }

    /// Whether the table has `key` (does not mark it read).
    public func contains(_ key: String) -> Bool { table.index(ofKey: key) != nil }

    /// The raw value of `key`, marking it read.
    public mutating func value(_ key: String) -> TOMLValue? {
        guard let position = table.index(ofKey: key) else { return nil }
        readEntries.insert(position)
        return table.entries[position].value
    }

    /// Takes the value of `key` out of the table, marking it read (reading the key again gives a placeholder).
    /// Once the caller is done with the value, nothing keeps it alive, so a large section is freed as it is
    /// decoded rather than at the end.
    public mutating func take(_ key: String) -> TOMLValue? {
        guard let position = table.index(ofKey: key) else { return nil }
        return takeEntry(at: position).value
    }

    /// Calls `body` with every entry in order, taking each value out of the table first (see `take`).
    public mutating func takeEntries(_ body: (TOMLTable.Entry) -> Void) {
        for position in table.entries.indices {
            body(takeEntry(at: position))
        }
    }

    /// The entry at `position`, marked read, with a placeholder left in the table in place of its value.
    private mutating func takeEntry(at position: Int) -> TOMLTable.Entry {
        let entry = table.entries[position]
        readEntries.insert(position)
        table.replaceValue(at: position, with: TOMLValue(.boolean(false), at: entry.value.location))
        return entry
    }

    /// Reports that a required key is absent, at the table's location.
    public func reportMissing(_ key: String) {
        diagnostics.report(.missingField, at: location, path: path, "missing field `\(key)`")
    }

    /// Reports a wrong type for `key`.
    public func reportType(_ key: String, _ value: TOMLValue, expected: String) {
        diagnostics.report(.wrongType, at: value.location, path: path(of: key), "expected \(expected), found \(value.typeName)")
    }

    public mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        typed(key, required: required, expected: "a string") {
            if case .string(let text) = $0 { return text }
            return nil
        }
    }

    public mutating func bool(_ key: String, required: Bool = false) -> Located<Bool>? {
        typed(key, required: required, expected: "a boolean") {
            if case .boolean(let flag) = $0 { return flag }
            return nil
        }
    }

    /// A non-negative integer (TensorZero's `u64`/`usize` fields).
    public mutating func unsigned(_ key: String, required: Bool = false) -> Located<Int64>? {
        guard let value = value(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .integer(let number) = value.kind else {
            reportType(key, value, expected: "a non-negative integer")
            return nil
        }
        guard number >= 0 else {
            diagnostics.report(.invalidValue, at: value.location, path: path(of: key), "expected a non-negative integer, found \(number)")
            return nil
        }
        return Located(number, at: value.location)
    }

    /// An integer that fits TensorZero's `i32` fields.
    public mutating func int32(_ key: String, required: Bool = false) -> Located<Int32>? {
        guard let value = value(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .integer(let number) = value.kind else {
            reportType(key, value, expected: "an integer")
            return nil
        }
        guard let small = Int32(exactly: number) else {
            diagnostics.report(.invalidValue, at: value.location, path: path(of: key), Int32Field.outOfRangeMessage(number))
            return nil
        }
        return Located(small, at: value.location)
    }

    /// A number; integers are accepted where TensorZero reads a float.
    public mutating func number(_ key: String, required: Bool = false) -> Located<Double>? {
        typed(key, required: required, expected: "a number") {
            switch $0 {
            case .float(let number): return number
            case .integer(let number): return Double(number)
            default: return nil
            }
        }
    }

    public mutating func stringArray(_ key: String, required: Bool = false) -> [Located<String>]? {
        guard let value = value(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .array(let items) = value.kind else {
            reportType(key, value, expected: "an array of strings")
            return nil
        }
        var strings: [Located<String>] = []
        strings.reserveCapacity(items.count)
        var allStrings = true
        for (index, item) in items.enumerated() {
            if case .string(let text) = item.kind {
                strings.append(Located(text, at: item.location))
            } else {
                allStrings = false
                diagnostics.report(.wrongType, at: item.location, path: "\(path(of: key))[\(index)]", "expected a string, found \(item.typeName)")
            }
        }
        return allStrings ? strings : nil
    }

    /// A reader for the sub-table `key`.
    public mutating func table(_ key: String, required: Bool = false) -> TableReader? {
        guard let value = value(key) else {
            if required { reportMissing(key) }
            return nil
        }
        return TableReader(value, parentPath: path, key: key, diagnostics: diagnostics)
    }

    /// Marks keys as accepted without decoding them (fields that do not affect routing). `keys` is only
    /// evaluated when some key of the table is not read yet.
    public mutating func accept(_ keys: @autoclosure () -> [String]) {
        var accepted: [String]?
        for position in table.entries.indices where !readEntries.contains(position) {
            if accepted == nil { accepted = keys() }
            if accepted?.contains(table.entries[position].key) == true { readEntries.insert(position) }
        }
    }

    /// Reports every key that was not read as unknown, listing `expected` the way serde does (`expected` is
    /// only evaluated when there is such a key).
    public func rejectUnknownKeys(expected: @autoclosure () -> [String]) {
        for position in table.entries.indices where !readEntries.contains(position) {
            let entry = table.entries[position]
            let expected = expected()
            diagnostics.report(
                .unknownField, at: entry.keyLocation, path: path(of: entry.key),
                expected.isEmpty ? "unknown field `\(entry.key)`" : "unknown field `\(entry.key)`, \(TableReader.describeExpected(expected))"
            )
        }
    }

    /// `expected one of `a`, `b`, `c`` / `expected `a` or `b`` / `expected `a``, as serde words it.
    public static func describeExpected(_ names: [String]) -> String {
        let quoted = names.map { "`\($0)`" }
        switch quoted.count {
        case 0: return "expected no fields"
        case 1: return "expected \(quoted[0])"
        case 2: return "expected \(quoted[0]) or \(quoted[1])"
        default: return "expected one of \(quoted.joined(separator: ", "))"
        }
    }

    private mutating func typed<T>(
        _ key: String, required: Bool, expected: String, _ extract: (TOMLKind) -> T?
    ) -> Located<T>? {
        guard let value = value(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard let typed = extract(value.kind) else {
            reportType(key, value, expected: expected)
            return nil
        }
        return Located(typed, at: value.location)
    }
}
