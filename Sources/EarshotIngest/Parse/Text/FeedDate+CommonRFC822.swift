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
        if let date = fixedRFC822(bytes: bytes) { return date }
        return fieldsRFC822(bytes: bytes)
    }

    /// The usual dates of all, `Mon, 01 May 2024 10:00:00 +0000` (31 bytes) and
    /// `Mon, 01 May 2024 10:00:00 GMT` (29 bytes, a three-letter zone): a two-digit day and
    /// seconds, read at their fixed places with no cursor; nil for any other bytes, which
    /// ``fieldsRFC822(bytes:)`` reads. Where it answers, it answers as that does.
    static func fixedRFC822(bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        guard bytes.count == 31 || bytes.count == 29, let p = bytes.baseAddress else { return nil }
        guard p[3] == UInt8(ascii: ","), p[4] == space, p[7] == space, p[11] == space, p[16] == space,
              p[19] == UInt8(ascii: ":"), p[22] == UInt8(ascii: ":"), p[25] == space else { return nil }
        func digit(_ index: Int) -> Int { fixedDigit(p[index]) }
        guard max(digit(5), digit(6), digit(12), digit(13), digit(14), digit(15), digit(17), digit(18)) <= 9,
              max(digit(20), digit(21), digit(23), digit(24)) <= 9 else { return nil }
        let offset: Int
        if bytes.count == 31 {
            guard p[26] == UInt8(ascii: "+") || p[26] == UInt8(ascii: "-"), max(digit(27), digit(28), digit(29), digit(30)) <= 9 else { return nil }
            offset = (p[26] == UInt8(ascii: "-") ? -60 : 60) * ((digit(27) * 10 + digit(28)) * 60 + digit(29) * 10 + digit(30))
        } else {
            // Packed upper-cased as the field reader packs a zone's letters.
            var name = 0
            for index in 26..<29 {
                guard ByteCursor.isLetter(p[index]) else { return nil }
                name = name << 8 | Int(p[index] & 0xDF)
            }
            guard let named = namedZones.first(where: { $0.name == name }) else { return nil }
            offset = named.offset
        }
        // Three letters lower-cased and packed as the field reader packs them: a byte that is no
        // letter packs to no name's byte.
        func packed(_ index: Int) -> Int { Int(p[index] | 0x20) << 16 | Int(p[index + 1] | 0x20) << 8 | Int(p[index + 2] | 0x20) }
        guard dayNames.contains(packed(0)), let monthIndex = englishMonths.firstIndex(of: packed(8)) else { return nil }
        let month = monthIndex + 1
        let day = digit(5) * 10 + digit(6)
        let year = digit(12) * 1000 + digit(13) * 100 + digit(14) * 10 + digit(15)
        return .some(make(year: year, month: month, day: day == 0 ? 1 : day, hour: digit(17) * 10 + digit(18),
                          minute: digit(20) * 10 + digit(21), second: Double(digit(23) * 10 + digit(24)), offset: offset))
    }

    /// ``commonRFC822(bytes:)`` read field by field.
    static func fieldsRFC822(bytes: UnsafeBufferPointer<UInt8>) -> Date?? {
        var s = ByteCursor(bytes: bytes)
        guard let dayName = s.letters(3), dayNames.contains(dayName), s.take(UInt8(ascii: ",")), s.take(space),
              let day = s.number(minDigits: 1, maxDigits: 2), s.take(space),
              let monthName = s.letters(3), let monthIndex = englishMonths.firstIndex(of: monthName), s.take(space),
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

    /// Day and month names packed lower-case into an `Int` (three ASCII letters), months in
    /// order. Arrays searched in order: a dozen compares cost less than hashing once.
    private static let dayNames: [Int] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map(ByteCursor.pack)
    private static let englishMonths: [Int] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map(ByteCursor.pack)

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

        static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func isLetter(_ byte: UInt8) -> Bool { ByteCursor.isLetter(byte) }

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
