/// A TOML date-time in one of its four forms: offset date-time, local date-time, local date or local time.
public struct TOMLDateTime: Sendable, Hashable {
    /// A calendar date.
    public struct Date: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    /// A wall-clock time; `nanosecond` keeps the fraction's precision up to nine digits.
    public struct Time: Sendable, Hashable {
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanosecond: Int
        /// Digits written after the decimal point (0 when none), so the value prints back as written.
        public var fractionDigits: Int
        public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0, fractionDigits: Int = 0) {
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
            self.fractionDigits = fractionDigits
        }
    }

    public var date: Date?
    public var time: Time?
    /// Offset from UTC in minutes; `nil` for local forms. `Z` is 0.
    public var offsetMinutes: Int?

    public init(date: Date?, time: Time?, offsetMinutes: Int?) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}
