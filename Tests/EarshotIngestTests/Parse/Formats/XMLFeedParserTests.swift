import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// RSS and Atom through libxml2: format detection, links, and documents built to hurt.
struct XMLFeedParserTests {
    func parse(_ xml: String, path: String = "feeds/test.xml") throws -> FeedDocument {
        try XMLFeedParser().parse(Array(xml.utf8), path: path)
    }

    /// Every string the document holds, to search for what must not be there.
    func allText(_ document: FeedDocument) -> [String] {
        [document.title, document.link].compactMap { $0 } + document.items.flatMap { item in
            [item.id, item.title, item.link, item.author, item.summary, item.content, item.publishedText, item.updatedText].compactMap { $0 }
        }
    }

    // MARK: Formats and links

    @Test(arguments: [
        ("<rss version=\"2.0\"><channel/></rss>", FeedFormat.rss20),
        ("<rss version=\"0.91\"><channel/></rss>", .rss09x),
        ("<rss version=\"0.94\"><channel/></rss>", .rss09x),
        ("<rss version=\"3.0\"><channel/></rss>", .rss),
        ("<rss><channel/></rss>", .rss),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel/></rdf:RDF>", .rss10),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>t</title></channel></rdf:RDF>", .rss09x),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .atom10),
        ("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>", .atom03),
        ("<feed><title>No namespace</title></feed>", .atom),
    ])
    func detectsTheFormatFromTheRoot(_ xml: String, _ format: FeedFormat) throws {
        #expect(try parse(xml).format == format)
    }

    @Test func otherRootsAreNotFeeds() {
        let error = #expect(throws: EarshotError.self) { try parse("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>") }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("feeds/test.xml") == true)
    }

    @Test func notXMLAtAllIsAParseError() {
        let error = #expect(throws: EarshotError.self) { try parse("just some words, no markup") }
        #expect(error?.code == .parse)
    }

    @Test func relativeLinksWithoutXMLBaseStayRelative() throws {
        // Links are resolved against xml:base only, never against where the file lives.
        let document = try parse("""
        <rss version="2.0"><channel><title>t</title><link>index.html</link>
        <item><title>a</title><link>posts/1.html</link></item></channel></rss>
        """, path: "/srv/feeds/site/feed.xml")
        #expect(document.link == "index.html")
        #expect(document.items.first?.link == "posts/1.html")
    }

    @Test func rssChannelXMLBaseResolvesItemLinks() throws {
        let document = try parse("""
        <rss version="2.0"><channel xml:base="https://site.example/news/"><title>t</title>
        <item><title>a</title><link>2024/a.html</link></item></channel></rss>
        """)
        #expect(document.items.first?.link == "https://site.example/news/2024/a.html")
    }

    @Test func atomEntriesInsideSourceAreNotMixedIn() throws {
        let document = try parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>e1</id><title>Entry</title>
        <source><id>other-feed</id><title>Other feed</title><author><name>Not the author</name></author></source>
        </entry></feed>
        """)
        #expect(document.items.count == 1)
        #expect(document.items.first?.id == "e1")
        #expect(document.items.first?.title == "Entry")
        #expect(document.items.first?.author == nil)
    }

    @Test func encodingFromTheTransportOverridesTheDeclaration() throws {
        // The document says UTF-8, but the server said ISO-8859-1 and the bytes are Latin-1.
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Caf".utf8) + [0xE9]
            + Array("</title></channel></rss>".utf8)
        let document = try XMLFeedParser().parse(bytes, path: "feed.xml", encoding: "ISO-8859-1")
        #expect(document.title == "Café")
    }

    @Test func unreadableDatesAreWarnedAbout() throws {
        let document = try parse("""
        <rss version="2.0"><channel><title>t</title>
        <item><title>a</title><pubDate>the day after tomorrow</pubDate></item></channel></rss>
        """)
        #expect(document.items.first?.published == nil)
        #expect(document.items.first?.publishedText == "the day after tomorrow")
        #expect(document.warnings.contains { $0.hasPrefix("feeds/test.xml:2") && $0.contains("the day after tomorrow") })
    }

    // MARK: Ill-formed input

    @Test func smallIllFormedFeedIsRecoveredNotRefused() throws {
        // libxml2's streaming reader gives up at the first error; the recovering tree still has it all.
        let document = try parse("<rss version=\"2.0\"><channel><title>Fish & chips</title><item><title>A&nbsp;B</title></item></channel></rss>")
        #expect(document.illFormed)
        #expect(document.title == "Fish & chips")
        #expect(document.items.map(\.title) == ["A B"])
        #expect(document.warnings.first?.hasPrefix("feeds/test.xml:1:") == true, "\(document.warnings)")
    }

    @Test func atomEntryNeverClosedIsRecovered() throws {
        let document = try parse("""
        <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
        <entry><id>1</id><title>A</title><author><name>Ann</name>
        <entry><id>2</id><title>B</title></entry>
        </feed>
        """)
        #expect(document.illFormed)
        #expect(document.items.map(\.id) == ["1", "2"])
        #expect(document.items.map(\.author) == ["Ann", nil])
    }

    @Test func wellFormedFeedIsNotFlagged() throws {
        let document = try parse("<rss version=\"2.0\"><channel><title>Fine</title></channel></rss>")
        #expect(document.illFormed == false)
        #expect(document.warnings.isEmpty)
    }

    // MARK: Hostile input

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsIsRefused() throws {
        var dtd = "<!ENTITY lol \"lol\">\n<!ENTITY lol0 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 1...9 {
            dtd += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
        \(dtd)]>
        <rss version="2.0"><channel><title>&lol9;</title>
        <item><title>Bomb &lol9;</title><description>&lol9;</description></item></channel></rss>
        """
        let start = ContinuousClock.now
        let error = #expect(throws: EarshotError.self) { try parse(xml) }
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(error?.code == .hostileInput, "\(String(describing: error))")
        #expect(error?.message.hasPrefix("feeds/test.xml:") == true)
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let secret = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first.map(String.init) ?? "root:x:0:0"
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
        <!ENTITY xxe SYSTEM "file:///etc/passwd">
        <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd">
        %remote;
        ]>
        <rss version="2.0"><channel><title>Leak: &xxe;</title>
        <item><title>&xxe;</title><description>before &xxe; after</description><guid>&xxe;</guid></item></channel></rss>
        """
        // The references are dropped, never resolved; the rest of the feed is read as usual.
        let document = try parse(xml)
        #expect(document.title == "Leak:")
        #expect(document.items.map(\.summary) == ["before after"])
        #expect(document.items.map(\.id) == [nil])
        for text in allText(document) {
            #expect(!text.contains(secret), "/etc/passwd leaked into the output")
            #expect(!text.contains("root:"), "/etc/passwd leaked into the output")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func deepNestingIsRefusedQuickly() throws {
        let depth = 10_000
        let xml = "<rss version=\"2.0\"><channel><item><title>"
            + String(repeating: "<x>", count: depth) + "deep" + String(repeating: "</x>", count: depth)
            + "</title></item></channel></rss>"
        let start = ContinuousClock.now
        let error = #expect(throws: EarshotError.self) { try parse(xml) }
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(error?.code == .hostileInput, "\(String(describing: error))")
        #expect(error?.message.contains("feeds/test.xml") == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func deepNestingOutsideItemsIsRefusedToo() throws {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + String(repeating: "<div>", count: 10_000)
        let error = #expect(throws: EarshotError.self) { try parse(xml) }
        #expect(error?.code == .hostileInput, "\(String(describing: error))")
    }

    @Test(.timeLimit(.minutes(1)))
    func oversizedTextFieldIsRefused() throws {
        let big = String(repeating: "Lumio is fine. ", count: 600_000) // 9 MB, over the 8 MB field limit
        let xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>Big</title><description>" + big
            + "</description></item></channel></rss>"
        let start = ContinuousClock.now
        let error = #expect(throws: EarshotError.self) { try parse(xml) }
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(error?.code == .hostileInput, "\(String(describing: error))")
        #expect(error?.message.contains("description") == true, "\(String(describing: error))")
    }

    @Test func manySmallCDATASectionsCountTowardsTheFieldLimit() throws {
        let chunk = "<![CDATA[" + String(repeating: "x", count: 1 << 20) + "]]>"
        let xml = "<rss version=\"2.0\"><channel><item><description>" + String(repeating: chunk, count: 9)
            + "</description></item></channel></rss>"
        let error = #expect(throws: EarshotError.self) { try parse(xml) }
        #expect(error?.code == .hostileInput)
    }
}
