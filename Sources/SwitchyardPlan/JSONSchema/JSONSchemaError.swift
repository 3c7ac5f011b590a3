/// Why a schema document cannot be compiled.
public enum JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document is not JSON.
    case syntax(JSONParser.SyntaxError)
    /// A keyword this validator does not implement, at a JSON pointer.
    case unsupportedKeyword(String, pointer: String)
    /// A keyword whose value is not what the specification allows.
    case invalidKeyword(String, pointer: String, reason: String)
    /// A `$ref` that does not point into the same document.
    case unresolvedReference(String, pointer: String)

    public var description: String {
        switch self {
        case .syntax(let error):
            "not valid JSON: \(error.reason)"
        case .unsupportedKeyword(let keyword, let pointer):
            "JSON Schema keyword `\(keyword)` (at `\(pointer)`) is not supported by Switchyard's validator; remove it or use a supported keyword"
        case .invalidKeyword(let keyword, let pointer, let reason):
            "invalid JSON Schema: `\(keyword)` at `\(pointer)` \(reason)"
        case .unresolvedReference(let reference, let pointer):
            "invalid JSON Schema: `$ref` `\(reference)` at `\(pointer)` does not resolve to a subschema of this document (only local references are supported)"
        }
    }
}
