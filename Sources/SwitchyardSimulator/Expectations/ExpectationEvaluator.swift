import Foundation
import SwitchyardConfig
import SwitchyardReports

/// Checks a phase's `expect` table against what its requests did; every expectation yields one check,
/// held or not, with what was expected and what was observed.
struct ExpectationEvaluator {
    let statistics: PhaseStatistics
    let startupErrors: [String]

    /// The tolerance `variant_share` uses when the phase does not set one.
    static let defaultTolerance = 0.03

    func checks(_ expect: Expectations) -> [ExpectationCheck] {
        var checks: [ExpectationCheck] = []
        checks += startupChecks(expect)
        checks += countChecks("status", expect.status) { statistics.byStatus[Int($0) ?? -1, default: 0] }
        checks += countChecks("served_by", expect.servedBy) { statistics.servedBy[$0, default: 0] }
        checks += countChecks("variant", expect.variant) { statistics.byVariant[$0, default: 0] }
        checks += countChecks("credential", expect.credential) { statistics.byCredential[$0, default: 0] }
        if let count = expect.fallbackCredential {
            checks.append(countCheck("fallback_credential", count.value, observed: statistics.fallbackCredential))
        }
        if let count = expect.attempts {
            checks.append(countCheck("attempts", count.value, observed: statistics.attempts))
        }
        if let substring = expect.error { checks.append(errorCheck(substring.value)) }
        checks += shareChecks(expect)
        if let level = expect.pValue { checks.append(chiSquareCheck(expect.variantShare, level: level.value)) }
        for (name, bound, fraction) in [("latency_ms.p50", expect.latencyP50Ms, 0.5), ("latency_ms.p99", expect.latencyP99Ms, 0.99)] {
            guard let bound else { continue }
            let observed = statistics.latencyPercentile(fraction)
            checks.append(ExpectationCheck(
                name: name, expected: "≤ \(format(bound.value)) ms", observed: observed.map { "\(format($0)) ms" } ?? "no requests",
                passed: observed.map { $0 <= bound.value } ?? false
            ))
        }
        return checks
    }

    private func startupChecks(_ expect: Expectations) -> [ExpectationCheck] {
        var checks: [ExpectationCheck] = []
        let started = startupErrors.isEmpty
        let observed = started ? "ok" : "error: \(startupErrors.joined(separator: "; "))"
        let wanted = expect.startup?.value ?? (expect.startupError == nil ? nil : .error)
        if let wanted {
            checks.append(ExpectationCheck(name: "startup", expected: wanted.rawValue, observed: observed, passed: started == (wanted == .ok)))
        }
        if let substring = expect.startupError {
            let found = startupErrors.contains { $0.contains(substring.value) }
            checks.append(ExpectationCheck(name: "startup_error", expected: "contains \"\(substring.value)\"", observed: observed, passed: found))
        }
        return checks
    }

    private func countChecks(_ name: String, _ expected: [String: Located<ExpectedCount>], observed: (String) -> Int) -> [ExpectationCheck] {
        expected.keys.sorted().map { key in countCheck("\(name).\(key)", expected[key]!.value, observed: observed(key)) }
    }

    private func countCheck(_ name: String, _ expected: ExpectedCount, observed: Int) -> ExpectationCheck {
        let target: Int
        let label: String
        switch expected {
        case .all:
            target = statistics.requests
            label = "all (\(statistics.requests))"
        case .exactly(let count):
            target = count
            label = String(count)
        }
        return ExpectationCheck(name: name, expected: label, observed: String(observed), passed: observed == target)
    }

    private func errorCheck(_ substring: String) -> ExpectationCheck {
        let failures = statistics.errors.keys.sorted()
        let offending = failures.first { !$0.contains(substring) }
        let observed = failures.isEmpty ? "no errors" : offending.map { "an error without it: \($0)" } ?? "\(failures.count) distinct errors, all containing it"
        return ExpectationCheck(name: "error", expected: "every error contains \"\(substring)\"", observed: observed, passed: !failures.isEmpty && offending == nil)
    }

    private func shareChecks(_ expect: Expectations) -> [ExpectationCheck] {
        let tolerance = expect.tolerance?.value ?? Self.defaultTolerance
        let successes = statistics.successes
        return expect.variantShare.keys.sorted().map { variant in
            let expected = expect.variantShare[variant]!.value
            let count = statistics.byVariant[variant, default: 0]
            let share = successes > 0 ? Double(count) / Double(successes) : 0
            return ExpectationCheck(
                name: "variant_share.\(variant)", expected: "\(format(expected)) ± \(format(tolerance))",
                observed: "\(format(share)) (\(count) of \(successes) successes)", passed: successes > 0 && abs(share - expected) <= tolerance
            )
        }
    }
}

extension ExpectationEvaluator {
    /// `variant_share.p_value`: Pearson's chi-square test of the successes by variant against the expected shares.
    /// Variants served but not listed form one more category, expected to get whatever share the list leaves.
    func chiSquareCheck(_ shares: [String: Located<Double>], level: Double) -> ExpectationCheck {
        let listed = shares.keys.sorted()
        let listedCount = listed.reduce(0) { $0 + statistics.byVariant[$1, default: 0] }
        let listedShare = listed.reduce(0) { $0 + shares[$1]!.value }
        let observed = listed.map { statistics.byVariant[$0, default: 0] } + [statistics.successes - listedCount]
        let expected = listed.map { shares[$0]!.value } + [max(0, 1 - listedShare)]
        let name = "variant_share.p_value"
        let wanted = "p ≥ \(format(level)) (chi-square over \(listed.count + (expected.last! > 0 ? 1 : 0)) categories)"
        // A category expected to get nothing that got something cannot come from the shares at all.
        let impossible = zip(observed, expected).contains { $0.0 > 0 && $0.1 == 0 }
        guard !impossible, let test = ChiSquareTest(observed: observed, shares: expected) else {
            let why = impossible ? "successes on variants expected to get none" : "nothing to test: it needs two variants with expected shares and a success (\(statistics.successes) successes)"
            return ExpectationCheck(name: name, expected: wanted, observed: why, passed: false)
        }
        return ExpectationCheck(
            name: name, expected: wanted,
            observed: "p = \(formatP(test.pValue)) (χ² = \(format(test.statistic)), \(test.degreesOfFreedom) df, \(statistics.successes) successes)",
            passed: test.pValue >= level
        )
    }

    /// A p-value readably: four decimals, or scientific notation when smaller.
    private func formatP(_ value: Double) -> String {
        value >= 0.0001 || value == 0 ? format(value) : String(format: "%.1e", value)
    }
}

/// Numbers as people read them: at most four decimals, no trailing zeros.
func format(_ value: Double) -> String {
    let rounded = (value * 10_000).rounded() / 10_000
    return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
}
