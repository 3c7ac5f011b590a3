import Foundation
import SwitchyardEngine

/// Episode and inference ids: TensorZero's validation of caller ids and fresh UUIDv7s.
enum EpisodeIDs {
    /// A new version-7 UUID for now.
    static func fresh() -> EpisodeID {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(Date().timeIntervalSince1970 * 1000)
        return .version7(milliseconds: milliseconds, random: generator.next(), random2: generator.next())
    }

    /// Validates a caller's `episode_id`: a UUID, version 7, not in the future.
    static func parse(_ text: String) throws -> EpisodeID {
        guard let id = EpisodeID(string: text) else {
            throw GatewayError.badRequest("Failed to deserialize JSON: `episode_id`: UUID parsing failed: \(text)")
        }
        guard id.version == 7 else { throw GatewayError.badRequest("Invalid Episode ID: Version must be 7, got \(id.version)") }
        let milliseconds = id.high >> 16
        if milliseconds > UInt64(Date().timeIntervalSince1970 * 1000) {
            throw GatewayError.badRequest("Invalid Episode ID: Timestamp is in the future")
        }
        return id
    }
}
