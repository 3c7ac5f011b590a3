/// Numbers as reports print them, the same on every machine (no locale, no formatter).
public enum ReportNumbers {
    /// At most three decimals and no trailing zeros (`0.487`, `2`).
    public static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let thousandths = Int64((value * 1000).rounded())
        let magnitude = abs(thousandths)
        var fraction = String(magnitude % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = thousandths < 0 ? "-" : ""
        return sign + String(magnitude / 1000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// `part` as a percentage of `total`, with at most one decimal (`48.7%`, `50%`).
    public static func percent(_ part: Int, of total: Int) -> String {
        guard total > 0 else { return "0%" }
        return share(Double(part) / Double(total))
    }

    /// A fraction as a percentage, with at most one decimal (`0.625` → `62.5%`).
    public static func share(_ fraction: Double) -> String {
        let tenths = Int64((fraction * 1000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(abs(tenths % 10))%"
    }
}
