import Foundation
import Logging

/// Collects the lines a `Logger` writes, for tests that check what the gateway logs.
final class LogCapture: @unchecked Sendable {
    struct Line: Sendable {
        var level: Logger.Level
        var message: String
    }

    private let lock = NSLock()
    private var captured: [Line] = []

    var lines: [Line] { lock.withLock { captured } }

    /// A logger at `trace` level that writes here.
    func logger() -> Logger {
        var logger = Logger(label: "switchyard.gateway.test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: Line) { lock.withLock { captured.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let extra = (metadata.merging(event.metadata ?? [:]) { $1 }).map { "\($0)=\($1)" }.sorted().joined(separator: " ")
            capture.append(Line(level: event.level, message: "\(event.message)" + (extra.isEmpty ? "" : " " + extra)))
        }
    }
}
