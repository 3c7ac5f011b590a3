import Foundation
import XCTest

/// Runs a fuzz target over its corpus and `count` mutations of it from a fixed seed, failing when one input
/// takes longer than `slowLimit` (a hang) or `check` reports a problem; a crash ends the test process itself.
/// `SWITCHYARD_FUZZ_COUNT` and `SWITCHYARD_FUZZ_SEED` change the count and seed for longer local runs.
struct FuzzCampaign {
    let name: String
    let corpusFolder: String
    let mutator: InputMutator
    var count = 2_000
    var seed: UInt64 = 0x5EED_F022
    var slowLimit: TimeInterval = 2

    /// The corpus files' bytes, sorted by name.
    static func corpus(_ folder: String) throws -> [[UInt8]] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("corpus/\(folder)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.map { [UInt8](try Data(contentsOf: directory.appendingPathComponent($0))) }
    }

    /// A failing input for the report: its size and base64 (replay it with a test of its own).
    static func show(_ input: [UInt8]) -> String {
        "input (\(input.count) bytes, base64): \(Data(input).base64EncodedString())"
    }

    /// Feeds every input to `check`, which returns a problem description for an input handled wrongly.
    /// Returns the number of executions.
    @discardableResult
    func run(file: StaticString = #filePath, line: UInt = #line, _ check: ([UInt8]) -> String?) throws -> Int {
        let corpus = try Self.corpus(corpusFolder)
        XCTAssertFalse(corpus.isEmpty, "empty corpus \(corpusFolder)", file: file, line: line)
        let environment = ProcessInfo.processInfo.environment
        let total = environment["SWITCHYARD_FUZZ_COUNT"].flatMap(Int.init) ?? count
        var random = SplitMix64(seed: environment["SWITCHYARD_FUZZ_SEED"].flatMap(UInt64.init) ?? seed)
        var executions = 0
        var problems = 0
        let started = Date()
        func execute(_ input: [UInt8], label: String) {
            let start = Date()
            let problem = check(input)
            let elapsed = Date().timeIntervalSince(start)
            executions += 1
            if let problem {
                problems += 1
                XCTFail("\(name) \(label): \(problem)\n\(Self.show(input))", file: file, line: line)
            }
            if elapsed > slowLimit {
                problems += 1
                XCTFail("\(name) \(label): took \(elapsed) s (limit \(slowLimit) s)\n\(Self.show(input))", file: file, line: line)
            }
        }
        for (index, input) in corpus.enumerated() { execute(input, label: "corpus #\(index)") }
        for iteration in 0..<total {
            let base = corpus.randomElement(using: &random)!
            execute(mutator.mutate(base, corpus: corpus, using: &random), label: "mutation #\(iteration)")
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("fuzz \(name): \(executions) executions in \(seconds) s, \(problems) problems, 0 crashes")
        return executions
    }
}
