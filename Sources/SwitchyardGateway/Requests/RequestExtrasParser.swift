import Foundation
import SwitchyardConfig
import SwitchyardEngine

/// Reads a request's own `extra_body` / `extra_headers` arrays (TensorZero's untagged forms: always, by
/// `variant_name`, or by `model_name` with an optional `provider_name`; each with `value` or `delete: true`).
enum RequestExtrasParser {
    /// `extra_body` entries: `pointer` and any JSON `value` (kept as its JSON text).
    static func body(_ fields: JSONFields, key: String) throws -> [RequestExtra] {
        try parse(fields, key: key, targetKey: "pointer", enumName: "ExtraBody") { value in
            let data = try? JSONBytes.encode(value)
            return data.map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// `extra_headers` entries: `name` and a string `value`.
    static func headers(_ fields: JSONFields, key: String) throws -> [RequestExtra] {
        try parse(fields, key: key, targetKey: "name", enumName: "ExtraHeader") { $0 as? String }
    }

    private static func parse(_ fields: JSONFields, key: String, targetKey: String, enumName: String, text: (Any) -> String?) throws -> [RequestExtra] {
        guard let items = try fields.array(key) else { return [] }
        return try items.enumerated().map { index, item in
            let mismatch = GatewayError.badRequest(
                "Failed to deserialize JSON: `\(fields.child(key))[\(index)]`: data did not match any variant of untagged enum \(enumName)"
            )
            guard let entry = item as? [String: Any], let target = entry[targetKey] as? String else { throw mismatch }
            let scope: RequestExtra.Scope
            var expected: Set<String> = [targetKey]
            if let variant = entry["variant_name"] {
                guard let name = variant as? String else { throw mismatch }
                scope = .variant(name)
                expected.insert("variant_name")
            } else if let model = entry["model_name"] {
                guard let name = model as? String else { throw mismatch }
                let provider = entry["provider_name"].flatMap { isNull($0) ? nil : $0 }
                guard provider == nil || provider is String else { throw mismatch }
                scope = .modelProvider(model: name, provider: provider as? String)
                expected.formUnion(["model_name", "provider_name"])
            } else {
                scope = .always
            }
            let value: Secret?
            if let raw = entry["value"] {
                guard entry["delete"] == nil, let written = text(raw) else { throw mismatch }
                value = Secret(written)
                expected.insert("value")
            } else if let delete = entry["delete"] as? NSNumber, delete.boolValue, String(cString: delete.objCType) == "c" {
                value = nil
                expected.insert("delete")
            } else {
                throw mismatch
            }
            guard Set(entry.keys).isSubset(of: expected) else { throw mismatch }
            return RequestExtra(scope: scope, target: target, value: value)
        }
    }
}
