import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// JSON Feed 1.0 and 1.1, beyond the golden fixtures.
struct JSONFeedParserTests {
    func parse(_ json: String) throws -> FeedDocument {
        try JSONFeedParser().parse(Array(json.utf8), path: "feeds/feed.json")
    }

    @Test(arguments: ["{\"version\": ", "[1, 2]", "{\"version\": \"https://jsonfeed.org/version/1.1\"}"])
    func notAJSONFeedIsAParseErrorNamingTheFile(_ json: String) {
        let error = #expect(throws: EarshotError.self) { try parse(json) }
        #expect(error?.code == .parse)
        #expect(error?.message.hasPrefix("feeds/feed.json:") == true, "\(String(describing: error))")
    }

    @Test func itemsThatAreNotObjectsAreSkippedWithAWarning() throws {
        let document = try parse("{\"items\": [\"text\", {\"id\": \"1\", \"content_text\": \"ok\"}]}")
        #expect(document.items.map(\.id) == ["1"])
        #expect(document.warnings == ["feeds/feed.json: item 1 is not an object; skipped"])
    }

    @Test func contentTextWinsOverContentHTMLAndExternalURLIsTheFallbackLink() throws {
        let document = try parse("""
        {"items": [{"id": "1", "content_html": "<p>html</p>", "content_text": "text", "external_url": "https://elsewhere.example/"}]}
        """)
        #expect(document.items.first?.content == "text")
        #expect(document.items.first?.link == "https://elsewhere.example/")
    }
}
