import Foundation
import SwitchyardPlan

/// Template arguments from a `JSONSerialization` tree: integers stay integers and floats floats (`2` and
/// `2.0` render differently), booleans are told apart from numbers.
enum JSONValueConversion {
    typealias JSONValue = SwitchyardPlan.JSONValue

    static func value(_ any: Any) -> JSONValue? {
        switch any {
        case is NSNull: return .null
        case let text as String: return .string(text)
        case let number as NSNumber:
            if isBoolean(number) { return .bool(number.boolValue) }
            switch String(cString: number.objCType) {
            case "d", "f": return .double(number.doubleValue)
            default: return .int(number.int64Value)
            }
        case let items as [Any]:
            var values: [JSONValue] = []
            for item in items {
                guard let value = value(item) else { return nil }
                values.append(value)
            }
            return .array(values)
        case let object as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (key, item) in object {
                guard let value = value(item) else { return nil }
                members[key] = value
            }
            return .object(members)
        default: return nil
        }
    }
}
