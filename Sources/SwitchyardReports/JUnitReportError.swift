import Foundation

/// Why a JUnit report could not be produced.
public enum JUnitReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A libxml2 call failed (`function` is the libxml2 function's name).
    case libxml2(function: String)
    /// The report file could not be written: its path, the step that failed, and `errno`.
    case io(path: String, operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .libxml2(let function):
            return "libxml2: \(function) failed"
        case .io(let path, let operation, let code):
            return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
