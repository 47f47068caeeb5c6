/// A quick "no" before a table lookup: the first and last bytes of the table's keys. A text
/// whose first or last byte is ASCII and begins (ends) no key is surely not a key, nor is one
/// whose first and last bytes, both ASCII, are no key's pair of them; a byte of
/// 128 or more is never ruled out. Every byte is let through when some key holds a character
/// canonically equivalent to ASCII (K, ;, `), which a byte comparison would not see.
struct EdgeByteFilter: Sendable {
    private var first: (UInt64, UInt64) = (0, 0)
    private var last: (UInt64, UInt64) = (0, 0)
    /// A bit per (first, last) pair of ASCII bytes that some key begins and ends with: bit
    /// `last & 63` of word `first * 2 + last >> 6`.
    private var pairs = [UInt64](repeating: 0, count: 256)

    init<Keys: Sequence>(_ keys: Keys) where Keys.Element == String {
        let keys = Array(keys)
        let asciiLike = keys.contains { key in key.unicodeScalars.contains { [0x212A, 0x037E, 0x1FEF].contains($0.value) } }
        guard !asciiLike, !keys.contains(where: \.isEmpty) else {
            first = (.max, .max)
            last = (.max, .max)
            pairs = [UInt64](repeating: .max, count: 256)
            return
        }
        for key in keys {
            EdgeByteFilter.insert(key.utf8.first!, into: &first)
            EdgeByteFilter.insert(key.utf8.last!, into: &last)
            let (head, tail) = (key.utf8.first!, key.utf8.last!)
            if head < 128, tail < 128 { pairs[Int(head) * 2 + Int(tail >> 6)] |= 1 << UInt64(tail & 63) }
        }
    }

    private static func insert(_ byte: UInt8, into set: inout (UInt64, UInt64)) {
        if byte < 64 { set.0 |= 1 << UInt64(byte) } else if byte < 128 { set.1 |= 1 << UInt64(byte - 64) }
    }

    private static func contains(_ byte: UInt8, _ set: (UInt64, UInt64)) -> Bool {
        guard byte < 128 else { return true }
        return (byte < 64 ? set.0 : set.1) >> UInt64(byte & 63) & 1 != 0
    }

    /// False when a text that begins with `firstByte` is surely no key.
    func mayBegin(_ firstByte: UInt8) -> Bool {
        EdgeByteFilter.contains(firstByte, first)
    }

    /// False when a text that begins with `firstByte` and ends with `lastByte` is surely no key.
    func mayBeKey(first firstByte: UInt8, last lastByte: UInt8) -> Bool {
        guard EdgeByteFilter.contains(firstByte, first) && EdgeByteFilter.contains(lastByte, last) else { return false }
        guard firstByte < 128, lastByte < 128 else { return true }
        return pairs[Int(firstByte) * 2 + Int(lastByte >> 6)] >> UInt64(lastByte & 63) & 1 != 0
    }
}
