import CLibXML2
import Foundation
import XCTest

/// A document parsed back with libxml2, with XPath queries and XSD validation.
final class XMLTestDocument {
    let document: xmlDocPtr
    private let xpath: xmlXPathContextPtr

    /// Parses `text` strictly (no network, no entity expansion); fails the test if it is not well-formed.
    init(_ text: String) throws {
        xmlInitParser()
        let bytes = Array(text.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "report.xml", nil, options)
            }
        }
        guard let document = parsed else { throw XMLTestError(message: "libxml2 could not parse the XML") }
        guard let context = xmlXPathNewContext(document) else {
            xmlFreeDoc(document)
            throw XMLTestError(message: "xmlXPathNewContext failed")
        }
        self.document = document
        self.xpath = context
    }

    deinit {
        xmlXPathFreeContext(xpath)
        xmlFreeDoc(document)
    }

    /// The string value of an XPath expression (`string(...)` is applied).
    func string(_ expression: String) -> String {
        evaluate("string(\(expression))") { object in
            guard let value = object.pointee.stringval else { return "" }
            return String(cString: value)
        }
    }

    /// The number of nodes an XPath expression selects.
    func count(_ expression: String) -> Int {
        Int(evaluate("count(\(expression))") { $0.pointee.floatval })
    }

    /// The string values of every node an XPath expression selects, in document order.
    func strings(_ expression: String) -> [String] {
        (0..<count(expression)).map { string("(\(expression))[\($0 + 1)]") }
    }

    private func evaluate<R>(_ expression: String, _ read: (xmlXPathObjectPtr) -> R) -> R {
        let object = xmlXPathEvalExpression(expression, xpath)
        guard let object else { fatalError("bad XPath expression: \(expression)") }
        defer { xmlXPathFreeObject(object) }
        return read(object)
    }

    /// Validates against an XSD file; returns libxml2's messages (empty when valid).
    func validate(against schemaPath: String) -> [String] {
        let messages = MessageSink()
        let sink = Unmanaged.passUnretained(messages).toOpaque()
        guard let parserContext = xmlSchemaNewParserCtxt(schemaPath) else { return ["cannot read \(schemaPath)"] }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        xmlSchemaSetParserStructuredErrors(parserContext, MessageSink.collect, sink)
        guard let schema = xmlSchemaParse(parserContext) else { return ["invalid schema"] + messages.lines }
        defer { xmlSchemaFree(schema) }
        guard let validation = xmlSchemaNewValidCtxt(schema) else { return ["no validation context"] }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, MessageSink.collect, sink)
        let result = xmlSchemaValidateDoc(validation, document)
        if result != 0 && messages.lines.isEmpty { return ["validation failed (\(result))"] }
        return messages.lines
    }
}

struct XMLTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Collects libxml2's structured error messages.
private final class MessageSink {
    var lines: [String] = []

    static let collect: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let sink = Unmanaged<MessageSink>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "(no message)"
        sink.lines.append("line \(error.pointee.line): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
    }
}

/// The JUnit schema shipped with the tests.
enum JUnitSchema {
    static var path: String {
        get throws {
            let url = try XCTUnwrap(Bundle.module.url(forResource: "junit", withExtension: "xsd", subdirectory: "Resources"))
            return url.path
        }
    }
}
