import Foundation
import SwitchyardConfig

/// A template or schema file named in the config, found relative to the config file that names it.
struct ReferencedFile {
    /// As written in the config.
    let written: Located<String>

    init(_ written: Located<String>) {
        self.written = written
    }

    /// The file's path on disk.
    var resolvedPath: String { SchemaFile.resolvedPath(written) }

    /// The file's bytes, or nil when it cannot be read (`FileReferenceRules` reports that).
    func contents() -> [UInt8]? {
        FileManager.default.contents(atPath: resolvedPath).map(Array.init)
    }

    /// The plan's record of `contents`.
    func record(_ contents: [UInt8]) -> PlanFileRecord {
        PlanFileRecord(path: written.value, contents: contents)
    }

    /// A variant's template name for its config key: `system_template` → `system` (a role field),
    /// `templates.NAME` → `NAME`. (An evaluator's or fuser's templates are named by its own plan, unprefixed.)
    static func templateName(forKey key: String) -> (name: String, isRoleField: Bool) {
        if key.hasPrefix("templates.") { return (String(key.dropFirst("templates.".count)), false) }
        return (String(key.dropLast("_template".count)), true)
    }

    /// A function's schema name for its config key: `user_schema` → `user`, `schemas.NAME` → `NAME`.
    static func schemaName(forKey key: String) -> String {
        key.hasPrefix("schemas.") ? String(key.dropFirst("schemas.".count)) : String(key.dropLast("_schema".count))
    }
}
