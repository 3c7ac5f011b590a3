/// Durations as scenario files write them: an integer or decimal number followed by a unit, `us`, `ms`, `s` or
/// `m` (`120ms`, `1.5s`, `2m`), read into nanoseconds.
///
/// Choices where DESIGN.md is silent:
/// - `0` (any spelling of zero) needs no unit; every other number must have one, so `every = "10"` cannot be
///   misread as seconds or milliseconds.
/// - No sign, no exponent, no space between number and unit, lower-case units only.
/// - A value that is not a whole number of nanoseconds (`1.0005us`) or does not fit in 64-bit nanoseconds
///   (about 292 years) is rejected rather than rounded or clamped.
enum ScenarioDuration {
    /// Why a duration string was rejected; `message` quotes the text.
    struct Problem: Error, Equatable {
        var message: String
    }

    /// Nanoseconds per unit.
    static let units: [(name: String, nanoseconds: Int64)] = [
        ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000), ("m", 60_000_000_000),
    ]

    static let expectedForm = "a number and a unit, `us`, `ms`, `s` or `m` (e.g. `120ms`, `1.5s`)"

    /// The nanoseconds `text` stands for.
    static func nanoseconds(from text: String) -> Result<Int64, Problem> {
        func fail(_ message: String) -> Result<Int64, Problem> { .failure(Problem(message: message)) }
        if text.isEmpty { return fail("the duration is empty; expected \(expectedForm)") }
        if text.hasPrefix("-") { return fail("`\(text)` is negative; a duration cannot be") }
        let numberText = String(text.unicodeScalars.prefix { ("0"..."9").contains($0) || $0 == "." })
        let unitText = String(text.unicodeScalars.dropFirst(numberText.unicodeScalars.count))
        guard !numberText.isEmpty else { return fail("`\(text)` is not a duration; expected \(expectedForm)") }
        let parts = numberText.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            return fail("`\(text)` is not a duration: `\(numberText)` is not a number; expected \(expectedForm)")
        }
        let isZero = numberText.allSatisfy { $0 == "0" || $0 == "." }
        if unitText.isEmpty {
            return isZero ? .success(0) : fail("`\(text)` has no unit; expected \(expectedForm)")
        }
        guard let unit = units.first(where: { $0.name == unitText }) else {
            if unitText.first?.isWhitespace == true {
                return fail("`\(text)` has a space before its unit; write `\(numberText)\(unitText.trimmingLeadingSpaces)`")
            }
            return fail("`\(text)` has an unknown unit `\(unitText)`; expected `us`, `ms`, `s` or `m`")
        }
        guard let whole = Int64(parts[0]) else { return fail("`\(text)` is too long; a duration must fit in 64-bit nanoseconds") }
        var (total, overflow) = whole.multipliedReportingOverflow(by: unit.nanoseconds)
        var fraction = Substring(parts.count == 2 ? parts[1] : "")
        while fraction.last == "0" { fraction.removeLast() }
        if !fraction.isEmpty {
            let finerThanNanoseconds = "`\(text)` is finer than a nanosecond; durations are whole nanoseconds"
            guard fraction.count <= 18, let digits = Int64(fraction) else { return fail(finerThanNanoseconds) }
            var scale: Int64 = 1
            for _ in 0..<fraction.count { scale *= 10 }
            let (scaled, scaledOverflow) = digits.multipliedReportingOverflow(by: unit.nanoseconds)
            guard !scaledOverflow, scaled % scale == 0 else { return fail(finerThanNanoseconds) }
            let (sum, sumOverflow) = total.addingReportingOverflow(scaled / scale)
            total = sum
            overflow = overflow || sumOverflow
        }
        if overflow { return fail("`\(text)` is too long; a duration must fit in 64-bit nanoseconds") }
        return .success(total)
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0.isWhitespace }) }
}
