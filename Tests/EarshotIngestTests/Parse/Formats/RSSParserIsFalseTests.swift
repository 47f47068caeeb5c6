import Testing
@testable import EarshotIngest

/// ``RSSParser/isFalse(_:)`` (a guid's `isPermaLink`) answers what lower-casing the value and
/// comparing it with `false` answers.
struct RSSParserIsFalseTests {
    @Test func matchesLowercasedComparison() {
        var values = ["false", "FALSE", "False", "fAlSe", "false ", " false", "falsey", "fals", "", "true", "0", "no",
                      "ｆalse", "falſe", "FALSE\u{301}", "fa\u{0130}se", "\u{212A}alse", "fal\u{017F}e", "f\0lse"]
        // Every byte in every position of `false`.
        for position in 0..<5 {
            for byte in 0...0xFF {
                var bytes = Array("false".utf8)
                bytes[position] = UInt8(byte)
                values.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        for value in values {
            #expect(RSSParser.isFalse(value) == (value.lowercased() == "false"), "\(value.debugDescription)")
        }
    }
}
