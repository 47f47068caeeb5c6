import Foundation
import Testing
@testable import EarshotIngest

/// The RSS `version` attribute: trimmed as Foundation's `.whitespaces` trims it, then read.
struct RSSVersionTests {
    @Test(arguments: [
        "2.0", " 2.0", "2.0\t", " \t0.91 \t", "", " ", "\t\t", "2.0\n", "\r\n2.0", "2. 0", "a b",
        "\u{A0}2.0", "2.0\u{3000}", "\u{2003}0.92\u{A0}", "版本 2.0 ", "\n",
    ])
    func trimsAsFoundationDoes(_ text: String) {
        #expect(RSSVersion.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }

    @Test func readsTheVersions() {
        #expect(RSSVersion.format(" 2.0 ") == .rss20)
        #expect(RSSVersion.format("\t0.91") == .rss09x)
        #expect(RSSVersion.format("\u{A0}2.00") == .rss20)
        #expect(RSSVersion.format("2.0\n") == .rss)
        #expect(RSSVersion.format("3.0") == .rss)
        #expect(RSSVersion.format(nil) == .rss)
    }
}
