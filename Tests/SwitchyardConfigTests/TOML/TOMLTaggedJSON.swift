import SwitchyardConfig

/// Compares a parsed TOML value with toml-test's tagged JSON (`{"type": ..., "value": ...}` for every
/// scalar), the way toml-test does: floats numerically (nan equals nan), date-times by value.
enum TOMLTaggedJSON {
    /// A description of the first difference between `expected` (from JSONSerialization) and `actual`,
    /// or `nil` when they are equal.
    static func difference(expected: Any, actual: TOMLKind, path: String = "") -> String? {
        let here = path.isEmpty ? "<root>" : path
        if let array = expected as? [Any] {
            guard case .array(let elements) = actual else { return "\(here): expected array, got \(actual.typeName)" }
            guard array.count == elements.count else {
                return "\(here): expected \(array.count) elements, got \(elements.count)"
            }
            for (index, element) in array.enumerated() {
                if let difference = difference(expected: element, actual: elements[index].kind, path: "\(path)[\(index)]") {
                    return difference
                }
            }
            return nil
        }
        guard let object = expected as? [String: Any] else { return "\(here): unexpected JSON \(expected)" }
        if object.count == 2, let type = object["type"] as? String, let value = object["value"] as? String {
            return scalarDifference(type: type, value: value, actual: actual, path: here)
        }
        guard case .table(let table) = actual else { return "\(here): expected table, got \(actual.typeName)" }
        guard Set(object.keys) == Set(table.keys) else {
            return "\(here): expected keys \(object.keys.sorted()), got \(table.keys.sorted())"
        }
        for (key, value) in object {
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            if let difference = difference(expected: value, actual: table[key]!.kind, path: childPath) {
                return difference
            }
        }
        return nil
    }

    private static func scalarDifference(type: String, value: String, actual: TOMLKind, path: String) -> String? {
        let mismatch = "\(path): expected \(type) \(value.debugDescription), got \(actual)"
        switch (type, actual) {
        case ("string", .string(let string)):
            return Array(string.unicodeScalars) == Array(value.unicodeScalars) ? nil : mismatch
        case ("integer", .integer(let integer)):
            return Int64(value) == integer ? nil : mismatch
        case ("float", .float(let float)):
            guard let expected = parseFloat(value) else { return "\(path): unreadable expected float \(value)" }
            return expected == float || (expected.isNaN && float.isNaN) ? nil : mismatch
        case ("bool", .boolean(let boolean)):
            return value == String(boolean) ? nil : mismatch
        case ("datetime", .dateTime(let dateTime)),
             ("datetime-local", .dateTime(let dateTime)),
             ("date-local", .dateTime(let dateTime)),
             ("time-local", .dateTime(let dateTime)):
            guard let expected = NormalizedDateTime(rfc3339: value) else {
                return "\(path): unreadable expected date-time \(value)"
            }
            let actualForm = NormalizedDateTime.form(of: dateTime)
            return actualForm == type && expected == NormalizedDateTime(dateTime) ? nil : mismatch
        default:
            return mismatch
        }
    }

    private static func parseFloat(_ text: String) -> Double? {
        let unsigned = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        let sign: Double = text.hasPrefix("-") ? -1 : 1
        switch unsigned {
        case "nan": return .nan
        case "inf": return sign * .infinity
        default: return Double(text)
        }
    }
}

/// A date-time reduced to what toml-test compares: the instant for offset date-times, the fields otherwise.
struct NormalizedDateTime: Equatable {
    var date: [Int]?
    var time: [Int]?
    var offsetMinutes: Int?

    /// toml-test's type name for the form of `dateTime`.
    static func form(of dateTime: TOMLDateTime) -> String {
        switch (dateTime.date != nil, dateTime.time != nil, dateTime.offsetMinutes != nil) {
        case (true, true, true): "datetime"
        case (true, true, false): "datetime-local"
        case (true, false, _): "date-local"
        default: "time-local"
        }
    }

    init(_ dateTime: TOMLDateTime) {
        self.init(
            date: dateTime.date.map { [$0.year, $0.month, $0.day] },
            time: dateTime.time.map { [$0.hour, $0.minute, $0.second, $0.nanosecond] },
            offsetMinutes: dateTime.offsetMinutes
        )
    }

    /// Reads `YYYY-MM-DD`, `HH:MM:SS[.f]`, or both joined by `T`/`t`/space with an optional `Z` or `±HH:MM`.
    init?(rfc3339 text: String) {
        var rest = Substring(text)
        var date: [Int]?
        var time: [Int]?
        var offset: Int?
        if rest.count >= 10, rest.dropFirst(4).first == "-" {
            guard let year = Int(rest.prefix(4)), let month = Int(rest.dropFirst(5).prefix(2)),
                  let day = Int(rest.dropFirst(8).prefix(2)) else { return nil }
            date = [year, month, day]
            rest = rest.dropFirst(10)
            if let separator = rest.first, "Tt ".contains(separator) { rest = rest.dropFirst() }
        }
        if rest.count >= 8 {
            guard let hour = Int(rest.prefix(2)), let minute = Int(rest.dropFirst(3).prefix(2)),
                  let second = Int(rest.dropFirst(6).prefix(2)) else { return nil }
            rest = rest.dropFirst(8)
            var nanosecond = 0
            if rest.first == "." {
                let digits = rest.dropFirst().prefix(while: \.isNumber)
                rest = rest.dropFirst(1 + digits.count)
                let nine = String(digits.prefix(9)) + String(repeating: "0", count: max(0, 9 - digits.count))
                nanosecond = Int(nine) ?? 0
            }
            time = [hour, minute, second, nanosecond]
            if rest == "Z" || rest == "z" {
                offset = 0
                rest = ""
            } else if let sign = rest.first, sign == "+" || sign == "-", rest.count == 6,
                      let hours = Int(rest.dropFirst().prefix(2)), let minutes = Int(rest.suffix(2)) {
                offset = (sign == "-" ? -1 : 1) * (hours * 60 + minutes)
                rest = ""
            }
        }
        guard rest.isEmpty else { return nil }
        self.init(date: date, time: time, offsetMinutes: offset)
    }

    private init(date: [Int]?, time: [Int]?, offsetMinutes: Int?) {
        guard let offsetMinutes, let date, let time else {
            (self.date, self.time, self.offsetMinutes) = (date, time, offsetMinutes)
            return
        }
        // An offset date-time is compared as an instant: shift to UTC.
        let minutes = Self.daysSinceEpoch(year: date[0], month: date[1], day: date[2]) * 1440
            + time[0] * 60 + time[1] - offsetMinutes
        let (day, minuteOfDay) = minutes.quotientAndRemainder(dividingBy: 1440)
        self.date = [minuteOfDay < 0 ? day - 1 : day]
        self.time = [minuteOfDay < 0 ? minuteOfDay + 1440 : minuteOfDay, time[2], time[3]]
        self.offsetMinutes = 0
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
