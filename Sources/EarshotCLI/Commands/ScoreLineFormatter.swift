import EarshotAnalysis
import EarshotCore
import Foundation

/// Writes `earshot score` output lines into a byte buffer, numbers formatted by hand.
///
/// The bytes are those of `String(format: "%.4f")` and `"%.3f"`: a number whose scaled value
/// lies within a millionth of a rounding tie, or that is not finite or very large, goes
/// through `String(format:)` itself, so hand formatting never rounds differently. The
/// `--explain` parts keep their original string formatting.
struct ScoreLineFormatter: Sendable {
    let jsonl: Bool
    let explain: Bool

    /// Appends the output line for `result`, line feed included.
    func append(_ result: ScoreResult, to out: inout [UInt8]) {
        if jsonl {
            appendJSONL(result, to: &out)
            out.append(0x0A)
        } else {
            appendTSV(result, to: &out)
        }
    }

    /// Appends the TSV line of a text whose compound is `compound` and language `lang`, line
    /// feed included, as ``append(_:to:)`` writes it without `--explain`.
    static func appendTSV(compound: Double, lang: String, to out: inout Output) {
        // Read in place (a language code is a small string, read from the value itself): a
        // mutable copy for `withUTF8` was retained and released, ~30 instructions a line.
        guard lang.utf8.withContiguousStorageIfAvailable({ appendTSV(compound: compound, code: $0, to: &out) }) != nil else {
            var copy = lang
            return copy.withUTF8 { appendTSV(compound: compound, code: $0, to: &out) }
        }
    }

    /// ``appendTSV(compound:lang:to:)`` with the language code's UTF-8 bytes.
    @inline(__always)
    private static func appendTSV(compound: Double, code: UnsafeBufferPointer<UInt8>, to out: inout Output) {
        let start = out.reserve(fixedCapacity + 2 + code.count)
        // (The one-digit case, every compound, inline.)
        guard var count = writeOneDigit(compound, digits: 4, to: start) ?? writeFixed(compound, digits: 4, to: start) else {
            var bytes: [UInt8] = []
            appendFixed(compound, digits: 4, to: &bytes)
            bytes.append(0x09)
            bytes.append(contentsOf: code)
            bytes.append(0x0A)
            out.append(bytes)
            return
        }
        start[count] = 0x09
        count &+= 1
        // A language code is a few bytes: two (most) as one 16-bit word, others one by one.
        if code.count == 2, let bytes = code.baseAddress {
            UnsafeMutableRawPointer(start + count).storeBytes(of: UnsafeRawPointer(bytes).loadUnaligned(as: UInt16.self), as: UInt16.self)
            count &+= 2
        } else {
            for byte in code {
                start[count] = byte
                count &+= 1
            }
        }
        start[count] = 0x0A
        out.advance(by: count &+ 1)
    }

    /// Output bytes written in place through a pointer, for the TSV lines: appending each line
    /// to an `Array` (its uniqueness and capacity checks and a `memcpy` call) cost ~90
    /// instructions a line. The owner frees it (``deallocate()``).
    struct Output {
        private var base: UnsafeMutablePointer<UInt8>
        private var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 64)
            base = .allocate(capacity: self.capacity)
        }

        /// Room for `needed` more bytes: where they go (then counted with ``advance(by:)``).
        /// (Inline, its growth apart: as a call, once a line, it cost ~20 instructions.)
        @inline(__always)
        mutating func reserve(_ needed: Int) -> UnsafeMutablePointer<UInt8> {
            if _slowPath(count &+ needed > capacity) { grow(needed) }
            return base + count
        }

        @inline(never)
        private mutating func grow(_ needed: Int) {
            var newCapacity = capacity * 2
            while newCapacity < count + needed { newCapacity *= 2 }
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        /// Counts `written` bytes written at ``reserve(_:)``.
        mutating func advance(by written: Int) {
            count &+= written
        }

        mutating func append(_ bytes: [UInt8]) {
            let start = reserve(bytes.count)
            bytes.withUnsafeBufferPointer { start.initialize(from: $0.baseAddress!, count: $0.count) }
            count &+= bytes.count
        }

        /// The bytes written.
        var bytes: [UInt8] {
            Array(UnsafeBufferPointer(start: base, count: count))
        }

        func deallocate() {
            base.deallocate()
        }
    }

    /// Appends the TSV line, line feed included.
    private func appendTSV(_ result: ScoreResult, to out: inout [UInt8]) {
        // The compound, a tab, the language and (without the explanation) the line feed written
        // on the stack, then appended at once.
        var lang = result.lang
        lang.withUTF8 { code in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ScoreLineFormatter.fixedCapacity + 2 + code.count) { buffer in
                let start = buffer.baseAddress!
                guard var count = ScoreLineFormatter.writeFixed(result.sentiment.compound, digits: 4, to: start) else {
                    ScoreLineFormatter.appendFixed(result.sentiment.compound, digits: 4, to: &out)
                    out.append(0x09)
                    out.append(contentsOf: code)
                    if !explain { out.append(0x0A) }
                    return
                }
                start[count] = 0x09
                count += 1
                // A language code is a few bytes: copied one by one.
                for byte in code {
                    start[count] = byte
                    count += 1
                }
                if !explain {
                    start[count] = 0x0A
                    count += 1
                }
                out.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
            }
        }
        guard explain else { return }
        out.append(0x09)
        let text = result.contributions.map { c in
            String(format: "%@ %+.3f→%+.3f", c.term, c.base, c.final) + (c.rules.isEmpty ? "" : " [" + c.rules.joined(separator: "; ") + "]")
        }.joined(separator: " | ")
        out.append(contentsOf: text.utf8)
        out.append(0x0A)
    }

    private func appendJSONL(_ result: ScoreResult, to out: inout [UInt8]) {
        let s = result.sentiment
        out.append(contentsOf: #"{"compound":"#.utf8)
        ScoreLineFormatter.appendFixed(s.compound, digits: 4, to: &out)
        out.append(contentsOf: #","pos":"#.utf8)
        ScoreLineFormatter.appendFixed(s.pos, digits: 3, to: &out)
        out.append(contentsOf: #","neu":"#.utf8)
        ScoreLineFormatter.appendFixed(s.neu, digits: 3, to: &out)
        out.append(contentsOf: #","neg":"#.utf8)
        ScoreLineFormatter.appendFixed(s.neg, digits: 3, to: &out)
        out.append(contentsOf: #","lang":"#.utf8)
        out.append(contentsOf: JSONText.quote(result.lang).utf8)
        out.append(contentsOf: #","aspects":{"#.utf8)
        for (index, aspect) in result.aspects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: JSONText.quote(aspect.aspect).utf8)
            out.append(contentsOf: #":{"touchpoint":""#.utf8)
            out.append(contentsOf: aspect.touchpoint.rawValue.utf8)
            out.append(contentsOf: #"","compound":"#.utf8)
            ScoreLineFormatter.appendFixed(aspect.compound, digits: 4, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        if explain {
            let text = ",\"explain\":[" + result.contributions.map { c in
                "{\"term\":\(JSONText.quote(c.term)),\"valence\":\(JSONText.number(c.base)),\"final\":\(JSONText.number(c.final)),\"rules\":[\(c.rules.map(JSONText.quote).joined(separator: ","))]}"
            }.joined(separator: ",") + "]"
            out.append(contentsOf: text.utf8)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// ``writeFixed(_:digits:to:)`` for a value that rounds to one integer digit (every compound
    /// and proportion), or nil for any other value and where that gives nil. Inline in the TSV
    /// line (~40 instructions a line against ~140 for the call): one rounding with no libm
    /// call, and the decimals written two at a time.
    @inline(__always)
    static func writeOneDigit(_ value: Double, digits: Int, to target: UnsafeMutablePointer<UInt8>) -> Int? {
        let four = digits == 4
        let scale: Double = four ? 10_000 : 1_000
        let scaled = abs(value) * scale
        // One integer digit once rounded (false for NaN too).
        guard scaled < 10 * scale - 0.5 else { return nil }
        // Adding 2^52 rounds a value of 0 to 2^52 to an integer, ties to even, as
        // `rounded(.toNearestOrEven)` does; the sum's significand bits are then that integer
        // (read from them, not converted back: the conversion's range checks, ~10 instructions).
        let biased = scaled + 0x1p52
        guard abs(abs(scaled - (biased - 0x1p52)) - 0.5) > 1e-6 else { return nil }
        let units = UInt32(truncatingIfNeeded: biased.bitPattern & 0xF_FFFF_FFFF_FFFF)
        var position = 0
        if value.sign == .minus {
            target[0] = UInt8(ascii: "-")
            position = 1
        }
        let divisor: UInt32 = four ? 10_000 : 1_000
        target[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: units / divisor)
        target[position &+ 1] = UInt8(ascii: ".")
        position &+= 2
        var fraction = units % divisor
        // Two decimals at a time, each pair stored as one 16-bit word.
        let pairs = UnsafeRawPointer(ScoreLineFormatter.digitPairs.utf8Start)
        if four {
            UnsafeMutableRawPointer(target + position).storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 &* Int(fraction / 100), as: UInt16.self), as: UInt16.self)
            position &+= 2
        } else {
            target[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 100)
            position &+= 1
        }
        fraction %= 100
        UnsafeMutableRawPointer(target + position).storeBytes(of: pairs.loadUnaligned(fromByteOffset: 2 &* Int(fraction), as: UInt16.self), as: UInt16.self)
        return position &+ 2
    }

    /// "00" to "99", back to back.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// `String(format: "%.<digits>f", value)` for `digits` 3 or 4, as bytes.
    static func appendFixed(_ value: Double, digits: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: fixedCapacity) { buffer in
            let start = buffer.baseAddress!
            if let count = writeFixed(value, digits: digits, to: start) {
                out.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
            } else {
                out.append(contentsOf: String(format: digits == 4 ? "%.4f" : "%.3f", value).utf8)
            }
        }
    }

    /// The most bytes ``writeFixed(_:digits:to:)`` writes: a sign, 12 integer digits (the scaled
    /// value is below 10^15), the point and 4 decimals.
    static let fixedCapacity = 18

    /// Writes `String(format: "%.<digits>f", value)` for `digits` 3 or 4 at `target` (room for
    /// ``fixedCapacity`` bytes) and returns how many bytes it wrote; nil, writing nothing that
    /// counts, when the value must go through `String(format:)` (not finite, very large, or
    /// within a millionth of a rounding tie once scaled).
    static func writeFixed(_ value: Double, digits: Int, to target: UnsafeMutablePointer<UInt8>) -> Int? {
        if let count = writeOneDigit(value, digits: digits, to: target) { return count }
        let scale: Double = digits == 4 ? 10_000 : 1_000
        let scaled = abs(value) * scale
        let rounded = scaled.rounded(.toNearestOrEven)
        guard value.isFinite, scaled < 1e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 else { return nil }
        var units = Int(rounded)
        // The digits from the last one back: the decimals, the point, then the integer part (at least "0").
        var digitsReversed: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digitsReversed) { reversed in
            for _ in 0..<digits {
                reversed[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: units % 10)
                units /= 10
                count += 1
            }
            reversed[count] = UInt8(ascii: ".")
            count += 1
            repeat {
                reversed[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: units % 10)
                units /= 10
                count += 1
            } while units > 0
            if value.sign == .minus {
                reversed[count] = UInt8(ascii: "-")
                count += 1
            }
            for index in 0..<count { target[index] = reversed[count - 1 - index] }
        }
        return count
    }
}
