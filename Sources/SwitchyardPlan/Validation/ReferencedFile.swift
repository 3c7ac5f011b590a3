import Foundation
import SwitchyardConfig

/// A template or schema file named in the config, found relative to the config file that names it.
struct ReferencedFile {
    /// As written in the config.
    let written: Located<String>

    init(_ written: Located<String>) {
        self.written = written
    }

    /// The folder of the config file that names it.
    var base: String { (written.location.file as NSString).deletingLastPathComponent }

    /// The file's path on disk.
    var resolvedPath: String {
        written.value.hasPrefix("/") ? written.value : (base as NSString).appendingPathComponent(written.value)
    }

    /// The file's bytes, or nil when it cannot be read (`FileReferenceRules` reports that).
    func contents() -> [UInt8]? {
        FileManager.default.contents(atPath: resolvedPath).map(Array.init)
    }

    /// The plan's record of `contents`.
    func record(_ contents: [UInt8]) -> PlanFileRecord {
        PlanFileRecord(path: written.value, contents: contents)
    }

    /// A variant's template name for its config key: `system_template` → `system` (a role field),
    /// `templates.NAME` → `NAME`; an evaluator's or fuser's keep their prefix (`evaluator.system`).
    static func templateName(forKey key: String) -> (name: String, isRoleField: Bool) {
        let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
        let (prefix, rest) = parts.count == 2 && (parts[0] == "evaluator" || parts[0] == "fuser") ? (parts[0] + ".", parts[1]) : ("", key)
        if rest.hasPrefix("templates.") { return (prefix + String(rest.dropFirst("templates.".count)), false) }
        return (prefix + String(rest.dropLast("_template".count)), true)
    }

    /// A function's schema name for its config key: `user_schema` → `user`, `schemas.NAME` → `NAME`.
    static func schemaName(forKey key: String) -> String {
        key.hasPrefix("schemas.") ? String(key.dropFirst("schemas.".count)) : String(key.dropLast("_schema".count))
    }
}
