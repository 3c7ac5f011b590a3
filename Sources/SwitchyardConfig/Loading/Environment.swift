import Foundation

/// The environment the gateway would start with: the process's variables, an `--env-file`, or both.
///
/// Values are secrets: this type never prints them, and callers only ask whether a variable is set or
/// read it to resolve a credential.
public struct Environment: Sendable, Equatable, CustomStringConvertible {
    private var variables: [String: String]

    public init(_ variables: [String: String] = [:]) {
        self.variables = variables
    }

    /// The current process's environment.
    public static var process: Environment { Environment(ProcessInfo.processInfo.environment) }

    /// The value of `name`, or `nil` when unset.
    public func value(_ name: String) -> String? { variables[name] }

    /// The value of `name` as a secret, for credentials.
    public func secret(_ name: String) -> Secret? { variables[name].map(Secret.init) }

    /// This environment without the named variables.
    public func removing(_ names: [String]) -> Environment {
        var copy = variables
        for name in names { copy[name] = nil }
        return Environment(copy)
    }

    /// Whether `name` is set (an empty value counts as set, as in TensorZero).
    public func isSet(_ name: String) -> Bool { variables[name] != nil }

    /// This environment with `other`'s variables added on top.
    public func overlaid(with other: Environment) -> Environment {
        Environment(variables.merging(other.variables) { _, new in new })
    }

    /// The variable names, sorted; never the values.
    public var names: [String] { variables.keys.sorted() }

    public var description: String { "Environment(\(variables.count) variables)" }
}
