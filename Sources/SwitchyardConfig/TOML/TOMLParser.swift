/// Reads TOML 1.0 documents into `TOMLTable`s that remember where every key and value was written.
public enum TOMLParser {
    /// Parses a whole TOML 1.0 document. `file` is recorded in every SourceLocation.
    public static func parse(_ text: String, file: String) throws(TOMLSyntaxError) -> TOMLTable {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(TOMLSyntaxError) in
                try parse(buffer, file: file, checkingUTF8: false)
            }
        }
        return try result.get()
    }

    /// Parses a whole TOML 1.0 document given as raw bytes (for example a file's contents, unconverted).
    /// Invalid UTF-8 is a syntax error located at the offending byte; a leading byte order mark is skipped.
    /// `file` is recorded in every SourceLocation.
    public static func parse(bytes: [UInt8], file: String) throws(TOMLSyntaxError) -> TOMLTable {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(TOMLSyntaxError) in
                try parse(buffer, file: file, checkingUTF8: true)
            }
        }
        return try result.get()
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, checkingUTF8: Bool
    ) throws(TOMLSyntaxError) -> TOMLTable {
        if checkingUTF8, let invalidOffset = TOMLUTF8Validation.firstInvalidOffset(in: bytes) {
            var reader = TOMLReader(bytes: bytes, file: file)
            reader.advanceTrackingLines(to: invalidOffset)
            let hex = String(bytes[invalidOffset], radix: 16, uppercase: true)
            throw reader.error("invalid UTF-8 (byte 0x\(hex)); TOML documents must be UTF-8")
        }
        var document = TOMLDocumentReader(bytes: bytes, file: file)
        return try document.read()
    }
}
