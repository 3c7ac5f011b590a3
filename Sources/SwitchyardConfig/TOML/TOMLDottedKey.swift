/// One segment of a key, with where it was written.
struct TOMLKeySegment {
    let name: String
    let location: SourceLocation
}

/// A key as written in a key/value pair or a table header: one or more dot-separated segments.
/// The first segment is stored inline, so the common single-segment key needs no array.
struct TOMLDottedKey {
    private let first: TOMLKeySegment
    private var rest: [TOMLKeySegment] = []

    init(_ first: TOMLKeySegment) {
        self.first = first
    }

    /// The number of segments (at least one).
    var count: Int { rest.count + 1 }

    /// The last segment: the key that receives the value or names the table.
    var last: TOMLKeySegment { rest.last ?? first }

    subscript(index: Int) -> TOMLKeySegment {
        index == 0 ? first : rest[index - 1]
    }

    /// The name of segment `index` (cheaper than the whole segment when only the name is needed).
    func name(at index: Int) -> String {
        index == 0 ? first.name : rest[index - 1].name
    }

    mutating func append(_ segment: TOMLKeySegment) {
        // Header keys often have a few segments (`models.m.providers.p`): one allocation, not one per doubling.
        if rest.isEmpty { rest.reserveCapacity(4) }
        rest.append(segment)
    }

    /// The last segment, moved out of the key.
    consuming func takeLast() -> TOMLKeySegment {
        rest.popLast() ?? first
    }

    /// The first `segmentCount` segments (default: all) as TOML would write them, e.g. `a."b c"`.
    func displayName(segmentCount: Int? = nil) -> String {
        (0..<(segmentCount ?? count))
            .map { Self.displayName(of: self[$0].name) }
            .joined(separator: ".")
    }

    /// `name` as a bare key when it can be one, otherwise as a quoted key.
    static func displayName(of name: String) -> String {
        if !name.isEmpty, name.utf8.allSatisfy(TOMLByte.isBareKeyCharacter) {
            return name
        }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

extension TOMLReader {
    /// Reads a key (`a`, `"a b"`, `a.'b'.c`, ...) and the spaces after it.
    mutating func readKey() throws(TOMLSyntaxError) -> TOMLDottedKey {
        var key = TOMLDottedKey(try readSimpleKey())
        while true {
            skipSpaces()
            guard peek() == TOMLByte.dot else { break }
            offset += 1
            skipSpaces()
            guard key.count < Self.maximumNesting else {
                throw error("key has more than \(Self.maximumNesting) segments")
            }
            key.append(try readSimpleKey())
        }
        return key
    }

    /// Reads one bare, basic-string or literal-string key segment.
    private mutating func readSimpleKey() throws(TOMLSyntaxError) -> TOMLKeySegment {
        let location = currentLocation()
        switch peek() {
        case TOMLByte.quote:
            guard !lookingAt("\"\"\"") else { throw error("multi-line strings cannot be used as keys") }
            return TOMLKeySegment(name: try readBasicString(), location: location)
        case TOMLByte.apostrophe:
            guard !lookingAt("'''") else { throw error("multi-line strings cannot be used as keys") }
            return TOMLKeySegment(name: try readLiteralString(), location: location)
        default:
            let start = offset
            while let byte = peek(), TOMLByte.isBareKeyCharacter(byte) {
                offset += 1
            }
            guard offset > start else {
                throw unexpected("a key (bare keys may only use A-Z a-z 0-9 _ -)")
            }
            return TOMLKeySegment(name: sharedString(start..<offset), location: location)
        }
    }
}
