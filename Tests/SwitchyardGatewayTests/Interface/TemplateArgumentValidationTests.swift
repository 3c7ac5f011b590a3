import Foundation
import SwitchyardConfig
@testable import SwitchyardPlan
import Testing
@testable import SwitchyardGateway

/// Template arguments against the role's schema, with the message and status TensorZero 2026.6.0 returned for
/// the same schema and arguments.
@Suite struct TemplateArgumentValidationTests {
    private let schema = #"{"type":"object","properties":{"assistant_name":{"type":"string","minLength":2}},"required":["assistant_name"]}"#

    private var function: FunctionPlan {
        FunctionPlan(
            name: "greet", kind: .chat, sampling: .uniformOverAll, variants: [:],
            interface: FunctionInterfacePlan(schemas: ["system": schema])
        )
    }

    private func failure(_ arguments: Any, role: String = "system") -> GatewayError? {
        do {
            try TemplateArgumentValidation.check(try #require(JSONValueConversion.value(arguments)), role: role, function: function)
            return nil
        } catch {
            return error as? GatewayError
        }
    }

    @Test func argumentsTheSchemaRejects() {
        let short = failure(["assistant_name": "B"])
        #expect(short?.status == 400)
        #expect(short?.message == "JSON Schema validation failed:\n\"B\" is shorter than 2 characters\n\nSchema:\n\(schema)")
        #expect(failure(["assistant_name": 3])?.message.hasPrefix("JSON Schema validation failed:\n3 is not of type \"string\"\n") == true)
        #expect(failure("hello")?.message.hasPrefix("JSON Schema validation failed:\n\"hello\" is not of type \"object\"\n") == true)
    }

    @Test func argumentsTheSchemaAcceptsAndRolesWithoutSchemas() {
        #expect(failure(["assistant_name": "Bob"]) == nil)
        #expect(failure(["anything": 1], role: "user") == nil)
    }
}
