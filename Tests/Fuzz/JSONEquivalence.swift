import Foundation

/// Whether two parsed JSON values are the same value of the same type, numbers compared with their
/// Foundation type (`objCType`) as well as their value.
enum JSONEquivalence {
    static func same(_ left: Any, _ right: Any) -> Bool {
        switch (left, right) {
        case let (left as String, right as String): return left == right
        case let (left as [String: Any], right as [String: Any]):
            return left.count == right.count && left.allSatisfy { key, value in right[key].map { same(value, $0) } ?? false }
        case let (left as [Any], right as [Any]):
            return left.count == right.count && zip(left, right).allSatisfy { same($0, $1) }
        case let (left as NSNumber, right as NSNumber):
            return String(cString: left.objCType) == String(cString: right.objCType) && left.isEqual(right)
        default:
            return type(of: left) == NSNull.self && type(of: right) == NSNull.self
        }
    }
}
