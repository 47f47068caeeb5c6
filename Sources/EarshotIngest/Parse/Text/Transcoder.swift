#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Re-encodes bytes as UTF-8, replacing what cannot be read with U+FFFD and remembering where.
///
/// The one type in the parser that works on raw memory for text: a UTF-8 scan that checks
/// eight ASCII bytes at a time, a table for Windows-1252 (with WHATWG's mapping of its five
/// unassigned bytes to the C1 controls, so no byte is ever invalid), and glibc's iconv for
/// everything else (UTF-16, UTF-32, GB18030, Big5-HKSCS, EBCDIC and the DOS and Mac code pages)
/// but the two Mac pages iconv lacks (``MacCodePages``).
/// iconv is the library libxml2 itself would use for those encodings (`xmlFindCharEncodingHandler`
/// finds them only through iconv on this system), but here an invalid sequence costs one
/// replacement character instead of the end of the document.
enum Transcoder {
    /// Bytes re-encoded as UTF-8.
    struct Output {
        var utf8: [UInt8]
        /// How many invalid sequences were replaced with U+FFFD.
        var invalidCount = 0
        /// The offset, in the input, of the first invalid sequence.
        var firstInvalid: Int?
    }

    /// What a pass over bytes that should be UTF-8 found.
    struct UTF8Scan {
        var firstInvalid: Int?
        var invalidCount = 0
        /// Well-formed sequences of two bytes or more: the evidence that the bytes really are UTF-8.
        var multibyteCount = 0
        var isValid: Bool { firstInvalid == nil }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Checks `bytes[start...]` as UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
    static func scanUTF8(_ bytes: [UInt8], from start: Int = 0) -> UTF8Scan {
        var scan = UTF8Scan()
        bytes.withUnsafeBytes { raw in
            let count = raw.count
            var i = start
            while i < count {
                // ASCII runs, eight bytes at a time.
                while i + 8 <= count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                guard i < count else { break }
                let lead = raw[i]
                if lead < 0x80 { i += 1; continue }
                let length = sequenceLength(raw, at: i, count: count)
                if length > 0 {
                    scan.multibyteCount += 1
                    i += length
                } else {
                    if scan.firstInvalid == nil { scan.firstInvalid = i }
                    scan.invalidCount += 1
                    i += max(1, -length)
                }
            }
        }
        return scan
    }

    /// The length of the well-formed sequence at `i`, or minus the length of the maximal
    /// invalid subpart to skip (Unicode's "best practice" for U+FFFD substitution).
    private static func sequenceLength(_ raw: UnsafeRawBufferPointer, at i: Int, count: Int) -> Int {
        let lead = raw[i]
        let need: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xED: need = 2; high = 0x9F
        case 0xE1...0xEC, 0xEE, 0xEF: need = 2
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return -1
        }
        for k in 1...need {
            guard i + k < count else { return -k }
            let byte = raw[i + k]
            let (min, max): (UInt8, UInt8) = k == 1 ? (low, high) : (0x80, 0xBF)
            if byte < min || byte > max { return -k }
        }
        return need + 1
    }

    /// `bytes[start...]` as UTF-8 with every invalid sequence replaced by U+FFFD.
    static func repairUTF8(_ bytes: [UInt8], from start: Int = 0) -> Output {
        let scan = scanUTF8(bytes, from: start)
        return Output(utf8: Array(String(decoding: bytes[start...], as: UTF8.self).utf8),
                      invalidCount: scan.invalidCount, firstInvalid: scan.firstInvalid)
    }

    /// `bytes[start...]` read as Windows-1252 (every byte is a character).
    static func windows1252(_ bytes: [UInt8], from start: Int = 0) -> Output {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - start) + (bytes.count - start) / 4)
        let table = windows1252UTF8
        for byte in bytes[start...] {
            if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: table[Int(byte - 0x80)]) }
        }
        return Output(utf8: out)
    }

    /// The UTF-8 of bytes 0x80–0xFF in Windows-1252.
    private static let windows1252UTF8: [[UInt8]] = (0x80...0xFF).map { byte in
        let scalar = byte < 0xA0 ? windows1252High[byte - 0x80] : UInt32(byte)
        return Unicode.Scalar(scalar).map { Array(String($0).utf8) } ?? replacement
    }

    /// Bytes 0x80–0x9F of Windows-1252 (WHATWG's table: the unassigned five are C1 controls).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// `bytes[start...]` read as a single-byte code page whose upper half is `upperHalf` (128 scalars).
    static func singleByte(_ bytes: [UInt8], from start: Int = 0, upperHalf: [UInt32]) -> Output {
        let table: [[UInt8]] = upperHalf.map { Unicode.Scalar($0).map { Array(String($0).utf8) } ?? replacement }
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count - start) + (bytes.count - start) / 4)
        for byte in bytes[start...] {
            if byte < 0x80 { out.append(byte) } else { out.append(contentsOf: table[Int(byte - 0x80)]) }
        }
        return Output(utf8: out)
    }

    /// True when `encoding` can be read (UTF-8, Windows-1252 and the Mac pages of ``MacCodePages``
    /// always; others when iconv knows them).
    static func supports(_ encoding: TextEncoding) -> Bool {
        if encoding == .utf8 || encoding == .windows1252 || MacCodePages.upperHalf(of: encoding) != nil { return true }
        guard let descriptor = open(encoding) else { return false }
        iconv_close(descriptor)
        return true
    }

    private static func open(_ encoding: TextEncoding) -> iconv_t? {
        let descriptor = iconv_open("UTF-8", encoding.name)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }

    /// `bytes[start...]` read as `encoding`, or nil when the encoding is unknown.
    static func decode(_ bytes: [UInt8], from start: Int = 0, as encoding: TextEncoding) -> Output? {
        switch encoding {
        case .utf8: return repairUTF8(bytes, from: start)
        case .windows1252: return windows1252(bytes, from: start)
        default: break
        }
        if let upperHalf = MacCodePages.upperHalf(of: encoding) { return singleByte(bytes, from: start, upperHalf: upperHalf) }
        guard let descriptor = open(encoding) else { return nil }
        defer { iconv_close(descriptor) }
        // After an invalid sequence, skip one code unit.
        let unit = encoding.family == .utf16LE || encoding.family == .utf16BE ? 2
            : encoding.family == .utf32LE || encoding.family == .utf32BE ? 4 : 1
        var output = Output(utf8: [])
        output.utf8.reserveCapacity(bytes.count - start + 64)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self) + start)
            var inputLeft = raw.count - start
            while true {
                let done = chunk.withUnsafeMutableBytes { out -> Bool in
                    var next: UnsafeMutablePointer<CChar>? = out.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = out.count
                    let flushing = inputLeft == 0
                    let result = flushing ? iconv(descriptor, nil, nil, &next, &outLeft)
                        : iconv(descriptor, &input, &inputLeft, &next, &outLeft)
                    let failure = result == -1 ? errno : 0
                    output.utf8.append(contentsOf: out[0..<(out.count - outLeft)])
                    if failure == E2BIG { return false }
                    if failure == 0 || flushing { return flushing }
                    guard let at = input else { return true }
                    // EILSEQ (an invalid sequence) or EINVAL (one cut short by the end of the input).
                    let offset = UnsafeRawPointer(at) - base
                    if output.firstInvalid == nil { output.firstInvalid = offset }
                    output.invalidCount += 1
                    output.utf8 += replacement
                    let skip = failure == EINVAL ? inputLeft : min(unit, inputLeft)
                    input = at + skip
                    inputLeft -= skip
                    _ = iconv(descriptor, nil, nil, nil, nil)
                    return false
                }
                if done { break }
            }
        }
        return output
    }
}
