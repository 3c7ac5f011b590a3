import Foundation
import SwitchyardPlan

/// Sets and deletes values at JSON pointers (RFC 6901) in an upstream request body, as TensorZero's
/// `extra_body` does: missing objects on the way are created, `-` appends to an array, deleting something
/// that is not there does nothing.
enum JSONPointerEdit {
    /// Why an edit cannot be made (TensorZero's `Error replacing extra body` wording).
    struct Failure: Error, CustomStringConvertible {
        var pointer: String
        var reason: String

        var description: String { "Error replacing extra body: `\(reason)` with pointer: `\(pointer)`" }
    }

    /// Sets the value at `pointer` to `value`.
    static func set(_ value: SwitchyardPlan.JSONValue, at pointer: String, in document: inout SwitchyardPlan.JSONValue) throws(Failure) {
        let tokens = try self.tokens(pointer)
        try set(value, tokens: tokens[...], pointer: pointer, in: &document)
    }

    /// Removes the value at `pointer`, if there is one.
    static func delete(at pointer: String, in document: inout SwitchyardPlan.JSONValue) throws(Failure) {
        let tokens = try self.tokens(pointer)
        try delete(tokens: tokens[...], pointer: pointer, in: &document)
    }

    private static func set(
        _ value: SwitchyardPlan.JSONValue, tokens: ArraySlice<String>, pointer: String, in document: inout SwitchyardPlan.JSONValue
    ) throws(Failure) {
        guard let token = tokens.first else {
            document = value
            return
        }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            if members[token] == nil {
                // An index under a missing container is ambiguous (object key or array position).
                if index(token) != nil {
                    throw Failure(pointer: pointer, reason: "TensorZero doesn't support pointing an index (\(token)) if its container doesn't exist. We'd love to hear about your use case (& help)! Please open a GitHub Discussion: https://github.com/tensorzero/tensorzero/discussions/new")
                }
                members[token] = .object([:])
            }
            var child = members[token]!
            members[token] = nil
            try set(value, tokens: rest, pointer: pointer, in: &child)
            members[token] = child
            document = .object(members)
        case .array(var items):
            if token == "-" {
                guard rest.isEmpty else { throw Failure(pointer: pointer, reason: "Array append operator `-` can only be used at the end of a pointer") }
                items.append(value)
                document = .array(items)
                return
            }
            guard let position = index(token), position < items.count else {
                throw Failure(pointer: pointer, reason: "Could not find array index \(token) in target array (len \(items.count))")
            }
            try set(value, tokens: rest, pointer: pointer, in: &items[position])
            document = .array(items)
        default:
            // TensorZero prints the target here; it is not printed, as it may be a value set from a withheld entry.
            throw Failure(pointer: pointer, reason: "Can only index into object or array - found a scalar target")
        }
    }

    private static func delete(tokens: ArraySlice<String>, pointer: String, in document: inout SwitchyardPlan.JSONValue) throws(Failure) {
        guard let token = tokens.first else { return }
        let rest = tokens.dropFirst()
        switch document {
        case .object(var members):
            guard var child = members[token] else { return }
            if rest.isEmpty {
                members[token] = nil
            } else {
                try delete(tokens: rest, pointer: pointer, in: &child)
                members[token] = child
            }
            document = .object(members)
        case .array(var items):
            if token == "-" { throw Failure(pointer: pointer, reason: "Cannot delete using array append operator `-`") }
            guard let position = index(token), position < items.count else { return }
            if rest.isEmpty {
                items.remove(at: position)
            } else {
                try delete(tokens: rest, pointer: pointer, in: &items[position])
            }
            document = .array(items)
        default:
            return
        }
    }

    /// The unescaped reference tokens of `pointer` (`~1` is `/`, `~0` is `~`).
    private static func tokens(_ pointer: String) throws(Failure) -> [String] {
        if pointer.isEmpty { throw Failure(pointer: pointer, reason: "Pointer cannot be empty") }
        if !pointer.hasPrefix("/") { throw Failure(pointer: pointer, reason: "Pointer must start with '/'") }
        if pointer.hasSuffix("/") { throw Failure(pointer: pointer, reason: "Pointer cannot end with '/'") }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// An array index as JSON pointers write it: digits, no sign, no leading zero.
    private static func index(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              !(token.hasPrefix("0") && token.count > 1) else { return nil }
        return Int(token)
    }
}
