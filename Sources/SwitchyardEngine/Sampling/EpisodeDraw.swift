import Crypto

/// TensorZero's per-episode uniform value: the first four bytes of SHA-256(function name ‖ episode id bytes),
/// big-endian, divided by 2^32. The same value is reused at every fallback step of a request.
public struct EpisodeDraw: Sendable {
    /// The hash state after the function name, shared by every draw of that function. `SHA256` is a
    /// copy-on-write value: a draw copies it before updating, so the shared state is only ever read.
    nonisolated(unsafe) private let afterName: SHA256

    /// The draws of the function called `functionName`.
    public init(functionName: String) {
        var hasher = SHA256()
        hasher.update(data: Array(functionName.utf8))
        afterName = hasher
    }

    /// The uniform value of `episode`.
    public func uniformValue(for episode: EpisodeID) -> Double {
        var hasher = afterName
        withUnsafeBytes(of: (episode.high.bigEndian, episode.low.bigEndian)) { hasher.update(bufferPointer: $0) }
        let word = hasher.finalize().withUnsafeBytes { bytes in
            UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
        }
        return Double(word) / 4_294_967_296.0
    }

    /// The uniform value of `episode` for the function called `functionName`.
    public static func uniformValue(functionName: String, episode: EpisodeID) -> Double {
        EpisodeDraw(functionName: functionName).uniformValue(for: episode)
    }
}
