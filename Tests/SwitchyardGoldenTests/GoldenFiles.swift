import Foundation
import XCTest

/// Reading, comparing and (on request) recording golden files under `golden/`.
enum GoldenFiles {
    enum Comparison {
        case match
        case recorded
        case mismatch(diff: String)
    }

    /// The package root, three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SWITCHYARD_RECORD_GOLDEN"] == "1" }

    /// Every folder under `scenarios/` holding a `tensorzero.toml` and an `example.env`, relative to the root.
    static func exampleFolders() throws -> [String] {
        let scenarios = packageRoot.appendingPathComponent("scenarios")
        guard let walker = FileManager.default.enumerator(atPath: scenarios.path) else { return [] }
        var folders: [String] = []
        for case let path as String in walker where path.hasSuffix("tensorzero.toml") {
            let folder = (path as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: scenarios.appendingPathComponent(folder).appendingPathComponent("example.env").path) {
                folders.append("scenarios/\(folder)")
            }
        }
        return folders.sorted()
    }

    /// Every shipped `*.scenario.toml` under `scenarios/`, relative to the root.
    static func scenarioFiles() throws -> [String] {
        let scenarios = packageRoot.appendingPathComponent("scenarios")
        guard let walker = FileManager.default.enumerator(atPath: scenarios.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".scenario.toml") }.map { "scenarios/\($0)" }.sorted()
    }

    /// Compares `actual` with the golden file at `relativePath`, recording it instead when asked to.
    static func compare(_ actual: String, with relativePath: String) throws -> Comparison {
        let url = packageRoot.appendingPathComponent(relativePath)
        if isRecording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return .recorded
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            return .mismatch(diff: "missing golden file (record it with SWITCHYARD_RECORD_GOLDEN=1)")
        }
        return expected == Data(actual.utf8) ? .match : .mismatch(diff: unifiedDiff(expected: url, actual: actual))
    }

    /// Runs `body` with the process's working directory set to `directory`, so paths print relative to it.
    static func withCurrentDirectory<T>(_ directory: URL, _ body: () throws -> T) rethrows -> T {
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(directory.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        return try body()
    }

    /// `diff -u golden actual`, so a failure shows exactly what changed.
    private static func unifiedDiff(expected: URL, actual: String) -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard (try? Data(actual.utf8).write(to: scratch)) != nil else { return "(could not write the actual output)" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", expected.path, scratch.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "(diff is not available)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
