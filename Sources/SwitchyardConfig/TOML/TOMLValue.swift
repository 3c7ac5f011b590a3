/// A TOML value together with where it was written.
public struct TOMLValue: Sendable {
    /// The decoded value.
    public var kind: TOMLKind
    /// Where the value starts (the first character of the value, or the header of a table).
    public var location: SourceLocation

    public init(_ kind: TOMLKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The TOML type name as users read it in error messages (`string`, `integer`, `table`, ...).
    public var typeName: String { kind.typeName }
}

/// The decoded content of a TOML value.
public enum TOMLKind: Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    indirect case dateTime(TOMLDateTime)
    case array([TOMLValue])
    case table(TOMLTable)

    /// The type name TensorZero uses in merge errors (`string`, `integer`, `float`, `boolean`, `datetime`, `array`, `table`).
    public var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime: "datetime"
        case .array: "array"
        case .table: "table"
        }
    }
}
