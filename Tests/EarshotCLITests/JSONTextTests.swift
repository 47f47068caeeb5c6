import Testing
@testable import EarshotCLI

/// The exact JSON string literals earshot writes (the score command's JSON lines, backtests and
/// `parse-feed` share the escape rule).
struct JSONTextTests {
    @Test func escapesQuotesBackslashesControlsAndLineSeparators() {
        #expect(JSONText.quote("a\"b\\c\n\r\t\u{01}\u{1F}\u{7F}") == #""a\"b\\c\n\r\t\u0001\u001f\#u{7F}""#)
        #expect(JSONText.quote("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        // 0xE2 leads U+2028 and U+2029; other characters it leads stay as they are.
        #expect(JSONText.quote("a—b…c€") == "\"a—b…c€\"")
        #expect(JSONText.quote("Zoë 李小龙 😀 and more than eight bytes") == "\"Zoë 李小龙 😀 and more than eight bytes\"")
    }

    @Test func emptyAndMissing() {
        #expect(JSONText.quote("") == "\"\"")
        #expect(JSONText.quote(nil as String?) == "null")
    }
}
