import Foundation

extension FeedDate {
    /// Reads the RFC 822 shape nearly every RSS feed writes, `Mon, 01 May 2024 10:00[:00] ZONE`
    /// (an English day name, a comma, one space between fields, a four-digit year, a numeric
    /// `±hhmm` or named zone, or none), straight from bytes, giving what ``rfc822(_:)`` gives.
    ///
    /// - Returns: nil when `text` has another shape (``rfc822(_:)`` reads it then);
    ///   `.some(nil)` when it has this shape but names no real instant.
    static func commonRFC822(_ text: String) -> Date?? {
        var text = text
        return text.withUTF8 { commonRFC822(bytes: $0) }
    }

    /// ``commonRFC822(_:)`` of UTF-8 `bytes`.
    static func commonRFC822(bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        if let date = fixedRFC822(bytes) { return date }
        var s = ByteCursor(bytes: bytes)
        guard let dayName = s.letters(3), isDayName(dayName), s.take(UInt8(ascii: ",")), s.take(space),
              let day = s.number(minDigits: 1, maxDigits: 2), s.take(space),
              let monthName = s.letters(3), let monthIndex = monthIndex(monthName), s.take(space),
              let year = s.number(minDigits: 4, maxDigits: 4), s.take(space),
              let hour = s.number(minDigits: 2, maxDigits: 2), s.take(UInt8(ascii: ":")),
              let minute = s.number(minDigits: 2, maxDigits: 2)
        else { return nil }
        var second = 0
        if s.take(UInt8(ascii: ":")) {
            guard let sec = s.number(minDigits: 2, maxDigits: 2) else { return nil }
            second = sec
        }
        var offset = 0
        if !s.atEnd {
            guard s.take(space) else { return nil }
            if s.take(UInt8(ascii: "+")) || s.take(UInt8(ascii: "-")) {
                let sign = bytes[s.index - 1] == UInt8(ascii: "-") ? -1 : 1
                guard let value = s.number(minDigits: 4, maxDigits: 4) else { return nil }
                offset = sign * ((value / 100) * 60 + value % 100) * 60
            } else {
                // A named zone: its letters upper-cased and packed, looked up in ``namedZones``
                // (every name ``FeedDate/zoneOffsets`` knows is at most four letters).
                var name = 0, length = 0
                while !s.atEnd, s.isLetter(bytes[s.index]) {
                    name = name << 8 | Int(bytes[s.index] & 0xDF)
                    length += 1
                    s.index += 1
                }
                guard length > 0, length <= 4, let named = namedZones.first(where: { $0.name == name }) else { return nil }
                offset = named.offset
            }
            guard s.atEnd else { return nil }
        }
        return .some(make(year: year, month: monthIndex + 1, day: day == 0 ? 1 : day, hour: hour, minute: minute,
                          second: Double(second), offset: offset))
    }

    /// ``commonRFC822(bytes:)`` for its usual layout, a two-digit day (`Mon, 01 May 2024 10:00`),
    /// read at fixed places rather than field by field (the many shapes of the end made the
    /// cursor's loops mispredict). Nil for any other layout (the cursor reads it); otherwise the
    /// cursor's answer, from the same fields.
    private static func fixedRFC822(_ bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        let count = bytes.count
        guard count >= 22, let p = bytes.baseAddress,
              p[3] == 0x2C, p[4] == space, p[7] == space, p[11] == space, p[16] == space, p[19] == 0x3A else { return nil }
        /// Three ASCII letters at `i`, lower-cased and packed (as ``ByteCursor/pack(_:)``), or -1.
        func letters(_ i: Int) -> Int {
            var packed = 0
            for offset in 0..<3 {
                let byte = p[i &+ offset]
                guard (byte | 0x20) &- 0x61 < 26 else { return -1 }
                packed = packed &<< 8 | Int(byte | 0x20)
            }
            return packed
        }
        /// The two ASCII digits at `i` as a number, or -1.
        func two(_ i: Int) -> Int {
            let high = p[i] &- 0x30, low = p[i &+ 1] &- 0x30
            return high < 10 && low < 10 ? Int(high) &* 10 &+ Int(low) : -1
        }
        let day = two(5), century = two(12), year = two(14), hour = two(17), minute = two(20)
        guard isDayName(letters(0)), let monthIndex = monthIndex(letters(8)),
              day | century | year | hour | minute >= 0 else { return nil }
        var index = 22, second = 0
        if index < count, p[index] == 0x3A {
            guard count >= 25 else { return nil }
            second = two(23)
            guard second >= 0 else { return nil }
            index = 25
        }
        var offset = 0
        if index < count {
            guard p[index] == space, index &+ 1 < count else { return nil }
            index &+= 1
            let sign = p[index]
            if sign == 0x2B || sign == 0x2D {
                guard count == index &+ 5 else { return nil }
                let high = two(index &+ 1), low = two(index &+ 3)
                guard high | low >= 0 else { return nil }
                offset = (sign == 0x2D ? -1 : 1) * ((high &* 100 &+ low) / 100 * 60 + (high &* 100 &+ low) % 100) * 60
            } else {
                // A named zone of one to four letters, packed upper-case as the cursor packs it.
                guard count &- index <= 4 else { return nil }
                var name = 0
                while index < count {
                    let byte = p[index]
                    guard (byte | 0x20) &- 0x61 < 26 else { return nil }
                    name = name &<< 8 | Int(byte & 0xDF)
                    index &+= 1
                }
                guard let named = namedZones.first(where: { $0.name == name }) else { return nil }
                offset = named.offset
            }
        }
        return .some(make(year: century &* 100 &+ year, month: monthIndex + 1, day: day == 0 ? 1 : day, hour: hour, minute: minute,
                          second: Double(second), offset: offset))
    }

    /// Whether `packed` is an English day name packed lower-case as ``ByteCursor/pack(_:)`` packs
    /// it (three ASCII letters): a switch on constants, with no static array's lazy
    /// initialisation check on every date ("mon" is 0x6D6F6E).
    private static func isDayName(_ packed: Int) -> Bool {
        switch packed {
        case 0x6D6F6E, 0x747565, 0x776564, 0x746875, 0x667269, 0x736174, 0x73756E: return true // mon … sun
        default: return false
        }
    }

    /// The index (0 for January) of the English month name packed as in ``isDayName(_:)``.
    private static func monthIndex(_ packed: Int) -> Int? {
        switch packed {
        case 0x6A616E: return 0 // jan
        case 0x666562: return 1 // feb
        case 0x6D6172: return 2 // mar
        case 0x617072: return 3 // apr
        case 0x6D6179: return 4 // may
        case 0x6A756E: return 5 // jun
        case 0x6A756C: return 6 // jul
        case 0x617567: return 7 // aug
        case 0x736570: return 8 // sep
        case 0x6F6374: return 9 // oct
        case 0x6E6F76: return 10 // nov
        case 0x646563: return 11 // dec
        default: return nil
        }
    }

    /// The named zones of ``FeedDate/zoneOffsets`` made of letters only, packed as ``ByteCursor/pack(_:)`` packs them.
    private static let namedZones: [(name: Int, offset: Int)] = zoneOffsets
        .filter { name, _ in name.utf8.allSatisfy { (0x41...0x5A).contains($0) } }
        .map { (ByteCursor.pack($0.key), $0.value) }
    private static let space = UInt8(ascii: " ")

    /// A cursor over the ASCII bytes of a date.
    private struct ByteCursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        static func pack(_ word: String) -> Int { word.utf8.reduce(0) { $0 << 8 | Int($1) } }

        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Exactly `count` ASCII letters, lower-cased and packed, followed by no further letter.
        mutating func letters(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var packed = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard isLetter(byte) else { return nil }
                packed = packed << 8 | Int(byte | 0x20)
            }
            guard index + count == bytes.count || !isLetter(bytes[index + count]) else { return nil }
            index += count
            return packed
        }

        /// A run of `minDigits` to `maxDigits` ASCII digits followed by no further digit.
        mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while index + digits < bytes.count, digits <= maxDigits, (0x30...0x39).contains(bytes[index + digits]) {
                value = value * 10 + Int(bytes[index + digits] - 0x30)
                digits += 1
            }
            guard digits >= minDigits, digits <= maxDigits else { return nil }
            index += digits
            return value
        }
    }
}
