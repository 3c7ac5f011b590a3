import CLibXML2

/// A thin, throwing wrapper over libxml2's `xmlTextWriter` writing UTF-8 XML into memory.
///
/// libxml2 does all escaping. Text handed in is first made safe for XML 1.0: characters XML cannot
/// carry at all (NUL and the other C0 controls except tab, line feed and carriage return, U+FFFE,
/// U+FFFF) become U+FFFD, because no escape exists for them.
final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer with two-space indentation.
    init() throws {
        guard let buffer = xmlBufferCreate() else { throw JUnitReportError.libxml2(function: "xmlBufferCreate") }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else {
            xmlBufferFree(buffer)
            throw JUnitReportError.libxml2(function: "xmlNewTextWriterMemory")
        }
        self.buffer = buffer
        self.writer = writer
        try check(xmlTextWriterSetIndent(writer, 1), "xmlTextWriterSetIndent")
        try Self.withXMLString("  ") { try check(xmlTextWriterSetIndentString(writer, $0), "xmlTextWriterSetIndentString") }
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Writes the XML declaration (`version="1.0" encoding="UTF-8"`).
    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    /// Writes `<name a="v" …>`, calls `content`, then closes the element.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], content: () throws -> Void = {}) throws {
        try Self.withXMLString(name) { try check(xmlTextWriterStartElement(writer, $0), "xmlTextWriterStartElement") }
        for (key, value) in attributes {
            try Self.withXMLString(key) { key in
                try Self.withXMLString(Self.xmlSafe(value)) { value in
                    try check(xmlTextWriterWriteAttribute(writer, key, value), "xmlTextWriterWriteAttribute")
                }
            }
        }
        try content()
        try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
    }

    /// Writes character data inside the current element.
    func text(_ text: String) throws {
        try Self.withXMLString(Self.xmlSafe(text)) { try check(xmlTextWriterWriteString(writer, $0), "xmlTextWriterWriteString") }
    }

    /// Closes every open element and the document, and returns the XML text.
    func finish() throws -> String {
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
    }

    private func check(_ result: Int32, _ function: String) throws {
        if result < 0 { throw JUnitReportError.libxml2(function: function) }
    }

    /// Replaces the characters XML 1.0 cannot represent with U+FFFD.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isXMLCharacter(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func withXMLString<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        var bytes = Array(string.utf8)
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
