import Crypto

/// TensorZero's per-episode uniform value: the first four bytes of SHA-256(function name ‖ episode id bytes),
/// big-endian, divided by 2^32. The same value is reused at every fallback step of a request.
public enum EpisodeDraw {
    public static func uniformValue(functionName: String, episode: EpisodeID) -> Double {
        var hash = SHA256()
        var name = functionName
        name.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        var halves = (episode.high.bigEndian, episode.low.bigEndian)
        withUnsafeBytes(of: &halves) { hash.update(bufferPointer: $0) }
        let digest = hash.finalize()
        let word = digest.withUnsafeBytes { bytes in
            UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
        }
        return Double(word) / 4_294_967_296.0
    }
}
