/// A finite double's shortest round-trip digits and where its decimal point goes.
struct DecimalDigits {
    var negative: Bool
    /// Significant digits, no leading or trailing zeros ("0" for zero).
    var digits: [Character]
    /// How many digits come before the decimal point (may be negative or beyond `digits.count`).
    var point: Int

    init(_ number: Double) {
        negative = number.sign == .minus
        var text = "\(abs(number))"
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = String(text[..<e])
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(parts[0])
        let fraction = parts.count > 1 ? Array(parts[1]) : []
        var all = whole + fraction
        var point = whole.count + exponent
        while all.count > 1, all.first == "0" {
            all.removeFirst()
            point -= 1
        }
        while all.count > 1, all.last == "0" { all.removeLast() }
        if all == ["0"] { point = 1 }
        digits = all
        self.point = point
    }

    /// Plain decimal notation.
    func plain() -> String {
        var text = negative ? "-" : ""
        if point <= 0 {
            text += "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            text += String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            text += String(digits[..<point]) + "." + String(digits[point...])
        }
        return text
    }

    /// ryu's choice: plain notation for points in -5…21, otherwise `d.ddde±x`; whole numbers end in `.0`.
    func shortest() -> String {
        let sign = negative ? "-" : ""
        if point > 0, point <= 21 {
            if point >= digits.count { return plain() + ".0" }
            return plain()
        }
        if point > -6, point <= 0 { return plain() }
        let mantissa = digits.count == 1 ? String(digits) : String(digits[0]) + "." + String(digits[1...])
        return sign + mantissa + "e" + String(point - 1)
    }
}
