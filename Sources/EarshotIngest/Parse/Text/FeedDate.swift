import EarshotCore
import Foundation

/// Reads the dates feeds are written with: RFC 822/1123 and their common variants (named and
/// numeric zones, missing seconds, two-digit years, wrong or missing day names, Malay and
/// Chinese month names), and RFC 3339 / ISO 8601 / W3CDTF (date only, minutes only,
/// fractions, `Z` or offsets, a space instead of `T`). Returns nil rather than guessing.
public enum FeedDate {
    /// The instant `text` names, or nil when it cannot be read.
    public static func parse(_ text: String) -> Date? {
        var trimmed = FeedWhitespace.trimmed(text)
        return trimmed.withUTF8 { parse(trimmedBytes: $0) }
    }

    /// ``parse(_:)`` of valid UTF-8 `bytes` that have no white space at either edge (as
    /// ``FeedWhitespace/trimmed(_:)`` or ``FeedWhitespace/trimmedRange(_:)`` leaves them): ISO 8601
    /// and the common RFC 822 shape are read on the bytes, other shapes from a `String` of them.
    static func parse(trimmedBytes bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard !bytes.isEmpty, bytes.count < 80 else { return nil }
        if (0x30...0x39).contains(bytes[0]), let date = iso8601(bytes: bytes) { return date }
        if let common = commonRFC822(bytes: bytes) { return common }
        return rfc822(String(decoding: bytes, as: UTF8.self))
    }

    // MARK: ISO 8601

    private static func iso8601(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        if let date = fixedISO8601(bytes: bytes) { return date }
        return scannedISO8601(bytes: bytes)
    }

    /// The usual dates of Atom and JSON Feed, `2024-05-01T10:00:00Z` (20 bytes; `t` or a space
    /// for the `T`, `z` for the `Z`) and `2024-05-01T10:00:00+05:30` (25 bytes), read at their
    /// fixed places with no cursor; nil for any other bytes, which ``scannedISO8601(bytes:)``
    /// reads. Where it answers, it answers as that does (`.some(nil)`: no real instant).
    static func fixedISO8601(bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        guard bytes.count == 20 || bytes.count == 25, let p = bytes.baseAddress else { return nil }
        guard p[4] == UInt8(ascii: "-"), p[7] == UInt8(ascii: "-"), p[13] == UInt8(ascii: ":"), p[16] == UInt8(ascii: ":"),
              p[10] == UInt8(ascii: "T") || p[10] == UInt8(ascii: "t") || p[10] == UInt8(ascii: " ") else { return nil }
        func digit(_ index: Int) -> Int { fixedDigit(p[index]) }
        guard max(digit(0), digit(1), digit(2), digit(3), digit(5), digit(6), digit(8), digit(9)) <= 9,
              max(digit(11), digit(12), digit(14), digit(15), digit(17), digit(18)) <= 9 else { return nil }
        let offset: Int
        if bytes.count == 20 {
            guard p[19] == UInt8(ascii: "Z") || p[19] == UInt8(ascii: "z") else { return nil }
            offset = 0
        } else {
            guard p[19] == UInt8(ascii: "+") || p[19] == UInt8(ascii: "-"), p[22] == UInt8(ascii: ":"),
                  max(digit(20), digit(21), digit(23), digit(24)) <= 9 else { return nil }
            offset = (p[19] == UInt8(ascii: "-") ? -1 : 1) * ((digit(20) * 10 + digit(21)) * 3600 + (digit(23) * 10 + digit(24)) * 60)
        }
        return .some(make(year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), month: digit(5) * 10 + digit(6),
                          day: digit(8) * 10 + digit(9), hour: digit(11) * 10 + digit(12), minute: digit(14) * 10 + digit(15),
                          second: Double(digit(17) * 10 + digit(18)), offset: offset))
    }

    /// A digit's value for the fixed-place readers; a byte that is no digit gives 10 or more
    /// (wrapping below "0"), so the largest of several is at most 9 exactly when all are digits.
    @inline(__always)
    static func fixedDigit(_ byte: UInt8) -> Int { Int(byte &- 0x30) }

    /// ISO 8601 field by field: every shape ``FeedDate`` reads.
    static func scannedISO8601(bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var s = Scanner(bytes)
        guard let year = s.digits(4) else { return nil }
        var month = 1, day = 1
        if s.take("-") {
            guard let m = s.digits(2) else { return nil }
            month = m
            if s.take("-") { guard let d = s.digits(2) else { return nil }; day = d }
        } else if let m = s.digits(2) { // basic format 20240501
            month = m
            guard let d = s.digits(2) else { return nil }
            day = d
        }
        var hour = 0, minute = 0, second = 0.0, offset = 0
        if s.take("T") || s.take("t") || s.take(" ") {
            guard let h = s.digits(2) else { return nil }
            hour = h
            _ = s.take(":")
            guard let mi = s.digits(2) else { return nil }
            minute = mi
            if s.take(":") || s.peekDigit {
                guard let sec = s.digits(2) else { return nil }
                second = Double(sec)
                if s.take(".") || s.take(",") {
                    var scale = 0.1
                    while let d = s.digit() { second += Double(d) * scale; scale /= 10 }
                }
            }
            s.skipSpaces()
            if s.take("Z") || s.take("z") {
                offset = 0
            } else if let sign = s.sign() {
                guard let oh = s.digits(2) else { return nil }
                _ = s.take(":")
                let om = s.digits(2) ?? 0
                offset = sign * (oh * 3600 + om * 60)
            } else if let zone = s.word() {
                guard let zoneOffset = zoneOffsets[zone.uppercased()] else { return nil }
                offset = zoneOffset
            }
        }
        s.skipSpaces()
        guard s.atEnd else { return nil }
        return make(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    // MARK: RFC 822

    static func rfc822(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        // Drop a day name (right or wrong), in any language we know.
        if let first = words.first, Int(first) == nil, monthNumber(first) == nil { words.removeFirst() }
        guard words.count >= 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        if let d = Int(words[0]), let m = monthNumber(words[1]) { day = d; month = m }
        else if let m = monthNumber(words[0]), let d = Int(words[1]) { month = m; day = d } // "May 1 2024"
        guard var d = day, let m = month, let y0 = Int(words[2].trimmingCharacters(in: CharacterSet(charactersIn: ".")))
        else { return nil }
        var y = y0
        if words[2].count <= 2 { y += y < 50 ? 2000 : 1900 }
        year = y
        var hour = 0, minute = 0, second = 0.0, offset = 0
        var index = 3
        if index < words.count, words[index].contains(":") {
            let parts = words[index].split(separator: ":").map { Int($0) }
            guard parts.count >= 2, let h = parts[0], let mi = parts[1], parts.count < 4 else { return nil }
            hour = h
            minute = mi
            if parts.count == 3 { guard let sec = parts[2] else { return nil }; second = Double(sec) }
            index += 1
        }
        if index < words.count {
            let zone = words[index]
            if let first = zone.first, first == "+" || first == "-" {
                let digits = zone.dropFirst().replacingOccurrences(of: ":", with: "")
                guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
                let minutes = digits.count == 4 ? (value / 100) * 60 + value % 100 : value * 60
                offset = (first == "-" ? -1 : 1) * minutes * 60
            } else if let named = zoneOffsets[zone.uppercased()] {
                offset = named
            } else if zone.uppercased().hasPrefix("GMT") || zone.uppercased().hasPrefix("UTC") {
                let rest = String(zone.dropFirst(3))
                if !rest.isEmpty {
                    guard let sign = rest.first, sign == "+" || sign == "-", let h = Int(rest.dropFirst().prefix(2)) else { return nil }
                    offset = (sign == "-" ? -1 : 1) * h * 3600
                }
            } else {
                return nil
            }
        }
        if d == 0 { d = 1 }
        return make(year: year!, month: m, day: d, hour: hour, minute: minute, second: second, offset: offset)
    }

    static func make(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), day <= Day.daysIn(month: month, year: year),
              (0...24).contains(hour), (0...59).contains(minute), second < 61, (1000...9999).contains(year) else { return nil }
        let days = Day(year: year, month: month, day: day).ordinal
        let seconds = Double(days) * 86_400 + Double(hour * 3600 + minute * 60) + second - Double(offset)
        return Date(timeIntervalSince1970: seconds)
    }

    static func monthNumber(_ word: String) -> Int? {
        let lower = word.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        if let n = months[lower] { return n }
        if lower.count > 3, let n = months[String(lower.prefix(3))] { return n }
        return nil
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        // Malay
        "januari": 1, "februari": 2, "mac": 3, "april": 4, "mei": 5, "jun.": 6, "julai": 7, "ogos": 8, "september": 9,
        "oktober": 10, "november": 11, "disember": 12, "okt": 10, "ogo": 8, "dis": 12,
        // Chinese
        "一月": 1, "二月": 2, "三月": 3, "四月": 4, "五月": 5, "六月": 6, "七月": 7, "八月": 8, "九月": 9, "十月": 10, "十一月": 11, "十二月": 12,
        "1月": 1, "2月": 2, "3月": 3, "4月": 4, "5月": 5, "6月": 6, "7月": 7, "8月": 8, "9月": 9, "10月": 10, "11月": 11, "12月": 12,
    ]

    static let zoneOffsets: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "Z.": 0,
        "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
        "BST": 3600, "CET": 3600, "CEST": 2 * 3600, "EET": 2 * 3600, "JST": 9 * 3600,
        "MYT": 8 * 3600, "SGT": 8 * 3600, "HKT": 8 * 3600, "AEST": 10 * 3600, "IST": 5 * 3600 + 1800,
    ].merging(militaryZones) { named, _ in named }

    /// Military zones as the military uses them (A = UTC+1 … M = UTC+12, N = UTC-1 … Y = UTC-12,
    /// no J); RFC 822 printed these signs reversed, which RFC 1123 §5.2.14 records as an error.
    private static let militaryZones: [String: Int] = {
        var zones: [String: Int] = [:]
        for (index, letter) in "ABCDEFGHIKLM".enumerated() { zones[String(letter)] = (index + 1) * 3600 }
        for (index, letter) in "NOPQRSTUVWXY".enumerated() { zones[String(letter)] = -(index + 1) * 3600 }
        return zones
    }()

    /// A tiny cursor over ASCII bytes.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var peekDigit: Bool { index < bytes.count && (48...57).contains(bytes[index]) }

        /// Takes `c` (ASCII) when it comes next.
        mutating func take(_ c: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: c) else { return false }
            index += 1
            return true
        }
        mutating func digit() -> Int? {
            guard peekDigit else { return nil }
            defer { index += 1 }
            return Int(bytes[index] - 48)
        }
        mutating func digits(_ n: Int) -> Int? {
            guard index + n <= bytes.count else { return nil }
            var value = 0
            for i in index..<(index + n) {
                guard (48...57).contains(bytes[i]) else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            index += n
            return value
        }
        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            return nil
        }
        mutating func skipSpaces() { while index < bytes.count, bytes[index] == 32 { index += 1 } }
        mutating func word() -> String? {
            let start = index
            while index < bytes.count, (65...90).contains(bytes[index]) || (97...122).contains(bytes[index]) { index += 1 }
            return index > start ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self) : nil
        }
    }
}
