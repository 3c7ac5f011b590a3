import Foundation
import SwitchyardConfig

/// A schema file a config names (`output_schema`, `system_schema`, a tool's `parameters`, ...), read relative to
/// the config file that names it.
public enum SchemaFile {
    /// Why a referenced schema file cannot be used, with where to point the user.
    public struct Problem: Error {
        public var location: SourceLocation
        public var message: String
    }

    /// The file's path as the gateway reads it.
    public static func resolvedPath(_ file: Located<String>) -> String {
        let base = (file.location.file as NSString).deletingLastPathComponent
        return file.value.hasPrefix("/") ? file.value : (base as NSString).appendingPathComponent(file.value)
    }

    /// Reads and compiles `file`; `nil` when the file cannot be read (`FileReferenceRules` reports that).
    public static func load(_ file: Located<String>) -> Result<JSONSchema, Problem>? {
        let path = resolvedPath(file)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return .success(try JSONSchema.compile(text: Array(data)))
        } catch .syntax(let error) {
            let location = SourceLocation(file: path, line: error.line, column: error.column)
            return .failure(Problem(location: location, message: "`\(file.value)` is not valid JSON: \(error.reason)"))
        } catch {
            return .failure(Problem(location: file.location, message: "`\(file.value)`: \(error.description)"))
        }
    }
}
