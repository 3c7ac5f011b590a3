import Foundation
import XCTest
@testable import SwitchyardGateway

/// The gateway's JSON writer: what it writes must read back to the same values, with `JSONSerialization`'s
/// own parsed numbers and booleans kept apart.
final class JSONBytesTests: XCTestCase {
    private func text(_ value: Any, sortedKeys: Bool = true) throws -> String {
        String(decoding: try JSONBytes.encode(value, sortedKeys: sortedKeys), as: UTF8.self)
    }

    func testWritesSwiftValuesCompactlyWithSortedKeys() throws {
        let body: [String: Any] = ["b": [1, 2.5, true, NSNull()], "a": "x/y", "c": ["z": -3], "d": 2.0]
        XCTAssertEqual(try text(body), #"{"a":"x/y","b":[1,2.5,true,null],"c":{"z":-3},"d":2}"#)
    }

    func testEscapesQuotesBackslashesAndControlCharactersOnly() throws {
        XCTAssertEqual(try text("say \"hi\"\\\n\t\r\u{1}é✓"), #""say \"hi\"\\\n\t\r\u0001é✓""#)
    }

    func testParsedBooleansStayBooleansAndParsedNumbersStayNumbers() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(#"{"t":true,"f":false,"one":1,"big":12345678901,"half":0.5}"#.utf8))
        XCTAssertEqual(try text(parsed), #"{"big":12345678901,"f":false,"half":0.5,"one":1,"t":true}"#)
    }

    func testWhatItWritesReadsBackUnchanged() throws {
        let body: [String: Any] = ["messages": [["role": "user", "content": "line\nnext \"quoted\""]], "temperature": 0.7, "n": 3]
        let reread = try JSONSerialization.jsonObject(with: Data(try JSONBytes.encode(body, sortedKeys: false))) as? NSDictionary
        XCTAssertEqual(reread, body as NSDictionary)
    }

    func testNonFiniteNumbersAndForeignValuesAreRefused() {
        XCTAssertThrowsError(try JSONBytes.encode(["x": Double.infinity]))
        XCTAssertThrowsError(try JSONBytes.encode(["x": Date()]))
    }
}
