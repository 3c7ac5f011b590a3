import SwitchyardConfig
import XCTest

/// Where keys, values and tables are reported: 1-based lines, columns counted in Unicode scalars.
final class TOMLParserLocationTests: XCTestCase {
    func testKeyAndValueLocationsRecordTheFile() throws {
        let root = parseTOML("name = \"x\"\n  port = 80")
        let name = try XCTUnwrap(root.entry("name"))
        XCTAssertEqual(name.keyLocation, SourceLocation(file: "test.toml", line: 1, column: 1))
        XCTAssertEqual(name.value.location, SourceLocation(file: "test.toml", line: 1, column: 8))
        XCTAssertEqual(position(root.entry("port")?.keyLocation), "2:3")
        XCTAssertEqual(position(root["port"]?.location), "2:10")
        XCTAssertEqual(name.value.location.description, "test.toml:1:8")
    }

    func testColumnsCountUnicodeScalarsNotBytes() {
        // "é" is 2 bytes, "😀" is 4 bytes and "中" is 3 bytes, but each is one column.
        let root = parseTOML("\"é\" = \"😀\"\nt = { \"中\" = 1, b = \"ü\", c = 2 }\n\tx = 1")
        XCTAssertEqual(position(root.entry("é")?.keyLocation), "1:1")
        XCTAssertEqual(position(root["é"]?.location), "1:7")
        let inline = root.testTable(at: "t")
        XCTAssertEqual(position(inline?.entry("中")?.keyLocation), "2:7")
        XCTAssertEqual(position(inline?.entry("b")?.keyLocation), "2:16")
        XCTAssertEqual(position(inline?["b"]?.location), "2:20")
        XCTAssertEqual(position(inline?.entry("c")?.keyLocation), "2:25")
        XCTAssertEqual(position(root.entry("x")?.keyLocation), "3:2")
    }

    func testLinesAfterMultilineStringsAndArrays() throws {
        let root = parseTOML([
            #"s = """"#,
            "one",
            #"twö"""  # after"#,
            "x = 1",
            "a = [",
            "  '''first",
            "second''', 2,",
            "]",
            #"y = """\"#,
            #"    folded""""#,
            "z = 3",
        ].joined(separator: "\n"))
        XCTAssertEqual(root["s"]?.testString, "one\ntwö")
        XCTAssertEqual(position(root["s"]?.location), "1:5")
        XCTAssertEqual(position(root.entry("x")?.keyLocation), "4:1")
        let array = try XCTUnwrap(root["a"]?.testArray)
        XCTAssertEqual(position(array[0].location), "6:3")
        XCTAssertEqual(position(array[1].location), "7:12")
        XCTAssertEqual(root["y"]?.testString, "folded")
        XCTAssertEqual(position(root.entry("z")?.keyLocation), "11:1")
    }

    func testCarriageReturnLineFeedEndsALine() {
        let root = parseTOML("a = 1\r\nb = 2\r\n")
        XCTAssertEqual(position(root.entry("b")?.keyLocation), "2:1")
        XCTAssertEqual(position(root["b"]?.location), "2:5")
    }

    func testHeaderTablesStartAtTheirBracketAndImplicitTablesAtTheirKey() throws {
        let root = parseTOML("x = 1\n\n[ server . \"http\" ]\nport = 8080\n")
        let server = try XCTUnwrap(root.entry("server"))
        XCTAssertEqual(position(server.keyLocation), "3:3")
        XCTAssertEqual(position(server.value.location), "3:3", "implicit table: its key segment")
        let http = try XCTUnwrap(server.value.testTable?.entry("http"))
        XCTAssertEqual(position(http.keyLocation), "3:12")
        XCTAssertEqual(position(http.value.location), "3:1", "defined table: the header's `[`")
        XCTAssertEqual(position(http.value.testTable?["port"]?.location), "4:8")
    }

    func testAnImplicitTableDefinedLaterMovesToItsHeaderButKeepsItsKeyLocation() throws {
        let root = parseTOML("[a.b]\nc = 1\n\n  [a]\nd = 2")
        let a = try XCTUnwrap(root.entry("a"))
        XCTAssertEqual(position(a.keyLocation), "1:2")
        XCTAssertEqual(position(a.value.location), "4:3")
    }

    func testDottedKeysCreateTablesAtTheirSegments() throws {
        let root = parseTOML("[t]\nx.\"y\" . z = 1")
        let x = try XCTUnwrap(root.testTable(at: "t")?.entry("x"))
        XCTAssertEqual(position(x.keyLocation), "2:1")
        XCTAssertEqual(position(x.value.location), "2:1")
        let y = try XCTUnwrap(x.value.testTable?.entry("y"))
        XCTAssertEqual(position(y.keyLocation), "2:3")
        XCTAssertEqual(position(y.value.location), "2:3")
        XCTAssertEqual(position(y.value.testTable?.entry("z")?.keyLocation), "2:9")
        XCTAssertEqual(position(y.value.testTable?["z"]?.location), "2:13")
    }

    func testInlineTablesStartAtTheirBrace() {
        let root = parseTOML("creds = { default = \"dynamic::k\", fallback = { env = \"K\" } }")
        XCTAssertEqual(position(root["creds"]?.location), "1:9")
        XCTAssertEqual(position(root.testTable(at: "creds")?["fallback"]?.location), "1:46")
        XCTAssertEqual(position(root.testValue(at: "creds.fallback.env")?.location), "1:54")
    }

    func testArraysOfTablesStartAtTheirHeaders() throws {
        let root = parseTOML("[[p]]\nn = 1\n[[p]]\nn = 2\n\n [[ p ]]\n")
        let entry = try XCTUnwrap(root.entry("p"))
        XCTAssertEqual(position(entry.keyLocation), "1:3")
        XCTAssertEqual(position(entry.value.location), "1:1")
        let tables = try XCTUnwrap(entry.value.testArray)
        XCTAssertEqual(tables.map { position($0.location) }, ["1:1", "3:1", "6:2"])
        XCTAssertEqual(position(tables[1].testTable?["n"]?.location), "4:5")
    }
}
