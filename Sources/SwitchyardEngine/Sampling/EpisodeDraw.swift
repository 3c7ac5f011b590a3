import Crypto
import Foundation
#if canImport(CCryptoBoringSSL)
import CCryptoBoringSSL
#endif

/// TensorZero's per-episode uniform value: the first four bytes of SHA-256(function name ‖ episode id bytes),
/// big-endian, divided by 2^32. The same value is reused at every fallback step of a request.
///
/// Every request draws once, so the hash is on the simulator's hot path. swift-crypto's `SHA256` type costs several
/// times the hash itself for a message this short (a context allocated per copy, zeroed three times, and checked
/// for exclusive access), so where swift-crypto builds its BoringSSL (Linux) the draw calls BoringSSL's one-shot
/// `SHA256` from that same copy, with the message on the stack. That module is swift-crypto's implementation, not
/// its API: if an update removed it, `canImport` would fall back to `Crypto.SHA256`, and a test holds the two equal.
public struct EpisodeDraw: Sendable {
    /// The function name's UTF-8 bytes, followed by room for an episode id's 16.
    private let message: [UInt8]

    /// The draws of the function called `functionName`.
    public init(functionName: String) {
        message = Array(functionName.utf8) + Array(repeating: 0, count: 16)
    }

    /// The uniform value of `episode`.
    public func uniformValue(for episode: EpisodeID) -> Double {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: message.count) { buffer in
            _ = buffer.initialize(fromContentsOf: message)
            let nameCount = message.count - 16
            UnsafeMutableRawBufferPointer(buffer).storeBytes(of: episode.high.bigEndian, toByteOffset: nameCount, as: UInt64.self)
            UnsafeMutableRawBufferPointer(buffer).storeBytes(of: episode.low.bigEndian, toByteOffset: nameCount + 8, as: UInt64.self)
            return Self.uniformValue(ofDigestOf: UnsafeRawBufferPointer(buffer))
        }
    }

    /// The uniform value of `episode` for the function called `functionName`.
    public static func uniformValue(functionName: String, episode: EpisodeID) -> Double {
        EpisodeDraw(functionName: functionName).uniformValue(for: episode)
    }

    private static func uniformValue(ofDigestOf message: UnsafeRawBufferPointer) -> Double {
        #if canImport(CCryptoBoringSSL)
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let word = withUnsafeMutableBytes(of: &digest) { digest in
            let bytes = message.baseAddress?.assumingMemoryBound(to: UInt8.self)
            _ = CCryptoBoringSSL_SHA256(bytes, message.count, digest.baseAddress?.assumingMemoryBound(to: UInt8.self))
            return digest.loadUnaligned(as: UInt32.self).bigEndian
        }
        #else
        let word = SHA256.hash(data: message).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self).bigEndian }
        #endif
        return Double(word) / 4_294_967_296.0
    }
}
