import Foundation
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

/// Replaces a file's content all at once: the bytes go to a new temporary file in the same folder
/// (same file system, so `rename` is atomic), which is flushed to disk and then renamed over the target.
enum AtomicFileWriter {
    /// Writes `bytes` to `path`. On any failure the temporary file is removed and `path` is untouched.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let (temporary, descriptor) = try createTemporary(beside: path)
        do {
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw JUnitReportError.io(path: temporary, operation: "fsync", errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            throw JUnitReportError.io(path: temporary, operation: "close", errno: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw JUnitReportError.io(path: path, operation: "rename", errno: code)
        }
        syncFolder(of: path)
    }

    /// The folder part of `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Creates `FOLDER/.NAME.PID-RANDOM.tmp` exclusively, so two writers never share a temporary file.
    private static func createTemporary(beside path: String) throws -> (String, Int32) {
        let name = path.split(separator: "/").last.map(String.init) ?? "report"
        let prefix = folder(of: path) + "/." + name + ".\(getpid())-"
        var attempt = 0
        while true {
            let candidate = prefix + String(UInt32.random(in: 0 ... .max), radix: 16) + ".tmp"
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (candidate, descriptor) }
            let code = errno
            attempt += 1
            if code != EEXIST || attempt >= 16 {
                throw JUnitReportError.io(path: candidate, operation: "open", errno: code)
            }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw JUnitReportError.io(path: path, operation: "write", errno: errno)
                }
                offset += written
            }
        }
    }

    /// Makes the rename itself durable; best effort, as not every file system allows it.
    private static func syncFolder(of path: String) {
        let descriptor = open(folder(of: path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
