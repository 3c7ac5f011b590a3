import Foundation

/// Configs a reload swaps between, written to a folder with the environment file that holds their key.
struct ReloadConfigs {
    let folder: URL
    var config: String { folder.appendingPathComponent("tensorzero.toml").path }
    var environmentFile: String { folder.appendingPathComponent("gateway.env").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "TEST_OPENAI_KEY=sk-static-openai\n".write(toFile: environmentFile, atomically: true, encoding: .utf8)
    }

    /// Replaces the config with `text`.
    func write(_ text: String) throws {
        try text.write(toFile: config, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// `chat_fn` on the wire model `wire` at the mock's `/ok/`; when `slow` is set, also `slow_fn` (at `/slow/`,
    /// which answers after 2 s) and `drip_fn` (at `/drip/`, whose streams pause 1 s), without timeouts.
    static func config(upstreamPort port: Int, wire: String, slow: Bool = false) -> String {
        func provider(_ model: String, path: String, wire: String) -> String {
            """
            [models.\(model)]
            routing = ["upstream"]

            [models.\(model).providers.upstream]
            type = "openai"
            api_base = "http://127.0.0.1:\(port)/\(path)/v1/"
            model_name = "\(wire)"
            api_key_location = "env::TEST_OPENAI_KEY"

            [functions.\(model)_fn]
            type = "chat"

            [functions.\(model)_fn.variants.only]
            type = "chat_completion"
            model = "\(model)"

            """
        }
        let slowOnes = provider("slow", path: "slow", wire: "slow-\(wire)") + provider("drip", path: "drip", wire: "drip-\(wire)")
        return provider("chat", path: "ok", wire: wire) + (slow ? slowOnes : "")
    }

    /// A config with one error at line 3 (a variant naming a model that does not exist).
    static let broken = """
        [functions.chat_fn]
        type = "chat"
        variants.only = { type = "chat_completion", model = "no_such_model" }
        """
}
