import XCTest
@testable import SwitchyardPlan

/// Canonical JSON: sorted keys, two-space indent, `"key": value`, trailing newline.
final class CanonicalJSONWriterTests: XCTestCase {
    func testObjectKeysAreSortedAndIndented() {
        let text = CanonicalJSONWriter.render(JSONValue.object(["zeta": .int(1), "alpha": .object(["b": .bool(true), "a": .null]), "mid": .array([.string("x"), .int(2)])]))
        XCTAssertEqual(text, """
        {
          "alpha": {
            "a": null,
            "b": true
          },
          "mid": [
            "x",
            2
          ],
          "zeta": 1
        }

        """)
    }

    func testEmptyContainersAndTrailingNewline() {
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.object([:])), "{}\n")
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.array([])), "[]\n")
    }

    func testStringsAreEscaped() {
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.string("a\"b\\c\nd\te\r\u{01}é")), "\"a\\\"b\\\\c\\nd\\te\\r\\u0001é\"\n")
    }

    func testNumbersUseAStableForm() {
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.double(2)), "2.0\n")
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.double(0.25)), "0.25\n")
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.double(.nan)), "null\n")
        XCTAssertEqual(CanonicalJSONWriter.render(JSONValue.int(-7)), "-7\n")
    }

    func testOutputParsesAsJSON() throws {
        let text = CanonicalJSONWriter.render(JSONValue.object(["a": .array([.double(0.1), .string("\u{7f}")])]))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }
}

/// Output handed out in chunks is the same document as one rendered whole.
final class CanonicalJSONWriterChunkingTests: XCTestCase {
    func testSmallChunksProduceTheSameBytes() {
        let value = JSONValue.object(Dictionary(uniqueKeysWithValues: (0..<200).map { ("key\($0)", JSONValue.array([.int(Int64($0)), .string("v\($0)")])) }))
        var chunks: [String] = []
        var writer = CanonicalJSONWriter(chunkSize: 64) { chunks.append(String(decoding: $0, as: UTF8.self)) }
        writer.document(value)
        XCTAssertGreaterThan(chunks.count, 1)
        XCTAssertEqual(chunks.joined(), CanonicalJSONWriter.render(value))
    }
}
