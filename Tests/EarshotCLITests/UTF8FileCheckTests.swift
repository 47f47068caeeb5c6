import Foundation
import Testing
@testable import EarshotCLI

/// ``UTF8FileCheck`` accepts exactly what `String(validating:as: UTF8.self)` accepts.
struct UTF8FileCheckTests {
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
            let prefix = bytes.withUnsafeBufferPointer { UTF8FileCheck.validPrefix($0) }
            // Valid as a whole means every sequence complete: the prefix is everything.
            #expect((prefix == bytes.count) == expected, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test(arguments: [true, false])
    func readsAFileAcrossPieces(valid: Bool) throws {
        // A four-byte character straddles the first 1 MB piece; the invalid file ends cut short.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 2) + Array("😀 café".utf8)
        if !valid { bytes += [0xE4, 0xB8] }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-utf8-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(UTF8FileCheck.isValid(url.path) == valid)
        #expect(!UTF8FileCheck.isValid(url.path + ".missing"))
    }
}
