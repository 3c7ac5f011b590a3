import ArgumentParser
import Foundation

/// A config as committed at a git revision, checked out into a temporary folder (`diff --git`).
struct GitRevision {
    let revision: String

    init(_ revision: String) {
        self.revision = revision
    }

    /// A temporary checkout of the folder holding `pattern` at this revision, with the pattern inside it.
    struct Checkout {
        /// The temporary folder; the caller removes it.
        var root: String
        /// `pattern` relative to the checkout.
        var pattern: String
    }

    /// Extracts the folder of `pattern` (relative to the working directory) as it was at this revision, so that
    /// templates and credential files beside the config come along.
    func checkout(folderOf pattern: String) throws -> Checkout {
        let prefix = try git(["rev-parse", "--show-prefix"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let topLevel = try git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let fromTop = ((prefix + pattern) as NSString).standardizingPath
        let folder = (fromTop as NSString).deletingLastPathComponent
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let archive = (root as NSString).appendingPathComponent("revision.tar")
        do {
            _ = try git(["-C", topLevel, "archive", "--format=tar", "-o", archive, revision, "--", folder.isEmpty ? "." : folder])
            _ = try run("/usr/bin/env", ["tar", "-xf", archive, "-C", root])
        } catch {
            try? FileManager.default.removeItem(atPath: root)
            throw error
        }
        return Checkout(root: root, pattern: (root as NSString).appendingPathComponent(fromTop))
    }

    private func git(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments)
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("`\(arguments.joined(separator: " "))` failed: " + String(decoding: problem, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: text, as: UTF8.self)
    }
}
