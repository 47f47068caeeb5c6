import EarshotCore
import Testing

/// ``UTF8Validation`` accepts exactly what `String(validating:as: UTF8.self)` accepts.
struct UTF8ValidationTests {
    /// Every byte sequence of up to 4 bytes drawn from boundary values of each UTF-8 range, and
    /// random mixtures of valid text and stray bytes.
    static func samples() -> [[UInt8]] {
        let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        var samples: [[UInt8]] = [[]]
        for a in interesting {
            samples.append([a])
            for b in interesting {
                samples.append([a, b])
                for c in interesting where a >= 0xE0 { samples.append([a, b, c]) }
            }
        }
        for a in [0xF0, 0xF1, 0xF4, 0xF5] as [UInt8] {
            for b in interesting { for c in [0x80, 0xBF, 0x41] as [UInt8] { for d in [0x80, 0xBF, 0xC0] as [UInt8] { samples.append([a, b, c, d]) } } }
        }
        var generator = SystemRandomNumberGenerator()
        let text = Array("Lumio café 中文 😀 ok".utf8)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                bytes.append(Bool.random(using: &generator) ? text.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator))
            }
            samples.append(bytes)
        }
        return samples
    }

    @Test func acceptsWhatStringValidationAccepts() {
        for bytes in Self.samples() {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let prefix = bytes.withUnsafeBufferPointer { UTF8Validation.validPrefix($0) }
            // Valid as a whole means every sequence complete: the prefix is everything.
            #expect((prefix == bytes.count) == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    /// Every sequence of one and two bytes, every lead byte with the second and later bytes around
    /// each boundary, and cut-short, surrogate and overlong forms inside text.
    @Test func agreesWithTheStandardLibraryOnEveryShortSequence() {
        var cases: [[UInt8]] = (0..<256).map { [UInt8($0)] }
        for first in 0..<256 { for second in 0..<256 { cases.append([UInt8(first), UInt8(second)]) } }
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xFF]
        for lead in 0xC0...0xFF {
            for second in edges {
                for third in edges {
                    cases.append([UInt8(lead), second, third])
                    // A fourth byte only after the leads of four-byte sequences (after a shorter
                    // one it is a byte of its own, as ``seesAStrayByteAtEveryPosition()`` covers).
                    if lead >= 0xF0 { for fourth in edges { cases.append([UInt8(lead), second, third, fourth]) } }
                }
            }
        }
        cases += ["好评", "café", "😡 ok", "a\u{10FFFF}b"].map { Array($0.utf8) }
        cases += [[0x61, 0xE5, 0xA5], [0xED, 0xA0, 0x80, 0x61], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xF0, 0x9F, 0x98]]
        // One expectation for all the cases (one each took seconds in a debug build).
        let disagreements = cases.filter { bytes in
            bytes.withUnsafeBufferPointer(UTF8Validation.isValid) != (String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    /// The ASCII fast paths (32 and 8 bytes at a time) see a stray continuation byte at every position.
    @Test func seesAStrayByteAtEveryPosition() {
        for count in 0..<70 {
            let ascii = [UInt8](repeating: 0x61, count: count)
            #expect(ascii.withUnsafeBufferPointer(UTF8Validation.isValid))
            for position in 0..<count {
                var line = ascii
                line[position] = 0x80
                #expect(!line.withUnsafeBufferPointer(UTF8Validation.isValid), "\(count) \(position)")
            }
        }
    }
}

extension UTF8ValidationTests {
    /// The eight-byte ASCII loop goes straight to the first byte from 0x80 up: a scalar of every
    /// length, whole or cut short, after every number of ASCII bytes, with ASCII after it or not.
    @Test func readsEveryScalarWhereverTheASCIIStepsStop() {
        let scalars: [[UInt8]] = [Array("é".utf8), Array("中".utf8), Array("😀".utf8), Array("\u{2014}".utf8),
                                  [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]]
        for count in 0..<40 {
            for scalar in scalars {
                for tail in [0, 1, 9] {
                    let bytes = [UInt8](repeating: 0x61, count: count) + scalar + [UInt8](repeating: 0x62, count: tail)
                    let valid = String(validating: bytes, as: UTF8.self) != nil
                    #expect(bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == valid, "\(count) \(scalar) \(tail)")
                }
            }
        }
    }

    /// The fast paths for runs of three-byte sequences (five per sixteen-byte step, then two per
    /// eight) see every other byte at every position of a run of CJK text, and leads that need a
    /// range check (E0, ED) in it; runs long enough for several sixteen-byte steps.
    @Test func seesAnyByteAtEveryPositionOfAThreeByteRun() {
        let replacements: [UInt8] = [0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xFF]
        let extras: [[UInt8]] = [[0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0x61]]
        for count in 1..<12 {
            let run = Array(String(repeating: "中文", count: count).utf8)
            #expect(run.withUnsafeBufferPointer(UTF8Validation.isValid))
            var cases: [[UInt8]] = []
            for position in run.indices {
                for byte in replacements {
                    var line = run
                    line[position] = byte
                    cases.append(line)
                }
                for extra in extras where position % 3 == 0 {
                    cases.append(Array(run[..<position]) + extra + Array(run[position...]))
                }
            }
            for bytes in cases {
                let valid = String(validating: bytes, as: UTF8.self) != nil
                let prefix = bytes.withUnsafeBufferPointer { UTF8Validation.validPrefix($0) }
                #expect((prefix == bytes.count) == valid, "\(bytes.map { String($0, radix: 16) })")
                if let prefix, prefix < bytes.count {
                    // What is left is the start of one sequence cut short.
                    #expect(bytes.count - prefix <= 3 && String(validating: bytes[..<prefix], as: UTF8.self) != nil)
                }
            }
        }
    }

    /// ``UTF8StreamValidation`` over every sample split at every place (into two pieces, and into
    /// pieces of one byte), and over a long text whose every sequence straddles pieces of 1 to 5
    /// bytes: valid and complete exactly when the sample is valid UTF-8 whole; a sample cut short
    /// at its end is valid so far but not complete.
    @Test func piecesAreValidTogetherExactlyWhenTheWholeIs() {
        func stream(_ bytes: [UInt8], cuts: [Int]) -> (valid: Bool, complete: Bool) {
            var validation = UTF8StreamValidation()
            var start = 0
            for end in cuts + [bytes.count] {
                guard bytes[start..<end].withUnsafeBufferPointer({ validation.check($0) }) else { return (false, false) }
                start = end
            }
            return (true, validation.isComplete)
        }
        for sample in Self.samples() {
            let whole = String(validating: sample, as: UTF8.self) != nil
            let prefix = sample.withUnsafeBufferPointer { UTF8Validation.validPrefix($0) }
            for cut in 0...sample.count {
                let result = stream(sample, cuts: [cut])
                #expect(result.complete == whole, "\(sample) cut at \(cut)")
                #expect(result.valid == (prefix != nil), "\(sample) cut at \(cut)")
            }
            #expect(stream(sample, cuts: Array(0..<sample.count)) == (prefix != nil, whole), "\(sample) byte by byte")
        }
        let text = Array(String(repeating: "Lumio é 中文 😀 ok ", count: 20).utf8)
        for size in 1...5 {
            #expect(stream(text, cuts: Array(stride(from: size, to: text.count, by: size))) == (true, true), "pieces of \(size)")
            #expect(stream(text + [0xF0, 0x9F], cuts: Array(stride(from: size, to: text.count + 2, by: size))) == (true, false), "cut short, pieces of \(size)")
            #expect(stream(text + [0xF0, 0x41], cuts: Array(stride(from: size, to: text.count + 2, by: size))).valid == false, "pieces of \(size)")
        }
    }
}
