import Foundation

/// `switchyard serve` as a child process (the binary built next to this test runner), with its standard error
/// collected line by line.
final class ServeProcess: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var buffer = ""

    /// The `switchyard` executable `swift build` put beside the test runner.
    static var executable: URL {
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("switchyard")
    }

    /// Starts `switchyard serve ARGUMENTS`.
    init(_ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else {
            throw ProcessError(description: "\(Self.executable.path) is missing: build it with `swift build` before these tests")
        }
        process.executableURL = Self.executable
        process.arguments = ["serve"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        errors.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            guard let self else { return }
            lock.withLock { buffer += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// Everything written to standard error so far.
    var standardError: String { lock.withLock { buffer } }

    /// Waits up to `timeout` for standard error to contain `text`.
    func waitFor(_ text: String, timeout: Duration = .seconds(60)) async throws {
        let start = ContinuousClock.now
        while !standardError.contains(text) {
            guard ContinuousClock.now - start < timeout else {
                throw ProcessError(description: "no `\(text)` within \(timeout); standard error:\n\(standardError)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The port the gateway listens on, once it says so.
    func port() async throws -> Int {
        try await waitFor("switchyard gateway listening on")
        let line = standardError.split(separator: "\n").first { $0.contains("switchyard gateway listening on") } ?? ""
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw ProcessError(description: "no port in `\(line)`")
        }
        return port
    }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits up to `timeout` for the process to exit; returns its exit status.
    func exitStatus(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let start = ContinuousClock.now
        while process.isRunning {
            guard ContinuousClock.now - start < timeout else {
                process.terminate()
                throw ProcessError(description: "still running after \(timeout); standard error:\n\(standardError)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    /// Stops the process if a test left it running.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ProcessError: Error, CustomStringConvertible {
    var description: String
}
