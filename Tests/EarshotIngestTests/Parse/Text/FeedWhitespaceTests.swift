import Foundation
import Testing
@testable import EarshotIngest

/// Byte-level blank checks and trimming against Foundation's `whitespacesAndNewlines`.
struct FeedWhitespaceTests {
    @Test func asciiTableMatchesFoundation() {
        for byte in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(byte))
            #expect(FeedWhitespace.isSpace(UInt8(byte)) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(byte)")
        }
    }

    @Test func scalarTableMatchesFoundation() {
        let set = CharacterSet.whitespacesAndNewlines
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if FeedWhitespace.isSpace(scalar) != set.contains(scalar) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "differs from Foundation at \(mismatches.prefix(20).map { String($0, radix: 16) })")
    }

    @Test(arguments: [
        "", " ", "\t\n\r\u{0B}\u{0C} ", "a", "  a  ", "\n a b \n", "\u{00A0}", "\u{3000}x\u{3000}", " \u{2028} ", "é ", " é",
        " \u{0301}a", "a\u{0301} ", "\u{85}", "\u{200B}", " \u{1680} ", "x\u{FEFF}", "  李小龙\t", "a\r\n",
    ])
    func matchesFoundation(_ text: String) {
        #expect(FeedWhitespace.isBlank(text) == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        #expect(FeedWhitespace.trimmed(text) == text.trimmingCharacters(in: .whitespacesAndNewlines))
        // The byte form (streamed summaries and contents) answers as the String form does.
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { FeedWhitespace.isBlank($0) } == text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }
}
