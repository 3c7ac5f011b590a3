/// A forward-only cursor over the UTF-8 bytes of a TOML document.
///
/// It tracks the current line and turns byte offsets on that line into `SourceLocation`s, counting
/// columns in Unicode scalars (every byte that is not a UTF-8 continuation byte starts a scalar).
/// Column counting is incremental, so asking for locations while moving forward costs O(1) amortised.
/// The grammar itself lives in extensions: keys, strings, numbers, date-times and composite values.
struct TOMLReader {
    /// The document; valid UTF-8 (checked before reading starts).
    let bytes: UnsafeBufferPointer<UInt8>
    /// Recorded in every location.
    let file: String
    private var stringCache = TOMLStringCache()
    /// The next byte to read.
    var offset: Int

    private var line = 1
    private var lineStart: Int
    /// A known (offset, column) pair on the current line, from which later columns are counted.
    private var columnAnchorOffset: Int
    private var columnAnchorColumn = 1

    /// Deepest nesting of arrays and inline tables in one value, and most segments in one key.
    /// Keeps hostile documents from exhausting the stack; real configurations stay far below it.
    static let maximumNesting = 128

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        offset = bytes.starts(with: byteOrderMark) ? 3 : 0
        lineStart = offset
        columnAnchorOffset = offset
    }

    // MARK: Looking at bytes

    /// The byte `distance` positions ahead of the cursor, or `nil` past the end.
    @inline(__always)
    func peek(_ distance: Int = 0) -> UInt8? {
        let position = offset + distance
        return position < bytes.count ? bytes[position] : nil
    }

    /// Whether the bytes at the cursor spell `word` (ASCII).
    func lookingAt(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let wordBytes = word.utf8Start
        for index in 0..<count where bytes[offset + index] != wordBytes[index] {
            return false
        }
        return true
    }

    /// A string made from the bytes in `range` (already known to be valid UTF-8).
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Like `string(_:)`, but shares one `String` between repeated spellings (for keys and string values).
    mutating func sharedString(_ range: Range<Int>) -> String {
        stringCache.string(range, in: bytes)
    }

    // MARK: Locations and errors

    /// The location of byte `position`, which must lie on the current line.
    mutating func location(at position: Int) -> SourceLocation {
        assert(position >= lineStart, "locations are only computed on the current line")
        if position < columnAnchorOffset {
            columnAnchorOffset = lineStart
            columnAnchorColumn = 1
        }
        var column = columnAnchorColumn
        var index = columnAnchorOffset
        // Eight ASCII bytes at a time, then byte by byte (a byte starts a scalar unless it is 0b10xxxxxx).
        while index + 8 <= position,
              UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            column += 8
            index += 8
        }
        while index < position {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        columnAnchorOffset = position
        columnAnchorColumn = column
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The location of the cursor.
    mutating func currentLocation() -> SourceLocation {
        location(at: offset)
    }

    /// An error located at `position` (default: the cursor).
    mutating func error(_ message: String, at position: Int? = nil) -> TOMLSyntaxError {
        TOMLSyntaxError(message, at: location(at: position ?? offset))
    }

    /// An error saying what was expected and what was found at the cursor instead.
    mutating func unexpected(_ expectation: String) -> TOMLSyntaxError {
        error("expected \(expectation), found \(describeCharacter())")
    }

    /// The character at `position` as a message shows it: `x`, "end of line", "end of file", ...
    func describeCharacter(at position: Int? = nil) -> String {
        let position = position ?? offset
        guard position < bytes.count else { return "end of file" }
        let byte = bytes[position]
        switch byte {
        case TOMLByte.newline, TOMLByte.carriageReturn: return "end of line"
        case TOMLByte.tab: return "tab"
        case TOMLByte.space: return "space"
        case 0x21...0x7E: return "`\(Character(Unicode.Scalar(byte)))`"
        case 0x00..<0x20, 0x7F: return TOMLByte.describeControl(byte)
        default:
            var end = position + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            return "`\(string(position..<end))`"
        }
    }

    // MARK: Lines, whitespace and comments

    /// Records that a new line starts at byte `position`.
    mutating func startLine(at position: Int) {
        line += 1
        lineStart = position
        columnAnchorOffset = position
        columnAnchorColumn = 1
    }

    /// Moves the cursor forward to `position` without reading, keeping track of the lines it passes.
    mutating func advanceTrackingLines(to position: Int) {
        while offset < position {
            offset += 1
            if bytes[offset - 1] == TOMLByte.newline {
                startLine(at: offset)
            }
        }
    }

    /// Consumes a line ending (LF or CR LF) at the cursor if there is one.
    /// A carriage return not followed by a line feed is an error.
    mutating func consumeNewline() throws(TOMLSyntaxError) -> Bool {
        switch peek() {
        case TOMLByte.newline:
            offset += 1
        case TOMLByte.carriageReturn:
            guard peek(1) == TOMLByte.newline else {
                throw error("carriage return must be followed by a line feed")
            }
            offset += 2
        default:
            return false
        }
        startLine(at: offset)
        return true
    }

    /// Skips spaces and tabs.
    @inline(__always)
    mutating func skipSpaces() {
        while let byte = peek(), byte == TOMLByte.space || byte == TOMLByte.tab {
            offset += 1
        }
    }

    /// Skips a comment starting at the cursor (`#`), up to but not including the line ending.
    mutating func skipComment() throws(TOMLSyntaxError) {
        offset += 1
        while let byte = peek() {
            if byte == TOMLByte.newline { return }
            if byte == TOMLByte.carriageReturn, peek(1) == TOMLByte.newline { return }
            if TOMLByte.isForbiddenControl(byte) {
                throw error("\(TOMLByte.describeControl(byte)) is not allowed in a comment")
            }
            offset += 1
        }
    }

    /// Skips whitespace, line endings and comments (between array elements).
    mutating func skipWhitespaceCommentsAndNewlines() throws(TOMLSyntaxError) {
        while true {
            skipSpaces()
            if peek() == TOMLByte.hash {
                try skipComment()
            }
            guard try consumeNewline() else { return }
        }
    }

    /// Requires the rest of the line to be blank or a comment, and consumes the line ending.
    mutating func finishLine(after what: String) throws(TOMLSyntaxError) {
        skipSpaces()
        if peek() == TOMLByte.hash {
            try skipComment()
        }
        guard peek() != nil else { return }
        guard try consumeNewline() else {
            throw unexpected("end of line after \(what)")
        }
    }

    /// Consumes `byte` at the cursor or throws, naming what was expected.
    mutating func expect(_ byte: UInt8, _ expectation: String) throws(TOMLSyntaxError) {
        guard peek() == byte else { throw unexpected(expectation) }
        offset += 1
    }
}
