extension TOMLDateTime: CustomStringConvertible {
    /// The value in RFC 3339 form, as TOML writes it: `1979-05-27T07:32:00.5-08:00`, `1979-05-27T07:32:00`,
    /// `1979-05-27` or `07:32:00`. The fraction keeps the digits that were written; a zero offset prints as `Z`.
    public var description: String {
        var text = ""
        if let date {
            text += Self.padded(date.year, width: 4) + "-" + Self.padded(date.month, width: 2)
                + "-" + Self.padded(date.day, width: 2)
        }
        if let time {
            if date != nil { text += "T" }
            text += Self.padded(time.hour, width: 2) + ":" + Self.padded(time.minute, width: 2)
                + ":" + Self.padded(time.second, width: 2)
            if time.fractionDigits > 0 {
                text += "." + Self.padded(time.nanosecond, width: 9).prefix(time.fractionDigits)
            }
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                text += (offsetMinutes < 0 ? "-" : "+") + Self.padded(abs(offsetMinutes) / 60, width: 2)
                    + ":" + Self.padded(abs(offsetMinutes) % 60, width: 2)
            }
        }
        return text
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
