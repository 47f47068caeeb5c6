/// UTF-8 validation on bytes, for the readers that take a fast path when their input is valid
/// UTF-8 (`earshot parse-feed`'s whole-file check, the scorer's byte path). Valid means what
/// `String(validating:as: UTF8.self)` accepts: the Unicode Standard's table 3-7, shortest forms
/// only, no surrogates, nothing past U+10FFFF, no sequence cut short.
public enum UTF8Validation {
    /// True when `bytes` is valid UTF-8 as a whole (so a `String` decoded from it holds the same bytes).
    public static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        validPrefix(bytes) == bytes.count
    }

    /// The length of the longest prefix of `bytes` made of complete, valid sequences, when the
    /// rest is at most the start of one valid sequence cut short; nil when `bytes` holds an
    /// invalid sequence.
    public static func validPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        // A bit per low nibble of the leads E0–EF that start a three-byte sequence whose second
        // byte may be any continuation byte: all but E0 and ED.
        let commonLeads: UInt64 = 0xDFFE
        // What the sixteen-byte test keeps of each byte, and what it must then be: five three-byte
        // sequences (`1110xxxx 10xxxxxx 10xxxxxx`); the last byte is not tested.
        // (Little-endian words: byte 0 is the low byte.)
        typealias Lanes = SIMD16<UInt8>
        let threeByteMask = SIMD2<UInt64>(0xC0F0_C0C0_F0C0_C0F0, 0x00C0_C0F0_C0C0_F0C0)
        let threeByteShape = unsafeBitCast(SIMD2<UInt64>(0x80E0_8080_E080_80E0, 0x0080_80E0_8080_E080), to: Lanes.self)
        let e0 = Lanes(repeating: 0xE0), ed = Lanes(repeating: 0xED)
        var index = 0
        while index < count {
            // ASCII 32 bytes at a time, then eight.
            while index + 32 <= count {
                let any = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 != 0 { break }
                index += 32
            }
            while index + 8 <= count {
                let high = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080
                // Straight to the first byte from 0x80 up (the bytes before it are ASCII).
                if high != 0 { index &+= high.trailingZeroBitCount >> 3; break }
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 { index += 1; continue }
            // Runs of the common three-byte sequences (CJK text), two per eight-byte load: both
            // leads in E1–EC or EE–EF (`commonLeads` has a bit per low nibble), the other four
            // bytes continuation bytes.
            if lead >= 0xE1 {
                let start = index
                // Five sequences per sixteen-byte load first (SSE2 compares): leads at 0, 3, 6, 9
                // and 12 (E0–EF by their top bits, not E0 or ED; a sixteenth byte E0 or ED, which
                // is not tested, only ends this loop early), continuation bytes between.
                while index &+ 16 <= count {
                    // (The mask applied to two words: `&` on sixteen byte lanes with unequal lanes
                    // compiled to a lane-by-lane sequence.)
                    let words = raw.loadUnaligned(fromByteOffset: index, as: SIMD2<UInt64>.self)
                    let lanes = unsafeBitCast(words, to: Lanes.self)
                    let shaped: SIMDMask<SIMD16<Int8>> = unsafeBitCast(words & threeByteMask, to: Lanes.self) .== threeByteShape
                    let odd: SIMDMask<SIMD16<Int8>> = (lanes .== e0) .| (lanes .== ed)
                    guard all(shaped .& .!odd) else { break }
                    index &+= 15
                }
                while index &+ 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0,
                          (commonLeads >> (word & 0x0F)) & (commonLeads >> ((word >> 24) & 0x0F)) & 1 != 0 else { break }
                    index &+= 6
                }
                if index != start { continue }
            }
            // The common three-byte sequences (most of the BMP, CJK included): no range check
            // beyond the continuation bits.
            if lead >= 0xE1, lead <= 0xEF, lead != 0xED, index + 3 <= count,
               base[index + 1] & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80 {
                index += 3
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return nil
            }
            // The second byte has its own range; the others are plain continuation bytes.
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let byte = base[index + offset]
                if offset == 1 ? !(low...high).contains(byte) : !(0x80...0xBF).contains(byte) { return nil }
            }
            index += length
        }
        return index
    }
}

/// ``UTF8Validation`` for bytes that come in pieces, a sequence possibly split between two: the
/// pieces are valid together exactly when their concatenation is (`earshot parse-feed` checks a
/// large feed chunk by chunk as it reads it).
public struct UTF8StreamValidation {
    /// The start of the sequence the last piece ended in (at most three bytes, a valid start).
    private var carried: [UInt8] = []

    public init() {}

    /// Validates the next piece; false at an invalid sequence (the stream is then invalid
    /// whatever follows).
    public mutating func check(_ piece: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = piece
        if let lead = carried.first {
            // A valid start is led by C2–DF, E0–EF or F0–F4.
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let taken = min(length - carried.count, piece.count)
            carried.append(contentsOf: piece[..<taken])
            guard let valid = carried.withUnsafeBufferPointer({ UTF8Validation.validPrefix($0) }) else { return false }
            // Still cut short (valid is 0) when the piece was shorter than the rest of the sequence.
            guard valid == length else { return true }
            carried.removeAll(keepingCapacity: true)
            rest = UnsafeBufferPointer(rebasing: piece[taken...])
        }
        guard let valid = UTF8Validation.validPrefix(rest) else { return false }
        carried.append(contentsOf: rest[valid...])
        return true
    }

    /// True when the pieces so far do not end inside a sequence.
    public var isComplete: Bool { carried.isEmpty }
}
