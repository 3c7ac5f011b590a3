import Crypto
import Foundation

/// A file a variant reads when the config loads (a template or a JSON Schema): the path as the config
/// wrote it and the SHA-256 of its contents, so a plan diff shows an edited file.
public struct PlanFileRecord: Sendable, Hashable {
    /// Relative to the config file that names it, as written.
    public var path: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String

    public init(path: String, sha256: String) {
        self.path = path
        self.sha256 = sha256
    }

    /// The record of a file at `path` holding `contents`.
    public init(path: String, contents: some Sequence<UInt8>) {
        self.init(path: path, sha256: Self.hash(Array(contents)))
    }

    /// Lowercase hex SHA-256 of `bytes`.
    static func hash(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

/// A template a variant renders, parsed once. The plan carries its source so that `serve --plan` renders
/// without the config's folder.
public struct TemplatePlan: Sendable {
    public var file: PlanFileRecord
    public var source: String
    /// Declared with `system_template` / `user_template` / `assistant_template` (TensorZero's legacy form:
    /// without a schema it reads the message text as `system_text` / `user_text` / `assistant_text`) rather
    /// than `templates.NAME.path`.
    public var isRoleField: Bool
    public let template: MiniJinjaTemplate

    /// Parses `source`; throws when it is not a template Switchyard can render.
    public init(file: PlanFileRecord, source: String, isRoleField: Bool) throws(TemplateSyntaxError) {
        self.file = file
        self.source = source
        self.isRoleField = isRoleField
        template = try MiniJinjaTemplate(source: source)
    }
}
