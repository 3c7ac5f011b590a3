/// Durations as Rust's `Debug` for `std::time::Duration` writes them, which TensorZero's timeout messages show:
/// whole milliseconds under a second as `500ms`, a second or more in seconds with the fraction's trailing zeros
/// dropped (`1s`, `1.5s`, `2.05s`), and zero as `0ns`.
enum DurationText {
    static func debug(milliseconds: Int64) -> String {
        guard milliseconds != 0 else { return "0ns" }
        guard milliseconds >= 1000 else { return "\(milliseconds)ms" }
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        guard fraction != 0 else { return "\(seconds)s" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(seconds).\(digits)s"
    }
}
