import Foundation

/// JSON Pointers (RFC 6901) in URI-fragment form (`#/$defs/a~1b`), as local `$ref`s write them.
enum JSONPointer {
    /// A pointer segment for `name` (`~` → `~0`, `/` → `~1`).
    static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The value `pointer` (`#` or `#/...`) points at in `document`, if any.
    static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        guard pointer.hasPrefix("#") else { return nil }
        let path = pointer.dropFirst()
        guard !path.isEmpty else { return document }
        guard path.hasPrefix("/") else { return nil }
        var current = document
        for raw in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let segment = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch current {
            case .object(let members):
                guard let next = members[segment] else { return nil }
                current = next
            case .array(let items):
                guard let index = Int(segment), items.indices.contains(index) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }
}
