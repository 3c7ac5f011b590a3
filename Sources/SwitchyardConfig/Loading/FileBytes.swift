#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Musl)
import Musl
private let systemRead = Musl.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a whole file into one byte array, straight from the file into the array's storage. (`FileManager`
/// and a `String` conversion would each make another copy of a config that can run to megabytes.)
enum FileBytes {
    /// The bytes of `path`, or `nil` when it cannot be opened or read.
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var contents: [UInt8] = []
        // One byte more than the size, so that the read which finds the end has room to try. A file that
        // grows meanwhile, or reports no size (a pipe), is read in further chunks until its end.
        var chunkSize = Int(info.st_size) + 1
        while true {
            var reachedEnd = false
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
                count = 0
                while count < chunkSize, !reachedEnd, !failed {
                    let result = systemRead(descriptor, buffer.baseAddress! + count, chunkSize - count)
                    if result > 0 {
                        count += result
                    } else if result == 0 {
                        reachedEnd = true
                    } else if errno != EINTR {
                        failed = true
                    }
                }
            }
            if failed { return nil }
            if contents.isEmpty { contents = chunk } else { contents += chunk }
            if reachedEnd { return contents }
            chunkSize = max(chunkSize, 1 << 16)
        }
    }
}
