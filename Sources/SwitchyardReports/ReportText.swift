import Foundation

/// Text pieces the renderers share, so that a check or a duration reads the same everywhere.
enum ReportText {
    /// `name: expected X, observed Y`.
    static func check(_ check: ExpectationCheck) -> String {
        "\(check.name): expected \(check.expected), observed \(check.observed)"
    }

    /// Seconds with millisecond precision (`0.412`), independent of the locale; negative and
    /// non-finite values read as `0.000`.
    static func seconds(_ value: Double) -> String {
        let clamped = value.isFinite ? min(max(value, 0), 1e12) : 0
        let millis = Int64((clamped * 1000).rounded())
        return "\(millis / 1000).\(padded(Int(millis % 1000), width: 3))"
    }

    /// The UTC date and time to the second, ISO 8601 without a zone designator
    /// (`2026-06-01T09:30:00`), the form the common JUnit schemas accept.
    static func timestamp(_ date: Date) -> String {
        let raw = date.timeIntervalSince1970
        let whole = raw.isFinite ? min(max(raw.rounded(.down), -6e10), 2.5e11) : 0
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), so no formatter or
        // C time API is involved and the result is the same on every platform.
        let seconds = Int64(whole)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        let date = "\(padded(year, width: 4))-\(padded(month, width: 2))-\(padded(day, width: 2))"
        let hour = secondOfDay / 3600, minute = secondOfDay / 60 % 60, second = secondOfDay % 60
        return "\(date)T\(padded(hour, width: 2)):\(padded(minute, width: 2)):\(padded(second, width: 2))"
    }

    /// `1 request`, `2 requests`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(value) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// Splits text into lines, accepting `\n`, `\r\n` and `\r`.
    static func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(abs(value))
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
