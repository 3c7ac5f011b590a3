#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Musl)
import Musl
private let systemWrite = Musl.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a canonical JSON document to a file as it is produced, in chunks, so that the document never has
/// to be held in memory whole.
///
/// The file is replaced atomically: the document goes to a temporary file in the same folder, which is
/// renamed over the destination only once it is complete, so readers never see a half-written file.
public enum CanonicalJSONFile {
    /// Why a document could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        /// The `errno` of the failed call.
        public var code: Int32

        public var description: String { "cannot write `\(path)`: \(String(cString: strerror(code)))" }
    }

    /// Writes `value` to `path`, replacing the file atomically (a new file gets mode 0666 less the umask; an
    /// existing one keeps its mode).
    public static func write(_ value: some CanonicalJSONEncodable, toFile path: String) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = "\(path[..<slash]).\(path[slash...]).\(String(UInt32.random(in: 0 ... .max), radix: 16)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw WriteError(path: path, code: errno) }
        var failure: Int32 = 0
        var writer = CanonicalJSONWriter(chunkSize: 1 << 20) { chunk in
            if failure == 0 { failure = writeAll(chunk, to: descriptor) }
        }
        writer.document(value)
        var existing = stat()
        if failure == 0, stat(path, &existing) == 0, fchmod(descriptor, existing.st_mode & 0o7777) != 0 { failure = errno }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw WriteError(path: path, code: failure)
        }
    }

    /// Writes all of `bytes`, retrying short and interrupted writes; the `errno` of a failure, or 0.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }
}
