import Foundation
import SwitchyardEngine

/// Writes `--trace` JSON lines: one object per request, in send order within each phase, with every attempt.
/// Credential values never appear; only their locations.
public final class TraceSink {
    private let handle: FileHandle
    private var pending: [(send: Int, index: Int, line: Data)] = []
    private(set) var scenarioFile = ""

    /// Opens (and truncates) `path` for writing.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Names the scenario the next records belong to.
    public func begin(scenario file: String) {
        scenarioFile = file
    }

    func record(_ result: InferenceResult, phase: String, send: Int, index: Int) {
        let object: [String: Any] = [
            "scenario": scenarioFile, "phase": phase, "send": send, "index": index,
            "episode_id": result.episodeID.description, "status": result.status,
            "sent_at_ms": milliseconds(result.start), "latency_ms": milliseconds(result.end - result.start),
            "variant": result.variant ?? NSNull(), "model": result.model ?? NSNull(), "provider": result.provider ?? NSNull(),
            "credential": result.credential ?? NSNull(), "fallback_credential": result.usedFallbackCredential,
            "error": result.error?.message ?? NSNull(), "attempts": result.trace.map(attempt),
        ]
        append(object, send: send, index: index)
    }

    /// Queues one request's JSON object; `flushPhase` writes the phase's objects in send order.
    func append(_ object: [String: Any], send: Int, index: Int) {
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        pending.append((send, index, line))
    }

    /// Writes the phase's records in send order.
    func flushPhase() {
        for entry in pending.sorted(by: { ($0.send, $0.index) < ($1.send, $1.index) }) {
            handle.write(entry.line)
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Finishes the file.
    public func close() throws {
        flushPhase()
        try handle.close()
    }

    private func attempt(_ record: AttemptRecord) -> [String: Any] {
        var object: [String: Any] = [
            "variant": record.variant, "model": record.model, "provider": record.provider,
            "credential": record.credential ?? NSNull(), "fallback_credential": record.usedFallbackCredential,
            "start_ms": milliseconds(record.start), "end_ms": milliseconds(record.end),
        ]
        if let within = record.within { object["within"] = within }
        switch record.outcome {
        case .success: object["outcome"] = "ok"
        case .status(let status): object["outcome"] = "status:\(status)"
        case .timedOut(let level): object["outcome"] = "timeout:\(level)"
        case .connectionReset: object["outcome"] = "reset"
        case .unparseableResponse: object["outcome"] = "garbage"
        case .skipped(let reason):
            object["outcome"] = "skipped"
            object["reason"] = reason
        }
        return object
    }

    private func milliseconds(_ nanoseconds: Int64) -> Double { Double(nanoseconds) / 1_000_000 }
}
