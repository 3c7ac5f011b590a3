import SwitchyardConfig
import XCTest

/// What the parser reads: each kind of value, keys, tables and arrays of tables.
final class TOMLParserValueTests: XCTestCase {
    func testBasicStringsDecodeEscapes() {
        let root = parseTOML(#"s = "tab\there \"q\" \\ \u00E9 \U0001F600 \b\f\r\n""#)
        XCTAssertEqual(root["s"]?.testString, "tab\there \"q\" \\ é 😀 \u{8}\u{C}\r\n")
    }

    func testLiteralStringsKeepBackslashes() {
        let root = parseTOML(#"path = 'C:\Users\nodejs\templates'"#)
        XCTAssertEqual(root["path"]?.testString, #"C:\Users\nodejs\templates"#)
    }

    func testMultilineBasicStringTrimsFirstNewlineAndJoinsEscapedLineEnds() {
        let root = parseTOML("s = \"\"\"\nRoses are red\n\"\"\"\nt = \"\"\"\\\n   The quick \\\n\n   brown fox.\"\"\"\n")
        XCTAssertEqual(root["s"]?.testString, "Roses are red\n")
        XCTAssertEqual(root["t"]?.testString, "The quick brown fox.")
    }

    func testMultilineStringsAllowQuotesBeforeTheClosingDelimiter() {
        let root = parseTOML("a = \"\"\"He said \"hi\".\"\"\"\"\nb = '''It''s'''''\n")
        XCTAssertEqual(root["a"]?.testString, "He said \"hi\".\"")
        XCTAssertEqual(root["b"]?.testString, "It''s''")
    }

    func testMultilineStringsReadCarriageReturnLineFeedAsLineFeed() {
        let root = parseTOML("a = '''\r\none\r\ntwo'''\r\n")
        XCTAssertEqual(root["a"]?.testString, "one\ntwo")
    }

    func testIntegersInEveryBase() {
        let root = parseTOML("""
        a = +99
        b = -17
        c = 1_000_000
        d = 0xDEAD_beef
        e = 0o755
        f = 0b1101_0110
        g = 9_223_372_036_854_775_807
        h = -9223372036854775808
        i = -0
        """)
        XCTAssertEqual(root["a"]?.testInteger, 99)
        XCTAssertEqual(root["b"]?.testInteger, -17)
        XCTAssertEqual(root["c"]?.testInteger, 1_000_000)
        XCTAssertEqual(root["d"]?.testInteger, 0xDEAD_BEEF)
        XCTAssertEqual(root["e"]?.testInteger, 0o755)
        XCTAssertEqual(root["f"]?.testInteger, 0b1101_0110)
        XCTAssertEqual(root["g"]?.testInteger, Int64.max)
        XCTAssertEqual(root["h"]?.testInteger, Int64.min)
        XCTAssertEqual(root["i"]?.testInteger, 0)
    }

    func testFloatsIncludingSpecialValues() throws {
        let root = parseTOML("""
        a = 3.1415
        b = -0.01
        c = 5e+22
        d = 6.626e-34
        e = 224_617.445_991
        f = -0.0
        g = inf
        h = -inf
        i = nan
        j = 1E6
        """)
        XCTAssertEqual(root["a"]?.testFloat, 3.1415)
        XCTAssertEqual(root["b"]?.testFloat, -0.01)
        XCTAssertEqual(root["c"]?.testFloat, 5e22)
        XCTAssertEqual(root["d"]?.testFloat, 6.626e-34)
        XCTAssertEqual(root["e"]?.testFloat, 224_617.445_991)
        XCTAssertEqual(try XCTUnwrap(root["f"]?.testFloat).sign, .minus)
        XCTAssertEqual(root["g"]?.testFloat, .infinity)
        XCTAssertEqual(root["h"]?.testFloat, -.infinity)
        XCTAssertEqual(root["i"]?.testFloat?.isNaN, true)
        XCTAssertEqual(root["j"]?.testFloat, 1e6)
        XCTAssertEqual(root["a"]?.typeName, "float")
    }

    func testBooleans() {
        let root = parseTOML("yes = true\nno = false")
        XCTAssertEqual(root["yes"]?.testBoolean, true)
        XCTAssertEqual(root["no"]?.testBoolean, false)
    }

    func testDateTimesInAllFourForms() throws {
        let root = parseTOML("""
        odt1 = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27T00:32:00.999999-07:00
        odt3 = 1979-05-27 07:32:00+05:30
        ldt = 1979-05-27t07:32:00.5
        ld = 1979-05-27
        lt = 00:32:00.123456789123
        """)
        let odt2 = try XCTUnwrap(root["odt2"]?.testDateTime)
        XCTAssertEqual(odt2.date, TOMLDateTime.Date(year: 1979, month: 5, day: 27))
        XCTAssertEqual(odt2.time, TOMLDateTime.Time(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000, fractionDigits: 6))
        XCTAssertEqual(odt2.offsetMinutes, -420)
        XCTAssertEqual(root["odt1"]?.testDateTime?.description, "1979-05-27T07:32:00Z")
        XCTAssertEqual(odt2.description, "1979-05-27T00:32:00.999999-07:00")
        XCTAssertEqual(root["odt3"]?.testDateTime?.description, "1979-05-27T07:32:00+05:30")
        XCTAssertEqual(root["ldt"]?.testDateTime?.description, "1979-05-27T07:32:00.5")
        XCTAssertEqual(root["ld"]?.testDateTime?.description, "1979-05-27")
        XCTAssertEqual(root["lt"]?.testDateTime?.description, "00:32:00.123456789")
        XCTAssertNil(root["ld"]?.testDateTime?.time)
        XCTAssertNil(root["lt"]?.testDateTime?.date)
        XCTAssertEqual(root["ld"]?.typeName, "datetime")
    }

    func testLeapDaysAndLeapSeconds() {
        let root = parseTOML("a = 2024-02-29\nb = 2000-02-29T23:59:60Z")
        XCTAssertEqual(root["a"]?.testDateTime?.description, "2024-02-29")
        XCTAssertEqual(root["b"]?.testDateTime?.time?.second, 60)
    }

    func testArraysMayMixTypesNestAndSpanLinesWithComments() throws {
        let root = parseTOML("""
        mixed = [ 1, "two", 3.0, [4, [5]], { six = 6 }, ]
        lines = [
          "a",  # first
          # between
          "b"
        ]
        empty = []
        """)
        let mixed = try XCTUnwrap(root["mixed"]?.testArray)
        XCTAssertEqual(mixed.map(\.typeName), ["integer", "string", "float", "array", "table"])
        XCTAssertEqual(mixed[3].testArray?[1].testArray?[0].testInteger, 5)
        XCTAssertEqual(mixed[4].testTable?["six"]?.testInteger, 6)
        XCTAssertEqual(root["lines"]?.testArray?.compactMap(\.testString), ["a", "b"])
        XCTAssertEqual(root["empty"]?.testArray?.count, 0)
    }

    func testInlineTablesWithDottedKeys() {
        let root = parseTOML(#"point = { x = 1, y.z = 2, "quoted key" = { deep = true } }"#)
        XCTAssertEqual(root.testValue(at: "point.x")?.testInteger, 1)
        XCTAssertEqual(root.testValue(at: "point.y.z")?.testInteger, 2)
        XCTAssertEqual(root.testTable(at: "point")?.testTable(at: "quoted key")?["deep"]?.testBoolean, true)
        XCTAssertEqual(root.testTable(at: "point")?.keys, ["x", "y", "quoted key"])
    }

    func testKeysMayBeBareQuotedDottedOrEmpty() {
        let root = parseTOML("""
        bare-key_1 = 1
        "quoted \\" key" = 2
        'literal.key' = 3
        site . "google.com" . ok = 4
        "" = 5
        1234 = 6
        """)
        XCTAssertEqual(root.keys, ["bare-key_1", "quoted \" key", "literal.key", "site", "", "1234"])
        XCTAssertEqual(root.testTable(at: "site")?["google.com"]?.testTable?["ok"]?.testInteger, 4)
        XCTAssertEqual(root[""]?.testInteger, 5)
    }

    func testTablesKeepFirstWrittenKeyOrder() {
        let root = parseTOML("""
        top = 1
        [b]
        z = 1
        a = 2
        [a.c]
        x = 1
        [a]
        y = 2
        """)
        XCTAssertEqual(root.keys, ["top", "b", "a"])
        XCTAssertEqual(root.testTable(at: "b")?.keys, ["z", "a"])
        XCTAssertEqual(root.testTable(at: "a")?.keys, ["c", "y"])
    }

    func testSubTablesMayBeAddedUnderTablesMadeByDottedKeys() {
        let root = parseTOML("""
        [fruit]
        apple.color = "red"
        apple.taste.sweet = true
        [fruit.apple.texture]
        smooth = true
        """)
        XCTAssertEqual(root.testTable(at: "fruit.apple")?.keys, ["color", "taste", "texture"])
        XCTAssertEqual(root.testValue(at: "fruit.apple.texture.smooth")?.testBoolean, true)
    }

    func testDottedKeysMayPassThroughTablesThatHeadersOnlyImplied() {
        let root = parseTOML("""
        [a.b.c]
        x = 1
        [a]
        b.d = 2
        [a.b]
        e = 3
        """)
        XCTAssertEqual(root.testTable(at: "a.b")?.keys, ["c", "d", "e"])
        XCTAssertEqual(root.testValue(at: "a.b.d")?.testInteger, 2)
    }

    func testArraysOfTablesCollectOneTablePerHeader() throws {
        let root = parseTOML("""
        [[fruits]]
        name = "apple"
        [fruits.physical]
        color = "red"
        [[fruits.varieties]]
        name = "red delicious"
        [[fruits.varieties]]
        name = "granny smith"
        [[fruits]]
        name = "banana"
        """)
        let fruits = try XCTUnwrap(root["fruits"]?.testArray)
        XCTAssertEqual(fruits.count, 2)
        XCTAssertEqual(fruits[0].testTable?.testValue(at: "physical.color")?.testString, "red")
        XCTAssertEqual(fruits[0].testTable?["varieties"]?.testArray?.compactMap { $0.testTable?["name"]?.testString },
                       ["red delicious", "granny smith"])
        XCTAssertEqual(fruits[1].testTable?.keys, ["name"])
    }

    func testEmptyDocumentsAndCommentsOnly() {
        XCTAssertTrue(parseTOML("").isEmpty)
        XCTAssertTrue(parseTOML("# only a comment\n\n   \t\n# another").isEmpty)
    }

    func testByteInputMaySkipAUTF8ByteOrderMark() throws {
        let root = try TOMLParser.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8), file: "bom.toml")
        XCTAssertEqual(root["a"]?.testInteger, 1)
        XCTAssertEqual(position(root.entry("a")?.keyLocation), "1:1")
    }
}
