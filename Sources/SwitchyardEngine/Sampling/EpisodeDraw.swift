import Crypto

/// TensorZero's per-episode uniform value: the first four bytes of SHA-256(function name ‖ episode id bytes),
/// big-endian, divided by 2^32. The same value is reused at every fallback step of a request.
public enum EpisodeDraw {
    public static func uniformValue(functionName: String, episode: EpisodeID) -> Double {
        var name = functionName
        return name.withUTF8 { nameBytes in
            withUnsafeTemporaryAllocation(byteCount: nameBytes.count + 16, alignment: 8) { message in
                message.copyMemory(from: UnsafeRawBufferPointer(nameBytes))
                message.storeBytes(of: episode.high.bigEndian, toByteOffset: nameBytes.count, as: UInt64.self)
                message.storeBytes(of: episode.low.bigEndian, toByteOffset: nameBytes.count + 8, as: UInt64.self)
                let digest = SHA256.hash(data: UnsafeRawBufferPointer(message))
                let word = digest.withUnsafeBytes { bytes in
                    UInt32(bytes[0]) << 24 | UInt32(bytes[1]) << 16 | UInt32(bytes[2]) << 8 | UInt32(bytes[3])
                }
                return Double(word) / 4_294_967_296.0
            }
        }
    }
}
