/// Parses `YYYY-MM-DD HH:MM:SS[.fffffff]` (UTC) into whole seconds since 1970-01-01 and a fraction.
///
/// Days from the civil date use H. Hinnant's `days_from_civil` algorithm
/// ("chrono-Compatible Low-Level Date Algorithms", howardhinnant.github.io/date_algorithms.html).
/// Kept in integers so that 7-digit fractions survive exactly.
public enum CivilTimestamp {
    /// `(seconds since the Unix epoch, fraction in [0, 1))`, or nil if `text` is not a valid timestamp.
    public static func parse(_ text: String) -> (seconds: Int64, fraction: Double)? {
        let b = Array(text.utf8)
        guard b.count >= 19, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x20 || b[10] == 0x54,
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func digits(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              let hh = digits(11..<13), let mm = digits(14..<16), let ss = digits(17..<19),
              (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m),
              hh < 24, mm < 60, ss < 61 else { return nil }
        var fraction = 0.0
        if b.count > 19 {
            guard b[19] == 0x2E, b.count > 20, b.count <= 29, let f = digits(20..<b.count) else { return nil }
            var scale = 1.0
            for _ in 20..<b.count { scale *= 10 }
            fraction = Double(f) / scale
        }
        let days = daysFromCivil(year: y, month: m, day: d)
        return (Int64(days) * 86_400 + Int64(hh * 3600 + mm * 60 + ss), fraction)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
