import SwitchyardConfig
import XCTest

/// `TOMLTable` lookups stay correct on both sides of the switch from scanning to hashing.
final class TOMLTableTests: XCTestCase {
    private let here = SourceLocation(file: "t.toml", line: 1, column: 1)

    func testLookupsReplacementsAndOrderForSmallAndLargeTables() {
        for size in [0, 1, 8, 9, 10, 40] {
            var table = TOMLTable()
            for index in 0..<size {
                table.set("k\(index)", TOMLValue(.integer(Int64(index)), at: here), keyLocation: here)
            }
            XCTAssertEqual(table.count, size)
            XCTAssertEqual(table.keys, (0..<size).map { "k\($0)" })
            for index in 0..<size {
                XCTAssertEqual(table["k\(index)"]?.testInteger, Int64(index), "size \(size)")
            }
            XCTAssertNil(table["missing"])

            let moved = SourceLocation(file: "t.toml", line: 9, column: 9)
            table.set("k0", TOMLValue(.string("replaced"), at: moved), keyLocation: moved)
            table.modify("k\(max(size - 1, 0))") { $0 = TOMLValue(.boolean(true), at: moved) }
            if size > 1 {
                XCTAssertEqual(table.keys.first, "k0", "a replaced key keeps its position")
                XCTAssertEqual(table.entry("k0")?.keyLocation, here, "and its key location")
                XCTAssertEqual(table["k0"]?.testString, "replaced")
                XCTAssertEqual(table["k\(size - 1)"]?.testBoolean, true)
            }
        }
    }

    func testParsedTablesWithManyKeysFindEveryKey() {
        let text = (0..<100).map { "key\($0) = \($0)" }.joined(separator: "\n")
        let root = parseTOML(text)
        XCTAssertEqual(root.count, 100)
        XCTAssertEqual(root["key57"]?.testInteger, 57)
        XCTAssertEqual(position(root.entry("key99")?.keyLocation), "100:1")
    }
}
