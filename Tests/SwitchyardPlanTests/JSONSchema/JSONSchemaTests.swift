import XCTest
@testable import SwitchyardPlan

/// The validator's verdicts and wording; the messages marked "oracle" are the ones TensorZero 2026.6.0 returned
/// for the same schema and instance.
final class JSONSchemaTests: XCTestCase {
    private func schema(_ text: String) throws -> JSONSchema {
        try JSONSchema.compile(text: Array(text.utf8))
    }

    private func violation(_ schemaText: String, _ instance: String) throws -> String? {
        try schema(schemaText).firstViolation(of: try JSONParser.parse(Array(instance.utf8)))
    }

    private let person = """
    {"type": "object", "properties": {"name": {"type": "string", "minLength": 2}, "age": {"type": "integer", "minimum": 0}},
     "required": ["name", "age"], "additionalProperties": false}
    """

    func testOracleMessages() throws {
        XCTAssertEqual(try violation(person, #"{"name": "Ann", "age": -1}"#), "-1 is less than the minimum of 0")
        XCTAssertEqual(try violation(person, #"{"name": "B", "age": 1}"#), #""B" is shorter than 2 characters"#)
        XCTAssertEqual(try violation(person, #"{"name": 3, "age": 1}"#), #"3 is not of type "string""#)
        XCTAssertEqual(try violation(person, #""hello""#), #""hello" is not of type "object""#)
        XCTAssertEqual(try violation(person, #"{"age": 1}"#), #""name" is a required property"#)
        XCTAssertEqual(
            try violation(person, #"{"name": "Ann", "age": 1, "town": "Paris"}"#),
            "Additional properties are not allowed ('town' was unexpected)"
        )
        XCTAssertNil(try violation(person, #"{"name": "Ann", "age": 3}"#))
    }

    func testValidationErrorQuotesTheSchemaCompactAndInWrittenOrder() throws {
        let compiled = try schema("{\n  \"type\": \"object\",\n  \"required\": [\"x\"],\n  \"properties\": {\"x\": {\"type\": \"string\"}}\n}")
        XCTAssertEqual(
            compiled.validationError("\"x\" is a required property"),
            "JSON Schema validation failed:\n\"x\" is a required property\n\nSchema:\n{\"type\":\"object\",\"required\":[\"x\"],\"properties\":{\"x\":{\"type\":\"string\"}}}"
        )
    }

    func testIntegerAcceptsWholeNumbersOnlyAndNumberAcceptsBoth() throws {
        XCTAssertNil(try violation(#"{"type": "integer"}"#, "2.0"))
        XCTAssertEqual(try violation(#"{"type": "integer"}"#, "2.5"), #"2.5 is not of type "integer""#)
        XCTAssertNil(try violation(#"{"type": "number"}"#, "2"))
        XCTAssertEqual(try violation(#"{"type": ["string", "null"]}"#, "1"), #"1 is not of types "string", "null""#)
        XCTAssertNil(try violation(#"{"type": ["string", "null"]}"#, "null"))
    }

    func testEnumConstAndNumericEquality() throws {
        XCTAssertEqual(try violation(#"{"enum": ["c", "f"]}"#, #""k""#), #""k" is not one of ["c","f"]"#)
        XCTAssertNil(try violation(#"{"enum": [1]}"#, "1.0"))
        XCTAssertEqual(try violation(#"{"const": "a"}"#, #""b""#), #""a" was expected"#)
    }

    func testNumberBounds() throws {
        XCTAssertEqual(try violation(#"{"maximum": 3}"#, "4"), "4 is greater than the maximum of 3")
        XCTAssertEqual(try violation(#"{"exclusiveMinimum": 3}"#, "3"), "3 is less than or equal to the minimum of 3")
        XCTAssertEqual(try violation(#"{"exclusiveMaximum": 3}"#, "3"), "3 is greater than or equal to the maximum of 3")
        XCTAssertEqual(try violation(#"{"multipleOf": 2}"#, "3"), "3 is not a multiple of 2")
        XCTAssertNil(try violation(#"{"minimum": 1, "maximum": 1}"#, "1"))
    }

    func testStringRules() throws {
        XCTAssertEqual(try violation(#"{"maxLength": 1}"#, #""ab""#), #""ab" is longer than 1 character"#)
        XCTAssertEqual(try violation(#"{"pattern": "^[a-z]+$"}"#, #""A1""#), #""A1" does not match "^[a-z]+$""#)
        XCTAssertNil(try violation(#"{"pattern": "b"}"#, #""abc""#), "a pattern matches anywhere unless anchored")
        XCTAssertNil(try violation(#"{"minLength": 2}"#, #""é!""#), "lengths count code points")
    }

    func testArrays() throws {
        XCTAssertEqual(try violation(#"{"items": {"type": "integer"}}"#, #"[1, "x"]"#), #""x" is not of type "integer""#)
        XCTAssertEqual(try violation(#"{"minItems": 2}"#, "[1]"), "[1] has less than 2 items")
        XCTAssertEqual(try violation(#"{"maxItems": 1}"#, "[1,2]"), "[1,2] has more than 1 item")
        XCTAssertEqual(try violation(#"{"uniqueItems": true}"#, "[1,1.0]"), "[1,1.0] has non-unique elements")
        let tuple = #"{"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}"#
        XCTAssertNil(try violation(tuple, #"["a", 1, 2]"#))
        XCTAssertEqual(try violation(tuple, #"[1]"#), #"1 is not of type "string""#)
        XCTAssertEqual(try violation(tuple, #"["a", "b"]"#), #""b" is not of type "integer""#)
        let draft7 = #"{"items": [{"type": "string"}], "additionalItems": false}"#
        XCTAssertEqual(try violation(draft7, #"["a", 1]"#), "False schema does not allow 1")
    }

    func testCombinators() throws {
        let either = #"{"anyOf": [{"type": "string"}, {"type": "integer"}]}"#
        XCTAssertNil(try violation(either, "1"))
        XCTAssertEqual(try violation(either, "true"), "true is not valid under any of the schemas listed in the 'anyOf' keyword")
        let one = #"{"oneOf": [{"type": "number"}, {"type": "integer"}]}"#
        XCTAssertNil(try violation(one, "1.5"))
        XCTAssertEqual(try violation(one, "1"), "1 is valid under more than one of the schemas listed in the 'oneOf' keyword")
        XCTAssertEqual(try violation(#"{"allOf": [{"minimum": 1}, {"maximum": 2}]}"#, "3"), "3 is greater than the maximum of 2")
        XCTAssertEqual(try violation(#"{"not": {"type": "null"}}"#, "null"), "null should not be valid under the schema in the 'not' keyword")
    }

    func testAdditionalPropertiesSchemaAndPatternProperties() throws {
        let schema = #"{"properties": {"a": {}}, "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#
        XCTAssertNil(try violation(schema, #"{"a": null, "x-y": "s", "n": 1}"#))
        XCTAssertEqual(try violation(schema, #"{"x-y": 1}"#), #"1 is not of type "string""#)
        XCTAssertEqual(try violation(schema, #"{"n": "s"}"#), #""s" is not of type "integer""#)
    }

    func testLocalReferencesThroughDefsAndDefinitions() throws {
        let schema = """
        {"$defs": {"city": {"type": "string"}}, "definitions": {"n": {"type": "integer"}},
         "properties": {"c": {"$ref": "#/$defs/city"}, "n": {"$ref": "#/definitions/n"}, "tree": {"$ref": "#"}}}
        """
        XCTAssertNil(try violation(schema, #"{"c": "Paris", "n": 1, "tree": {"c": "Rome"}}"#))
        XCTAssertEqual(try violation(schema, #"{"tree": {"n": "x"}}"#), #""x" is not of type "integer""#)
    }

    func testUnsupportedKeywordsAreRefusedByName() {
        XCTAssertThrowsError(try schema(#"{"properties": {"a": {"if": {"type": "string"}}}}"#)) { error in
            XCTAssertEqual(error as? JSONSchemaError, .unsupportedKeyword("if", pointer: "#/properties/a"))
        }
        XCTAssertThrowsError(try schema(#"{"$schema": "http://json-schema.org/draft-07/schema#", "format": "email"}"#)) { error in
            XCTAssertEqual(error as? JSONSchemaError, .unsupportedKeyword("format", pointer: "#"))
        }
        XCTAssertNoThrow(try schema(#"{"format": "email", "title": "annotations only in 2020-12", "x-custom": 1}"#))
    }

    func testMalformedSchemasAreRefused() {
        XCTAssertThrowsError(try schema(#"{"type": "text"}"#)) { error in
            guard case .invalidKeyword("type", "#", _)? = error as? JSONSchemaError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try schema(#"{"minLength": -1}"#))
        XCTAssertThrowsError(try schema(#"{"pattern": "("}"#))
        XCTAssertThrowsError(try schema(##"{"$ref": "#/$defs/missing"}"##)) { error in
            XCTAssertEqual(error as? JSONSchemaError, .unresolvedReference("#/$defs/missing", pointer: "#"))
        }
        XCTAssertThrowsError(try schema(#"{"$ref": "other.json"}"#))
        XCTAssertThrowsError(try schema("{\n  \"type\": }")) { error in
            guard case .syntax(let syntax)? = error as? JSONSchemaError else { return XCTFail("\(error)") }
            XCTAssertEqual(syntax.line, 2)
        }
    }
}
