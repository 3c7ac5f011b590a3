import Foundation

/// Pearson's chi-square goodness-of-fit test: how likely counts at least this far from the expected shares
/// are if sampling really follows those shares.
struct ChiSquareTest: Equatable {
    /// The statistic: Σ (observed − expected)² / expected.
    var statistic: Double
    var degreesOfFreedom: Int
    /// The probability of a statistic at least this large under the expected shares.
    var pValue: Double

    /// Tests `observed` counts against `shares` (each category's expected fraction of the total). Categories
    /// expected to get nothing are left out; `nil` when fewer than two categories remain or nothing was counted.
    init?(observed: [Int], shares: [Double]) {
        let total = Double(observed.reduce(0, +))
        let pairs = zip(observed, shares).filter { $0.1 > 0 }
        let expectedTotal = pairs.reduce(0) { $0 + $1.1 }
        guard total > 0, pairs.count >= 2, expectedTotal > 0 else { return nil }
        statistic = pairs.reduce(0) { sum, pair in
            let expected = total * pair.1 / expectedTotal
            return sum + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
        }
        degreesOfFreedom = pairs.count - 1
        pValue = Self.upperRegularizedGamma(Double(degreesOfFreedom) / 2, statistic / 2)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a): a series below `a + 1`, Lentz's continued fraction above.
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let logPrefix = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, n = a
            for _ in 0..<1000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return max(0, min(1, 1 - sum * exp(logPrefix)))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, fraction = d
        for i in 1...1000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            fraction *= step
            if abs(step - 1) < 1e-15 { break }
        }
        return max(0, min(1, exp(logPrefix) * fraction))
    }
}
