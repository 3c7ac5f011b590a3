/// Reads a whole document line by line: key/value pairs, `[table]` and `[[array]]` headers, comments
/// and blank lines, assembling them into one `TOMLTableTree`.
struct TOMLDocumentReader {
    private var reader: TOMLReader
    private var tree: TOMLTableTree
    /// The table key/value pairs go into: the root, or the one named by the last header.
    private var currentTable = TOMLTableTree.root

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        reader = TOMLReader(bytes: bytes, file: file)
        tree = TOMLTableTree(rootLocation: SourceLocation(file: file, line: 1, column: 1))
    }

    /// Reads to the end of the document and returns the finished root table.
    mutating func read() throws(TOMLSyntaxError) -> TOMLTable {
        while true {
            reader.skipSpaces()
            switch reader.peek() {
            case nil:
                return tree.finish()
            case TOMLByte.newline, TOMLByte.carriageReturn:
                _ = try reader.consumeNewline()
            case TOMLByte.hash:
                try reader.skipComment()
            case TOMLByte.openBracket:
                try readHeader()
            default:
                try reader.readKeyValue(into: &tree, table: currentTable, depth: 0)
                try reader.finishLine(after: "the value")
            }
        }
    }

    /// Reads `[a.b]` or `[[a.b]]` and makes the table it names current.
    private mutating func readHeader() throws(TOMLSyntaxError) {
        let location = reader.currentLocation()
        reader.offset += 1
        let isArrayOfTables = reader.peek() == TOMLByte.openBracket
        if isArrayOfTables {
            reader.offset += 1
        }
        reader.skipSpaces()
        let key = try reader.readKey()
        if isArrayOfTables {
            try reader.expect(TOMLByte.closeBracket, "`]]` to close the array-of-tables header")
            try reader.expect(TOMLByte.closeBracket, "`]]` to close the array-of-tables header")
        } else {
            try reader.expect(TOMLByte.closeBracket, "`]` to close the table header")
        }
        try reader.finishLine(after: "the table header")

        var parent = TOMLTableTree.root
        for index in 0..<(key.count - 1) {
            parent = try tree.tableForHeaderPrefix(in: parent, key, segment: index)
        }
        currentTable = isArrayOfTables
            ? try tree.appendArrayTable(in: parent, key, at: location)
            : try tree.defineTable(in: parent, key, at: location)
    }
}
