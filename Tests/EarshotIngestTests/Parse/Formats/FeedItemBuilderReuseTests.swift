import EarshotCore
import Testing
@testable import EarshotIngest

/// The RSS and Atom parsers reuse one ``FeedItemBuilder`` for all their items, emptied by
/// ``FeedItemBuilder/reset()``: nothing of one item may reach the next.
struct FeedItemBuilderReuseTests {
    @Test func aResetBuilderBuildsWhatANewOneBuilds() {
        var used = FeedItemBuilder()
        for field in FeedItemBuilder.Field.allCases where field != .summary && field != .content {
            used.offer(field, field == .published || field == .updated ? "not a date" : "value \(field)")
        }
        Array("<p>summary</p>".utf8).withUnsafeBufferPointer { used.offer(.summary, bytes: $0) }
        used.offer(.content, "content", plain: true)
        used.rating = 4
        _ = used.buildStreamed { "first" }
        #expect(used.warnings.count == 2, "both unreadable dates warned")
        used.reset()
        var fresh = FeedItemBuilder()
        used.offer(.title, "Only a title")
        fresh.offer(.title, "Only a title")
        let reused = used.buildStreamed { "second" }, new = fresh.buildStreamed { "second" }
        #expect(reused.item == new.item)
        #expect(reused.item.summary == nil && reused.item.content == nil && reused.item.rating == nil)
        #expect(used.warnings.isEmpty)
        for field in FeedItemBuilder.Field.allCases { #expect(used.has(field) == fresh.has(field), "\(field)") }
    }

    /// Summary and content bytes are written into the slot's array kept from the last item: a shorter
    /// value leaves nothing of a longer one, a string offer replaces bytes, and an item already handed
    /// out keeps its own text when the builder takes the next one.
    @Test func bytesKeptAcrossItemsHoldOnlyTheCurrentValue() {
        var builder = FeedItemBuilder()
        func offer(_ field: FeedItemBuilder.Field, bytes text: String, rank: Int = 0, plain: Bool = false) {
            Array(text.utf8).withUnsafeBufferPointer { builder.offer(field, bytes: $0, rank: rank, plain: plain) }
        }
        offer(.summary, bytes: "<p>a long first summary, longer than the next</p>")
        offer(.content, bytes: "first content", plain: true)
        let first = builder.buildStreamed { "first" }
        builder.reset()
        #expect(!builder.has(.summary) && !builder.has(.content))
        offer(.summary, bytes: "short")
        offer(.summary, bytes: "not taken: ranked after", rank: 1)
        builder.offer(.content, "<b>as a string</b>")
        let second = builder.buildStreamed { "second" }
        #expect(second.item.summary == "short")
        #expect(second.item.content == "as a string")
        #expect(first.item.summary == "a long first summary, longer than the next")
        #expect(first.item.content == "first content")
        builder.reset()
        offer(.content, bytes: "  <i>third</i> ", rank: 1)
        offer(.content, bytes: "<i>better</i>", rank: 0, plain: true)
        let third = builder.buildStreamed { "third" }
        #expect(third.item.summary == nil)
        #expect(third.item.content == "<i>better</i>", "plain: tags are text")
        #expect(second.item.summary == "short")
    }

    @Test func anItemAfterAFullOneHasOnlyItsOwnFields() throws {
        let full = """
            <item><title>First</title><link>http://example.com/1</link><guid>g1</guid><pubDate>no date</pubDate>\
            <description>&lt;p&gt;one&lt;/p&gt;</description><content:encoded><![CDATA[<b>c</b>]]></content:encoded>\
            <author>a@example.com (Ann)</author></item>
            """
        let bare = "<item><title>Second</title></item>"
        func rss(_ items: String) -> [UInt8] {
            Array(#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>"#.utf8)
                + Array(items.utf8) + Array("</channel></rss>".utf8)
        }
        let both = try XMLFeedParser().parse(rss(full + bare + full + bare), path: "both.xml")
        let alone = try XMLFeedParser().parse(rss(bare), path: "alone.xml")
        #expect(both.items.count == 4)
        #expect(both.items[1] == alone.items[0] && both.items[3] == alone.items[0])
        #expect(both.items[0] == both.items[2], "the reused builder builds the full item again alike")
        #expect(both.warnings.count == 2, "one unreadable date per full item")

        let fullEntry = """
            <entry><title>First</title><id>http://example.com/1</id><updated>no date</updated>\
            <summary type="html">&lt;p&gt;one&lt;/p&gt;</summary><content>two</content><author><name>Ann</name></author></entry>
            """
        let bareEntry = "<entry><title>Second</title><id>tag:example.com,2024:2</id></entry>"
        func atom(_ entries: String) -> [UInt8] {
            Array(#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>"#.utf8) + Array(entries.utf8) + Array("</feed>".utf8)
        }
        let entries = try XMLFeedParser().parse(atom(fullEntry + bareEntry + fullEntry + bareEntry), path: "both.xml")
        let entryAlone = try XMLFeedParser().parse(atom(bareEntry), path: "alone.xml")
        #expect(entries.items.count == 4)
        #expect(entries.items[1] == entryAlone.items[0] && entries.items[3] == entryAlone.items[0])
        #expect(entries.items[0] == entries.items[2])
        #expect(entries.items[1].link == nil && entries.items[1].author == nil && entries.items[1].summary == nil)
        #expect(entries.warnings.count == 2)
    }
}
