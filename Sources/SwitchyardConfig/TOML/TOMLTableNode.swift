/// A table while a document is being read: shared by reference so headers can reopen it, and aware of
/// how it came to exist so that every TOML 1.0 redefinition rule can be enforced.
///
/// Entries are kept directly in a `TOMLTable`, so key order and key lookup need no second structure.
/// Values that can no longer change (scalars, static arrays, inline tables) are stored finished; tables
/// and arrays of tables that headers or dotted keys may still extend hold a placeholder there, with the
/// open child kept alongside, until `makeTable()` freezes the whole tree.
final class TOMLTableNode {
    /// How a table came to exist, which decides how it may be extended later.
    enum Origin {
        /// The document root.
        case document
        /// Defined by a `[header]` or as an element of `[[header]]`; closed to dotted keys and to another `[header]`.
        case header
        /// Created as a prefix of a header (`a` in `[a.b]`); may still be defined by its own `[a]` header.
        case implicit
        /// Created by a dotted key (`a` in `a.b = 1`); closed to headers of its own but open to sub-table headers.
        case dottedKey
        /// The root of an inline table being read; frozen as soon as it is complete.
        case inlineTable
    }

    /// A table or array of tables that is still open, behind a placeholder entry.
    private enum OpenChild {
        case table(TOMLTableNode)
        case arrayOfTables(TOMLTableArrayNode)
    }

    private(set) var origin: Origin
    /// The header's `[`, the inline table's `{`, or the key segment that created the table implicitly.
    private(set) var location: SourceLocation
    private var table = TOMLTable()
    /// Parallel to `table.entries`: the open child behind each placeholder, `nil` for finished values.
    private var openChildren: [OpenChild?] = []

    init(origin: Origin, location: SourceLocation) {
        self.origin = origin
        self.location = location
    }

    // MARK: Table headers

    /// The table a header prefix segment (`a` in `[a.b]`) leads to, creating an implicit table if needed.
    /// Arrays of tables lead to their most recently added element.
    func tableForHeaderPrefix(_ key: TOMLDottedKey, segment index: Int) throws(TOMLSyntaxError) -> TOMLTableNode {
        let segment = key[index]
        guard let entryIndex = table.index(ofKey: segment.name) else {
            return addTable(segment, origin: .implicit, location: segment.location)
        }
        switch openChildren[entryIndex] {
        case .table(let table):
            return table
        case .arrayOfTables(let array):
            return array.tables[array.tables.count - 1]
        case nil:
            throw notATable(key, segmentCount: index + 1, entryIndex: entryIndex)
        }
    }

    /// Defines the table named by the last segment of a `[header]` that starts at `headerLocation`.
    func defineTable(_ key: TOMLDottedKey, at headerLocation: SourceLocation) throws(TOMLSyntaxError) -> TOMLTableNode {
        let segment = key.last
        guard let entryIndex = table.index(ofKey: segment.name) else {
            return addTable(segment, origin: .header, location: headerLocation)
        }
        switch openChildren[entryIndex] {
        case .table(let existing) where existing.origin == .implicit:
            existing.origin = .header
            existing.location = headerLocation
            return existing
        case .table(let existing) where existing.origin == .dottedKey:
            throw duplicate(key, "table was already created by dotted keys", firstDefinedAt: existing.location)
        case .table(let existing):
            throw duplicate(key, "table `[\(key.displayName())]` is defined twice", firstDefinedAt: existing.location)
        case .arrayOfTables(let array):
            throw duplicate(key, "already defined as an array of tables", firstDefinedAt: array.location)
        case nil:
            let entry = table.entries[entryIndex]
            throw duplicate(key, "already defined as \(Self.describe(entry.value))", firstDefinedAt: entry.keyLocation)
        }
    }

    /// Appends a new table to the array of tables named by the last segment of a `[[header]]`.
    func appendArrayTable(_ key: TOMLDottedKey, at headerLocation: SourceLocation) throws(TOMLSyntaxError) -> TOMLTableNode {
        let segment = key.last
        let element = TOMLTableNode(origin: .header, location: headerLocation)
        guard let entryIndex = table.index(ofKey: segment.name) else {
            let array = TOMLTableArrayNode(location: headerLocation, first: element)
            add(segment, placeholder: .array([]), at: headerLocation, .arrayOfTables(array))
            return element
        }
        switch openChildren[entryIndex] {
        case .arrayOfTables(let array):
            array.tables.append(element)
            return element
        case .table(let existing):
            throw duplicate(key, "already defined as a table, not an array of tables", firstDefinedAt: existing.location)
        case nil:
            let entry = table.entries[entryIndex]
            let reason = "already defined as \(Self.describe(entry.value)); `[[\(key.displayName())]]` cannot extend it"
            throw duplicate(key, reason, firstDefinedAt: entry.keyLocation)
        }
    }

    // MARK: Key/value pairs

    /// The table a dotted-key prefix segment (`a` in `a.b = 1`) leads to, creating it if needed.
    /// Only tables created by dotted keys (or implicitly by headers) may be extended this way.
    func tableForDottedPrefix(_ key: TOMLDottedKey, segment index: Int) throws(TOMLSyntaxError) -> TOMLTableNode {
        let segment = key[index]
        guard let entryIndex = table.index(ofKey: segment.name) else {
            return addTable(segment, origin: .dottedKey, location: segment.location)
        }
        switch openChildren[entryIndex] {
        case .table(let existing) where existing.origin == .dottedKey || existing.origin == .implicit:
            return existing
        case .table(let existing):
            throw duplicate(
                key, segmentCount: index + 1, "a table defined by a `[header]` cannot be extended with dotted keys",
                firstDefinedAt: existing.location
            )
        case .arrayOfTables(let array):
            throw duplicate(
                key, segmentCount: index + 1, "an array of tables cannot be extended with dotted keys",
                firstDefinedAt: array.location
            )
        case nil:
            throw notATable(key, segmentCount: index + 1, entryIndex: entryIndex)
        }
    }

    /// Adds the final segment of a key/value pair; the key must not exist yet.
    func insert(_ value: TOMLValue, for key: TOMLDottedKey) throws(TOMLSyntaxError) {
        let segment = key.last
        if let entryIndex = table.index(ofKey: segment.name) {
            let first = table.entries[entryIndex].keyLocation
            throw TOMLSyntaxError(
                "duplicate key `\(key.displayName())` (first defined at \(Self.lineAndColumn(first)))",
                at: segment.location
            )
        }
        table.appendNewKey(segment.name, value, keyLocation: segment.location)
        openChildren.append(nil)
    }

    // MARK: Freezing

    /// The finished table, in first-written key order. The node must not be used afterwards.
    func makeTable() -> TOMLTable {
        for (entryIndex, child) in openChildren.enumerated() {
            switch child {
            case .table(let node):
                table.replaceValue(at: entryIndex, with: TOMLValue(.table(node.makeTable()), at: node.location))
            case .arrayOfTables(let array):
                let elements = array.tables.map { TOMLValue(.table($0.makeTable()), at: $0.location) }
                table.replaceValue(at: entryIndex, with: TOMLValue(.array(elements), at: array.location))
            case nil:
                continue
            }
        }
        return table
    }

    // MARK: Helpers

    private func add(_ segment: TOMLKeySegment, placeholder: TOMLKind, at location: SourceLocation, _ child: OpenChild) {
        table.appendNewKey(segment.name, TOMLValue(placeholder, at: location), keyLocation: segment.location)
        openChildren.append(child)
    }

    private func addTable(_ segment: TOMLKeySegment, origin: Origin, location: SourceLocation) -> TOMLTableNode {
        let child = TOMLTableNode(origin: origin, location: location)
        add(segment, placeholder: .table(TOMLTable()), at: location, .table(child))
        return child
    }

    private func notATable(_ key: TOMLDottedKey, segmentCount: Int, entryIndex: Int) -> TOMLSyntaxError {
        let entry = table.entries[entryIndex]
        let reason: String
        switch entry.value.kind {
        case .table: reason = "an inline table cannot be extended after it is written"
        case .array: reason = "a static array cannot be extended with tables"
        default: reason = "already defined as \(Self.describe(entry.value)), so it cannot hold keys"
        }
        return duplicate(key, segmentCount: segmentCount, reason, firstDefinedAt: entry.keyLocation)
    }

    /// A "duplicate key" error for the first `segmentCount` segments of `key` (default: all), reported at
    /// the last of them.
    private func duplicate(
        _ key: TOMLDottedKey, segmentCount: Int? = nil, _ reason: String, firstDefinedAt first: SourceLocation
    ) -> TOMLSyntaxError {
        let segmentCount = segmentCount ?? key.count
        return TOMLSyntaxError(
            "duplicate key `\(key.displayName(segmentCount: segmentCount))`: \(reason) (first defined at \(Self.lineAndColumn(first)))",
            at: key[segmentCount - 1].location
        )
    }

    private static func describe(_ value: TOMLValue) -> String {
        switch value.kind {
        case .table: "an inline table"
        case .array: "an array"
        case .integer: "an integer"
        default: "a \(value.typeName)"
        }
    }

    private static func lineAndColumn(_ location: SourceLocation) -> String {
        "\(location.line):\(location.column)"
    }
}

/// An array of tables (`[[header]]`) while the document is being read; new elements are appended in place.
final class TOMLTableArrayNode {
    /// The first `[[header]]`'s `[`.
    let location: SourceLocation
    var tables: [TOMLTableNode]

    init(location: SourceLocation, first: TOMLTableNode) {
        self.location = location
        self.tables = [first]
    }
}
