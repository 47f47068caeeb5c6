import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// schema.org reviews in web pages, beyond what the golden fixtures' contract fields show.
struct ReviewPageParserTests {
    func parse(_ html: String) throws -> FeedDocument {
        try ReviewPageParser().parse(Array(html.utf8), path: "pages/shop.html")
    }

    @Test func reviewedThingIsKeptAsTheSubject() throws {
        let document = try parse("""
        <html><head><script type="application/ld+json">
        [{"@type": "Product", "name": "Lumio Hub", "review": {"@type": "Review", "reviewBody": "Nested."}},
         {"@type": "Review", "itemReviewed": {"@type": "Product", "name": "Lumio Cam"}, "reviewBody": "Standalone."}]
        </script></head></html>
        """)
        #expect(document.items.map(\.subject) == ["Lumio Hub", "Lumio Cam"])
        #expect(document.items.map(\.content) == ["Nested.", "Standalone."])
    }

    @Test func microdataItemIDAndReviewedThing() throws {
        let document = try parse("""
        <html><body>
        <div itemscope itemtype="https://schema.org/Review" itemid="urn:review:7">
          <span itemprop="itemReviewed" itemscope itemtype="https://schema.org/Product"><span itemprop="name">Pinvale Hub</span></span>
          <span itemprop="reviewBody">Works.</span>
          <a itemprop="url" href="https://shop.example/r/7">permalink</a>
        </div>
        </body></html>
        """)
        let item = try #require(document.items.first)
        #expect(item.id == "urn:review:7")
        #expect(item.subject == "Pinvale Hub")
        #expect(item.link == "https://shop.example/r/7")
        #expect(item.content == "Works.")
    }

    @Test func invalidJSONLDIsAWarningAndOtherBlocksStillCount() throws {
        let document = try parse("""
        <html><head>
        <script type="application/ld+json">{ not json </script>
        <script type="application/ld+json">{"@type": "Review", "reviewBody": "Fine.", "reviewRating": {"ratingValue": "3"}}</script>
        </head></html>
        """)
        #expect(document.items.map(\.rating) == [3])
        #expect(document.warnings.contains { $0.hasPrefix("pages/shop.html") && $0.contains("block 1") })
    }

    @Test func pageWithoutReviewsIsAParseError() {
        let error = #expect(throws: EarshotError.self) { try parse("<html><head><title>Shop</title></head><body><p>Hello</p></body></html>") }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("pages/shop.html") == true)
    }
}
