import Foundation
import Testing
@testable import SwitchyardGateway

/// `JSONReader` gives what `JSONSerialization` gives: the same value types (integers as `Int64`/`UInt64`
/// numbers, decimals as doubles, booleans as boolean numbers) and, for what it leaves to `JSONSerialization`,
/// the same values and errors. `JSONReaderDifferentialTests` (fuzz) compares whole documents with it.
@Suite struct JSONReaderTests {
    private static func objCType(_ value: Any?) -> String? {
        (value as? NSNumber).map { String(cString: $0.objCType) }
    }

    @Test func escapesAreDecoded() throws {
        let text = #""\"\\\/\b\f\n\r\t\u00e9\u20ac\ud83d\ude00 é""#
        #expect(JSONReader.fastValue(Array(text.utf8)) as? String == "\"\\/\u{8}\u{C}\n\r\té€😀 é")
    }

    private static func foundationTypes(_ text: String) throws -> [String?] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any]).map(objCType)
    }

    @Test func numbersKeepFoundationsTypes() throws {
        let text = "[7, -7, 123456789012345678, -123456789012345678, 0.5, 1e3, true, false]"
        let values = try #require(JSONReader.fastValue(Array(text.utf8)) as? [Any])
        #expect(values.map(Self.objCType) == (try Self.foundationTypes(text)))
        #expect(isBoolean(values[6] as! NSNumber))
        #expect(!isBoolean(values[0] as! NSNumber))
        #expect(values[4] as? NSNumber == 0.5)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "1e", "tru", "nul", "[1 2]", "{\"a\" 1}", "{1:2}", "\"\\x\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\nb\"", "1 2", "{\"a\":1,\"a\":2}", "1E5", "1234567890123456789",
        "0.123456789012345678", "1e400", "\u{FEFF}{}",
    ])
    func leavesEverythingElseToFoundation(_ text: String) {
        #expect(JSONReader.fastValue(Array(text.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToFoundation() {
        #expect(JSONReader.fastValue([UInt8(ascii: "\""), 0xC0, 0x80, UInt8(ascii: "\"")]) == nil)
        #expect(JSONReader.fastValue([UInt8(ascii: "\""), 0xED, 0xA0, 0x80, UInt8(ascii: "\"")]) == nil)
    }

    @Test func whatItLeavesGetsFoundationsValueOrError() throws {
        let text = "[1E5, 1234567890123456789, 12345678901234567.5]"
        let big = try #require(try JSONReader.value(Array(text.utf8)) as? [Any])
        #expect(big.map(Self.objCType) == (try Self.foundationTypes(text)))
        let invalid = "{\"a\":"
        var foundationMessage = ""
        do { _ = try JSONSerialization.jsonObject(with: Data(invalid.utf8), options: [.fragmentsAllowed]) } catch { foundationMessage = error.localizedDescription }
        var readerMessage = ""
        do { _ = try JSONReader.value(Array(invalid.utf8)) } catch { readerMessage = error.localizedDescription }
        #expect(!foundationMessage.isEmpty)
        #expect(readerMessage == foundationMessage)
    }

    @Test func nestingBeyondFoundationsLimitIsLeftToFoundation() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(JSONReader.fastValue(Array(deep.utf8)) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSONReader.fastValue(Array(fine.utf8)) != nil)
    }
}
