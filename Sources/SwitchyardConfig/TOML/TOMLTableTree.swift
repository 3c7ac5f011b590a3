/// The tables of a document (or of one inline table) while it is being read, with enough history to
/// enforce every TOML 1.0 redefinition rule.
///
/// Tables live in one flat array and refer to each other by index, so building and freezing the tree
/// needs no per-table objects or reference counting. Each table keeps its entries directly in a
/// `TOMLTable`: values that can no longer change (scalars, static arrays, inline tables) are stored
/// finished, while tables and arrays of tables that headers or dotted keys may still extend hold a
/// placeholder until `finish()` fills them in.
struct TOMLTableTree {
    /// Identifies a table of the tree; `root` is the document (or inline table) itself.
    typealias TableID = Int

    /// How a table came to exist, which decides how it may be extended later.
    enum Origin {
        /// The root: the document, or an inline table being read.
        case root
        /// Defined by a `[header]` or as an element of `[[header]]`; closed to dotted keys and to another `[header]`.
        case header
        /// Created as a prefix of a header (`a` in `[a.b]`); may still be defined by its own `[a]` header.
        case implicit
        /// Created by a dotted key (`a` in `a.b = 1`); closed to headers of its own but open to sub-table headers.
        case dottedKey
    }

    /// A table or array of tables that is still open, behind a placeholder entry of its parent.
    private enum OpenChild {
        case table(TableID)
        case arrayOfTables(Int)
    }

    private struct OpenTable {
        var origin: Origin
        /// The header's `[`, the inline table's `{`, or the key segment that created the table implicitly.
        var location: SourceLocation
        var table = TOMLTable()
        /// The open children behind placeholders, by entry index (ascending, as entries are only appended).
        var openChildren: [(entryIndex: Int, child: OpenChild)] = []

        /// The open child behind entry `entryIndex`, or `nil` if that entry holds a finished value.
        func openChild(at entryIndex: Int) -> OpenChild? {
            var low = 0
            var high = openChildren.count
            while low < high {
                let middle = (low + high) / 2
                if openChildren[middle].entryIndex < entryIndex {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return low < openChildren.count && openChildren[low].entryIndex == entryIndex ? openChildren[low].child : nil
        }
    }

    private struct OpenTableArray {
        /// The first `[[header]]`'s `[`.
        let location: SourceLocation
        var elements: [TableID]
    }

    static let root: TableID = 0
    private var tables: [OpenTable]
    private var tableArrays: [OpenTableArray] = []

    /// A tree holding only its root table, which starts at `location`.
    init(rootLocation location: SourceLocation) {
        tables = [OpenTable(origin: .root, location: location)]
    }

    // MARK: Table headers

    /// The table a header prefix segment (`a` in `[a.b]`) of `key` leads to from `parent`, creating an
    /// implicit table if needed. Arrays of tables lead to their most recently added element.
    mutating func tableForHeaderPrefix(
        in parent: TableID, _ key: TOMLDottedKey, segment index: Int
    ) throws(TOMLSyntaxError) -> TableID {
        guard let entryIndex = tables[parent].table.index(ofKey: key.name(at: index)) else {
            let segment = key[index]
            return addTable(to: parent, segment, origin: .implicit, location: segment.location)
        }
        switch tables[parent].openChild(at: entryIndex) {
        case .table(let existing):
            return existing
        case .arrayOfTables(let array):
            return tableArrays[array].elements[tableArrays[array].elements.count - 1]
        case nil:
            throw notATable(in: parent, key, segmentCount: index + 1, entryIndex: entryIndex)
        }
    }

    /// Defines the table named by the last segment of a `[header]` (starting at `headerLocation`) in `parent`.
    mutating func defineTable(
        in parent: TableID, _ key: TOMLDottedKey, at headerLocation: SourceLocation
    ) throws(TOMLSyntaxError) -> TableID {
        guard let entryIndex = tables[parent].table.index(ofKey: key.name(at: key.count - 1)) else {
            return addTable(to: parent, key.last, origin: .header, location: headerLocation)
        }
        switch tables[parent].openChild(at: entryIndex) {
        case .table(let existing) where tables[existing].origin == .implicit:
            tables[existing].origin = .header
            tables[existing].location = headerLocation
            return existing
        case .table(let existing) where tables[existing].origin == .dottedKey:
            throw duplicate(key, "table was already created by dotted keys", firstDefinedAt: tables[existing].location)
        case .table(let existing):
            throw duplicate(key, "table `[\(key.displayName())]` is defined twice", firstDefinedAt: tables[existing].location)
        case .arrayOfTables(let array):
            throw duplicate(key, "already defined as an array of tables", firstDefinedAt: tableArrays[array].location)
        case nil:
            let entry = tables[parent].table.entries[entryIndex]
            throw duplicate(key, "already defined as \(Self.describe(entry.value))", firstDefinedAt: entry.keyLocation)
        }
    }

    /// Appends a new table to the array of tables named by the last segment of a `[[header]]` in `parent`.
    mutating func appendArrayTable(
        in parent: TableID, _ key: TOMLDottedKey, at headerLocation: SourceLocation
    ) throws(TOMLSyntaxError) -> TableID {
        guard let entryIndex = tables[parent].table.index(ofKey: key.name(at: key.count - 1)) else {
            let element = newTable(origin: .header, location: headerLocation)
            tableArrays.append(OpenTableArray(location: headerLocation, elements: [element]))
            add(to: parent, key.last, placeholder: .array([]), at: headerLocation, .arrayOfTables(tableArrays.count - 1))
            return element
        }
        switch tables[parent].openChild(at: entryIndex) {
        case .arrayOfTables(let array):
            let element = newTable(origin: .header, location: headerLocation)
            tableArrays[array].elements.append(element)
            return element
        case .table(let existing):
            throw duplicate(key, "already defined as a table, not an array of tables", firstDefinedAt: tables[existing].location)
        case nil:
            let entry = tables[parent].table.entries[entryIndex]
            let reason = "already defined as \(Self.describe(entry.value)); `[[\(key.displayName())]]` cannot extend it"
            throw duplicate(key, reason, firstDefinedAt: entry.keyLocation)
        }
    }

    // MARK: Key/value pairs

    /// The table a dotted-key prefix segment (`a` in `a.b = 1`) leads to from `parent`, creating it if
    /// needed. Only tables created by dotted keys (or implicitly by headers) may be extended this way.
    mutating func tableForDottedPrefix(
        in parent: TableID, _ key: TOMLDottedKey, segment index: Int
    ) throws(TOMLSyntaxError) -> TableID {
        guard let entryIndex = tables[parent].table.index(ofKey: key.name(at: index)) else {
            let segment = key[index]
            return addTable(to: parent, segment, origin: .dottedKey, location: segment.location)
        }
        switch tables[parent].openChild(at: entryIndex) {
        case .table(let existing) where tables[existing].origin == .dottedKey || tables[existing].origin == .implicit:
            return existing
        case .table(let existing):
            throw duplicate(
                key, segmentCount: index + 1, "a table defined by a `[header]` cannot be extended with dotted keys",
                firstDefinedAt: tables[existing].location
            )
        case .arrayOfTables(let array):
            throw duplicate(
                key, segmentCount: index + 1, "an array of tables cannot be extended with dotted keys",
                firstDefinedAt: tableArrays[array].location
            )
        case nil:
            throw notATable(in: parent, key, segmentCount: index + 1, entryIndex: entryIndex)
        }
    }

    /// Adds the last segment of a key/value pair to `parent`; the key must not exist there yet.
    mutating func insert(
        _ value: consuming TOMLValue, in parent: TableID, for key: consuming TOMLDottedKey
    ) throws(TOMLSyntaxError) {
        if let entryIndex = tables[parent].table.index(ofKey: key.name(at: key.count - 1)) {
            let first = tables[parent].table.entries[entryIndex].keyLocation
            throw TOMLSyntaxError(
                "duplicate key `\(key.displayName())` (first defined at \(Self.lineAndColumn(first)))",
                at: key.last.location
            )
        }
        let segment = key.takeLast()
        tables[parent].table.appendNewKey(segment.name, value, keyLocation: segment.location)
    }

    // MARK: Freezing

    /// The finished root table, with every placeholder replaced by its finished table or array of tables.
    /// The tables are moved out, so this is the last call on the tree.
    mutating func finish() -> TOMLTable {
        // Children are always created after their parents, so walking backwards finishes every child
        // before the parent that takes it.
        for parent in tables.indices.reversed() {
            for (entryIndex, child) in tables[parent].openChildren {
                let value: TOMLValue
                switch child {
                case .table(let table):
                    value = takeFinishedTable(table)
                case .arrayOfTables(let array):
                    let elements = tableArrays[array].elements.map { takeFinishedTable($0) }
                    value = TOMLValue(.array(elements), at: tableArrays[array].location)
                }
                tables[parent].table.replaceValue(at: entryIndex, with: value)
            }
        }
        var root = TOMLTable()
        swap(&root, &tables[Self.root].table)
        return root
    }

    /// Moves a finished table out of the tree as a value.
    private mutating func takeFinishedTable(_ id: TableID) -> TOMLValue {
        var table = TOMLTable()
        swap(&table, &tables[id].table)
        return TOMLValue(.table(table), at: tables[id].location)
    }

    // MARK: Helpers

    private mutating func newTable(origin: Origin, location: SourceLocation) -> TableID {
        tables.append(OpenTable(origin: origin, location: location))
        return tables.count - 1
    }

    private mutating func add(
        to parent: TableID, _ segment: TOMLKeySegment, placeholder: TOMLKind, at location: SourceLocation,
        _ child: OpenChild
    ) {
        tables[parent].openChildren.append((tables[parent].table.count, child))
        tables[parent].table.appendNewKey(segment.name, TOMLValue(placeholder, at: location), keyLocation: segment.location)
    }

    private mutating func addTable(
        to parent: TableID, _ segment: TOMLKeySegment, origin: Origin, location: SourceLocation
    ) -> TableID {
        let child = newTable(origin: origin, location: location)
        add(to: parent, segment, placeholder: .table(TOMLTable()), at: location, .table(child))
        return child
    }

    private func notATable(
        in parent: TableID, _ key: TOMLDottedKey, segmentCount: Int, entryIndex: Int
    ) -> TOMLSyntaxError {
        let entry = tables[parent].table.entries[entryIndex]
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
