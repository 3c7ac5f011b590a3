/// TOML date-times (RFC 3339 with TOML's relaxations): offset date-time, local date-time, local date,
/// local time. TOML 1.0 requires seconds; a fraction is kept to nanoseconds (extra digits are truncated).
extension TOMLReader {
    /// Whether the cursor is on something shaped like a date (`dddd-`) or a time (`dd:`).
    func looksLikeDateTime() -> Bool {
        guard let first = peek(), TOMLByte.isDigit(first), let second = peek(1), TOMLByte.isDigit(second) else {
            return false
        }
        if peek(2) == TOMLByte.colon { return true }
        guard let third = peek(2), TOMLByte.isDigit(third), let fourth = peek(3), TOMLByte.isDigit(fourth) else {
            return false
        }
        return peek(4) == TOMLByte.minus
    }

    /// Reads a date-time in any of its four forms; the cursor is on its first digit.
    mutating func readDateTime() throws(TOMLSyntaxError) -> TOMLDateTime {
        if peek(2) == TOMLByte.colon {
            return TOMLDateTime(date: nil, time: try readTime(), offsetMinutes: nil)
        }
        let date = try readDate()
        let separator = peek()
        let timeFollows = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == TOMLByte.space && peek(1).map(TOMLByte.isDigit) == true)
        guard timeFollows else {
            return TOMLDateTime(date: date, time: nil, offsetMinutes: nil)
        }
        offset += 1
        let time = try readTime()
        return TOMLDateTime(date: date, time: time, offsetMinutes: try readUTCOffset())
    }

    private mutating func readDate() throws(TOMLSyntaxError) -> TOMLDateTime.Date {
        let year = try readFixedDigits(4, naming: "year")
        try expect(TOMLByte.minus, "`-` after the year")
        let monthOffset = offset
        let month = try readFixedDigits(2, naming: "month")
        try expect(TOMLByte.minus, "`-` after the month")
        let dayOffset = offset
        let day = try readFixedDigits(2, naming: "day")
        guard (1...12).contains(month) else {
            throw error("month \(month) is out of range (01-12)", at: monthOffset)
        }
        let dayCount = Self.daysIn(month: month, year: year)
        guard (1...dayCount).contains(day) else {
            throw error("day \(day) is out of range for \(year)-\(Self.twoDigits(month)) (01-\(dayCount))", at: dayOffset)
        }
        return TOMLDateTime.Date(year: year, month: month, day: day)
    }

    private mutating func readTime() throws(TOMLSyntaxError) -> TOMLDateTime.Time {
        let hourOffset = offset
        let hour = try readFixedDigits(2, naming: "hour")
        try expect(TOMLByte.colon, "`:` after the hour")
        let minuteOffset = offset
        let minute = try readFixedDigits(2, naming: "minute")
        try expect(TOMLByte.colon, "`:` and seconds after the minute (TOML 1.0 requires seconds)")
        let secondOffset = offset
        let second = try readFixedDigits(2, naming: "second")
        guard hour <= 23 else { throw error("hour \(hour) is out of range (00-23)", at: hourOffset) }
        guard minute <= 59 else { throw error("minute \(minute) is out of range (00-59)", at: minuteOffset) }
        guard second <= 60 else { throw error("second \(second) is out of range (00-60)", at: secondOffset) }

        var nanosecond = 0
        var fractionDigits = 0
        if peek() == TOMLByte.dot {
            offset += 1
            guard let first = peek(), TOMLByte.isDigit(first) else {
                throw unexpected("a digit after the decimal point of the seconds")
            }
            while let byte = peek(), TOMLByte.isDigit(byte) {
                if fractionDigits < 9 {
                    nanosecond = nanosecond * 10 + Int(byte - TOMLByte.zero)
                    fractionDigits += 1
                }
                offset += 1
            }
            for _ in fractionDigits..<9 { nanosecond *= 10 }
        }
        return TOMLDateTime.Time(
            hour: hour, minute: minute, second: second, nanosecond: nanosecond, fractionDigits: fractionDigits
        )
    }

    /// Reads `Z`, `z` or `±HH:MM` if present, as minutes east of UTC.
    private mutating func readUTCOffset() throws(TOMLSyntaxError) -> Int? {
        switch peek() {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            offset += 1
            return 0
        case TOMLByte.plus, TOMLByte.minus:
            let sign = peek() == TOMLByte.minus ? -1 : 1
            offset += 1
            let hourOffset = offset
            let hours = try readFixedDigits(2, naming: "offset hour")
            try expect(TOMLByte.colon, "`:` in the UTC offset")
            let minuteOffset = offset
            let minutes = try readFixedDigits(2, naming: "offset minute")
            guard hours <= 23 else { throw error("offset hour \(hours) is out of range (00-23)", at: hourOffset) }
            guard minutes <= 59 else { throw error("offset minute \(minutes) is out of range (00-59)", at: minuteOffset) }
            return sign * (hours * 60 + minutes)
        default:
            return nil
        }
    }

    /// Reads exactly `count` decimal digits.
    private mutating func readFixedDigits(_ count: Int, naming field: String) throws(TOMLSyntaxError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard let byte = peek(), TOMLByte.isDigit(byte) else {
                throw unexpected("a \(count)-digit \(field)")
            }
            value = value * 10 + Int(byte - TOMLByte.zero)
            offset += 1
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
