import Foundation

/// Reads a compiled plan (`switchyard compile -o`) back from disk, for `serve --plan`.
public enum PlanFile {
    /// Why a plan file cannot be used, naming the file.
    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String

        public var description: String { "\(path): \(reason)" }
    }

    /// The plan in the file at `path`.
    public static func load(_ path: String) throws(LoadError) -> RoutingPlan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(path: path, reason: "cannot read the plan file (\((error as NSError).localizedDescription))")
        }
        return try decode(Array(data), path: path)
    }

    /// The plan in `bytes`, read from `path` (which errors name).
    public static func decode(_ bytes: [UInt8], path: String) throws(LoadError) -> RoutingPlan {
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw LoadError(path: path, reason: "not a Switchyard plan: malformed JSON at \(error)")
        }
        do {
            return try RoutingPlan(json: document)
        } catch {
            throw LoadError(path: path, reason: "not a Switchyard plan this build can serve: \(error); compile the config again with `switchyard compile -o`")
        }
    }
}
