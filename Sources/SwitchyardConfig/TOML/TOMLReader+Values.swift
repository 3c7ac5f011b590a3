/// Values: dispatch on the first character, arrays, inline tables and key/value pairs.
extension TOMLReader {
    /// Reads a `key = value` pair into `table` of `tree`, creating the tables a dotted key implies.
    /// The cursor is on the first character of the key; `depth` counts enclosing arrays and inline tables.
    mutating func readKeyValue(
        into tree: inout TOMLTableTree, table: TOMLTableTree.TableID, depth: Int
    ) throws(TOMLSyntaxError) {
        let key = try readKey()
        guard peek() == TOMLByte.equals else {
            throw unexpected("`=` after the key `\(key.displayName())`")
        }
        offset += 1
        skipSpaces()
        let value = try readValue(depth: depth)
        var target = table
        for index in 0..<(key.count - 1) {
            target = try tree.tableForDottedPrefix(in: target, key, segment: index)
        }
        try tree.insert(value, in: target, for: consume key)
    }

    /// Reads any value; the cursor is on its first character.
    mutating func readValue(depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        let start = offset
        let location = currentLocation()
        let kind: TOMLKind
        switch peek() {
        case TOMLByte.quote, TOMLByte.apostrophe:
            return TOMLValue(.string(try readStringValue()), at: location)
        case TOMLByte.openBracket:
            return try readArray(at: location, depth: depth + 1)
        case TOMLByte.openBrace:
            return try readInlineTable(at: location, depth: depth + 1)
        case UInt8(ascii: "t") where lookingAt("true"):
            offset += 4
            kind = .boolean(true)
        case UInt8(ascii: "f") where lookingAt("false"):
            offset += 5
            kind = .boolean(false)
        case let byte? where TOMLByte.isDigit(byte) && looksLikeDateTime():
            kind = .dateTime(try readDateTime())
        case let byte? where TOMLByte.isDigit(byte) || byte == TOMLByte.plus || byte == TOMLByte.minus
            || lookingAt("inf") || lookingAt("nan"):
            kind = try readNumber()
        case nil, TOMLByte.newline, TOMLByte.carriageReturn, TOMLByte.hash:
            throw unexpected("a value")
        default:
            throw invalidValue(startingAt: start)
        }
        guard let next = peek(), !TOMLByte.endsBareValue(next) else {
            return TOMLValue(kind, at: location)
        }
        throw error("unexpected \(describeCharacter()) after the value `\(string(start..<offset))`")
    }

    /// Reads `[ value, ... ]`, which may span lines and hold comments and a trailing comma.
    private mutating func readArray(at location: SourceLocation, depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        try checkNesting(depth)
        offset += 1
        var elements: [TOMLValue] = []
        while true {
            try skipWhitespaceCommentsAndNewlines()
            if peek() == TOMLByte.closeBracket { break }
            elements.append(try readValue(depth: depth))
            try skipWhitespaceCommentsAndNewlines()
            if peek() == TOMLByte.comma {
                offset += 1
                continue
            }
            guard peek() == TOMLByte.closeBracket else {
                throw unexpected("`,` or `]` in the array")
            }
            break
        }
        offset += 1
        return TOMLValue(.array(elements), at: location)
    }

    /// Reads `{ key = value, ... }`: one line, no trailing comma, immutable once closed.
    private mutating func readInlineTable(at location: SourceLocation, depth: Int) throws(TOMLSyntaxError) -> TOMLValue {
        try checkNesting(depth)
        offset += 1
        var tree = TOMLTableTree(rootLocation: location)
        skipSpaces()
        if peek() == TOMLByte.closeBrace {
            offset += 1
            return TOMLValue(.table(TOMLTable()), at: location)
        }
        while true {
            try rejectNewlineInInlineTable()
            try readKeyValue(into: &tree, table: TOMLTableTree.root, depth: depth)
            skipSpaces()
            switch peek() {
            case TOMLByte.comma:
                offset += 1
                skipSpaces()
                if peek() == TOMLByte.closeBrace {
                    throw error("a trailing comma is not allowed in an inline table (TOML 1.0)")
                }
            case TOMLByte.closeBrace:
                offset += 1
                return TOMLValue(.table(tree.finish()), at: location)
            default:
                try rejectNewlineInInlineTable()
                throw unexpected("`,` or `}` in the inline table")
            }
        }
    }

    private mutating func rejectNewlineInInlineTable() throws(TOMLSyntaxError) {
        if peek() == TOMLByte.newline || peek() == TOMLByte.carriageReturn {
            throw error("an inline table must be on one line (TOML 1.0); close it with `}` before the line ends")
        }
    }

    private mutating func checkNesting(_ depth: Int) throws(TOMLSyntaxError) {
        if depth > Self.maximumNesting {
            throw error("arrays and inline tables are nested more than \(Self.maximumNesting) levels deep")
        }
    }

    /// An error for a value that starts with a character no value can start with, e.g. an unquoted word.
    private mutating func invalidValue(startingAt start: Int) -> TOMLSyntaxError {
        if bytes[start] <= TOMLByte.space || bytes[start] == 0x7F {
            return unexpected("a value")
        }
        var end = start
        while end < bytes.count, end - start < 40, !TOMLByte.endsBareValue(bytes[end]) {
            end += 1
        }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 {
            end += 1
        }
        let word = string(start..<end)
        guard !word.isEmpty else { return unexpected("a value") }
        let advice = word.utf8.allSatisfy(TOMLByte.isBareKeyCharacter) ? " (strings must be quoted)" : ""
        return error("invalid value `\(word)`\(advice)", at: start)
    }
}
