import Foundation
import Testing
@testable import EarshotIngest

/// The byte search that stands in for Foundation's `contains(_:)` on attribute values, and the
/// byte path of ``FeedItemBuilder/authorName(_:)``: both must answer exactly as the String code.
struct ASCIIContainsTests {
    static let haystacks = [
        "", "html", "text/html", "TEXT/HTML", "application/xhtml+xml", "htm", "xhtm", "hhtml", "a/b", "/", "text", "text\r\nhtml",
        "té/html", "ht\u{0301}ml", "/\u{0301}", "html\u{0301}", "李/html", " html ",
    ]

    @Test(arguments: haystacks)
    func answersAsFoundation(_ haystack: String) {
        for needle in ["html", "/", "h", "xml"] {
            #expect(haystack.asciiAwareContains(needle) == haystack.contains(needle), "\(haystack.debugDescription) \(needle)")
        }
    }

    @Test func authorNameOnBytesMatchesTheRules() {
        #expect(FeedItemBuilder.authorName("support@shop.example (Shop Team)") == "Shop Team")
        #expect(FeedItemBuilder.authorName("Shop Team (support@shop.example)") == "Shop Team")
        #expect(FeedItemBuilder.authorName("\tShop Team\t<support@shop.example>") == "Shop Team")
        #expect(FeedItemBuilder.authorName("a@b (  )") == "a@b (  )", "nothing inside the parentheses")
        #expect(FeedItemBuilder.authorName("a b@c (Name)") == "a b@c (Name)", "a space before the parentheses")
        #expect(FeedItemBuilder.authorName("Name (not an email)") == "Name (not an email)")
        #expect(FeedItemBuilder.authorName("(x@y.z)") == "(x@y.z)", "nothing before the parentheses")
        #expect(FeedItemBuilder.authorName("<x@y.z>") == "<x@y.z>")
        #expect(FeedItemBuilder.authorName("Name <no-at>") == "Name <no-at>")
        #expect(FeedItemBuilder.authorName("a@b.c\u{00A0}(Zoë)") == "Zoë", "non-ASCII goes the String way")
    }
}
