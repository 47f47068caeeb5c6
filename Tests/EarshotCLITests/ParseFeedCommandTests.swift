import Foundation
import Testing

/// `earshot parse-feed` as DESIGN.md's contract says.
@Suite struct ParseFeedCommandTests {
    static let keys = ["id", "title", "link", "published", "updated", "author", "summary", "content", "rating"]

    private func write(_ text: String, name: String) throws -> URL {
        let url = try EarshotBinary.temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func printsEveryKeyWithNullsAndUTCDates() async throws {
        let file = try write("""
        <?xml version="1.0"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Shop &amp; Co</title><link>https://shop.example/</link>
        <item><title>First</title><guid>https://shop.example/1</guid><pubDate>Tue, 10 Nov 2026 08:30:00 +0800</pubDate>
        <description>&lt;p&gt;Hello &amp;amp; &lt;b&gt;welcome&lt;/b&gt;&lt;/p&gt;</description><dc:creator>Aminah</dc:creator></item>
        <item><title></title><description>no title</description></item>
        </channel></rss>
        """, name: "feed.xml")
        let result = try await EarshotBinary.run(["parse-feed", file.path], in: file.deletingLastPathComponent())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rss20")
        #expect(object["title"] as? String == "Shop & Co")
        let items = try #require(object["items"] as? [[String: Any]])
        try #require(items.count == 2)
        for item in items { for key in Self.keys { #expect(item.keys.contains(key), "missing \(key)") } }
        #expect(items[0]["id"] as? String == "https://shop.example/1")
        #expect(items[0]["link"] as? String == "https://shop.example/1", "a permalink guid is the link")
        #expect(items[0]["published"] as? String == "2026-11-10T00:30:00Z")
        #expect(items[0]["author"] as? String == "Aminah")
        #expect(items[0]["summary"] as? String == "Hello & welcome")
        #expect(items[1]["title"] is NSNull, "an empty string counts as null")
        #expect(items[1]["published"] is NSNull)
    }

    /// A feed over the streaming threshold (4 MB): streamed when it is valid UTF-8, read whole
    /// with encoding detection when it only says so (here Windows-1252 bytes declared UTF-8).
    @Test(arguments: [false, true])
    func aLargeFeedIsReadRightWhetherOrNotItsBytesAreUTF8(mislabelled: Bool) async throws {
        let item = "<item><title>Caf\u{E9} \(mislabelled ? "1252" : "utf8")</title><description>\(String(repeating: "x", count: 900))</description></item>\n"
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Big</title>\n"
            + String(repeating: item, count: 5_000) + "</channel></rss>\n"
        let bytes = mislabelled ? Array(text.unicodeScalars.map { UInt8($0.value) }) : Array(text.utf8)
        #expect(bytes.count > 4 << 20)
        let url = try EarshotBinary.temporaryFolder().appendingPathComponent("big.xml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

        let result = try await EarshotBinary.run(["parse-feed", url.path], in: url.deletingLastPathComponent())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 5_000)
        #expect(items.allSatisfy { $0["title"] as? String == "Caf\u{E9} \(mislabelled ? "1252" : "utf8")" })
    }

    /// A large feed whose bytes stop being UTF-8 far into it: the items before that are streamed,
    /// the rest come from the whole file read with encoding detection (as `--charset UTF-8`, which
    /// always reads the file whole, gives them), and every item is written once, in order.
    @Test func aLargeFeedThatStopsBeingUTF8IsWrittenOnce() async throws {
        let item = { (index: Int, title: String) in
            "<item><title>\(title)</title><guid>g\(index)</guid><description>\(String(repeating: "x", count: 900))</description></item>\n"
        }
        // 3,000 items in UTF-8, then one whose é is a Windows-1252 byte, then 2,000 more in UTF-8.
        var bytes = Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Mixed</title>\n"
            + (0..<3_000).map { item($0, "Caf\u{E9} \($0)") }.joined()).utf8)
        bytes += Array(item(3_000, "Caf\u{E9} bad").unicodeScalars.map { UInt8($0.value) })
        bytes += Array(((3_001..<5_001).map { item($0, "Caf\u{E9} \($0)") }.joined() + "</channel></rss>\n").utf8)
        #expect(bytes.count > 4 << 20)
        let url = try EarshotBinary.temporaryFolder().appendingPathComponent("mixed.xml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

        let streamed = try await EarshotBinary.run(["parse-feed", url.path], in: url.deletingLastPathComponent())
        let whole = try await EarshotBinary.run(["parse-feed", "--charset", "UTF-8", url.path], in: url.deletingLastPathComponent())
        #expect(streamed.status == 0 && whole.status == 0, "stderr: \(streamed.stderr) \(whole.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(streamed.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == (0..<5_001).map { "g\($0)" })
        #expect(items[2_999]["title"] as? String == "Caf\u{E9} 2999")
        let wholeObject = try #require(try JSONSerialization.jsonObject(with: Data(whole.stdout.utf8)) as? [String: Any])
        let wholeItems = try #require(wholeObject["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == wholeItems.map { $0["title"] as? String })
    }

    /// A large valid UTF-8 feed is streamed: its items are written as they are read, so a
    /// channel title that comes after the first item is not in the header (read whole, it would be).
    @Test func aLargeUTF8FeedIsStreamed() async throws {
        let item = "<item><title>Item</title><description>\(String(repeating: "x", count: 900))</description></item>\n"
        let text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
            + String(repeating: item, count: 5_000) + "<title>Late title</title></channel></rss>\n"
        #expect(text.utf8.count > 4 << 20)
        let url = try EarshotBinary.temporaryFolder().appendingPathComponent("late-title.xml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

        let result = try await EarshotBinary.run(["parse-feed", url.path], in: url.deletingLastPathComponent())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["title"] is NSNull, "the title was read after the first item was written")
        #expect((object["items"] as? [[String: Any]])?.count == 5_000)
    }

    /// A streamed feed's summaries and contents go to the JSON as bytes, a small feed's as
    /// `String`s: the same items print the same lines either way (quotes, backslashes, controls,
    /// line breaks, marks that need the reference reduction, no-break and ideographic spaces).
    @Test func streamedItemsPrintAsTheSameItemsReadWhole() async throws {
        let texts = [
            "&lt;p&gt;He said &amp;quot;hi&amp;quot; \\ back&lt;/p&gt;&lt;p&gt;two&lt;/p&gt;", "tab\there &amp;#1; &amp;#x1F; bell&amp;#7;",
            "line&#x2028;sep&#x2029;para &#x85; nel", "a \u{0301}b &amp; e\u{0301}", "no\u{00A0}break\u{3000}ideo  double",
            "<![CDATA[<p>cdata <b>bold</b></p><script>x()</script>李 “quoted” — ©]]>", "   ", "&lt;br&gt;only",
        ]
        var items = ""
        for (index, text) in texts.enumerated() {
            items += "<item><guid>g\(index)</guid><description>\(text)</description><content:encoded>\(texts[(index + 3) % texts.count])</content:encoded></item>\n"
        }
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n"
        let padding = "<item><title>pad</title><description>\(String(repeating: "x ", count: 450))</description></item>\n"
        let small = try write(head + items + "</channel></rss>\n", name: "small.xml")
        let large = try write(head + items + String(repeating: padding, count: 5_000) + "</channel></rss>\n", name: "large.xml")
        #expect(try Data(contentsOf: large).count > 4 << 20)
        let whole = try await EarshotBinary.run(["parse-feed", small.path], in: small.deletingLastPathComponent())
        let streamed = try await EarshotBinary.run(["parse-feed", large.path], in: large.deletingLastPathComponent())
        #expect(whole.status == 0 && streamed.status == 0, "stderr: \(whole.stderr) \(streamed.stderr)")
        let wholeLines = whole.stdout.split(separator: "\n").dropFirst().prefix(texts.count)
        let streamedLines = streamed.stdout.split(separator: "\n").dropFirst().prefix(texts.count)
        #expect(wholeLines.count == texts.count)
        for (read, streamed) in zip(wholeLines, streamedLines) { #expect(read.replacingOccurrences(of: "]}", with: ",") == streamed) }
    }

    /// The JSON writer's escapes, eight bytes at a time and byte by byte: quotes, backslashes,
    /// tabs, carriage returns, U+2028 and U+2029 escaped; multi-byte text copied, at every offset
    /// from a word boundary (ids are printed as written, only trimmed).
    @Test func escapesEveryIDExactlyAtEveryOffset() async throws {
        let core = "q\"b\\s\tc\rl\u{2028}p\u{2029}z李\u{1F600}é—"
        let ids = (0..<9).map { String(repeating: "x", count: $0) + core + String(repeating: "y", count: 8 - $0) }
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\r", with: "&#13;")
        }
        let items = ids.map { "<item><guid isPermaLink=\"false\">\(escaped($0))</guid></item>" }.joined(separator: "\n")
        let file = try write("<rss version=\"2.0\"><channel>\(items)</channel></rss>", name: "escapes.xml")
        let result = try await EarshotBinary.run(["parse-feed", file.path], in: file.deletingLastPathComponent())
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("q\\\"b\\\\s\\tc\\rl\\u2028p\\u2029z李"), "\(result.stdout.prefix(300))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let printed = try #require(object["items"] as? [[String: Any]]).map { $0["id"] as? String }
        #expect(printed == ids)
    }

    @Test func illFormedDocumentIsRecoveredWithOneWarning() async throws {
        let file = try write("<rss version=\"2.0\"><channel><title>Broken</title><item><title>Kept</title></item><item><title>Unclosed", name: "broken.xml")
        let result = try await EarshotBinary.run(["parse-feed", file.path], in: file.deletingLastPathComponent())
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("broken.xml") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.first?["title"] as? String == "Kept")
    }

    @Test(arguments: [("missing", ""), ("garbage", "\u{01}\u{02} not a feed at all"), ("empty", "   ")])
    func unreadableInputExitsWithOneLine(name: String, content: String) async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let path = folder.appendingPathComponent("\(name).xml").path
        if name != "missing" { try Data(content.utf8).write(to: URL(fileURLWithPath: path)) }
        let result = try await EarshotBinary.run(["parse-feed", path], in: folder)
        #expect((1...123).contains(result.status))
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(lines.first?.hasPrefix("earshot: \(path)") == true)
        #expect(result.stdout.isEmpty)
    }

    @Test func charsetOptionActsAsTheServersContentType() async throws {
        // KOI8-R bytes with no declaration: read as UTF-8 they are invalid (so the Windows-1252
        // fallback makes them Latin letters); the server's charset says what they are.
        let title = "Привет"
        var bytes = Array("<rss version=\"2.0\"><channel><title>".utf8)
        bytes += [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]  // "Привет" in KOI8-R
        bytes += Array("</title><item><title>x</title></item></channel></rss>".utf8)
        let folder = try EarshotBinary.temporaryFolder()
        let file = folder.appendingPathComponent("koi8.xml")
        try Data(bytes).write(to: file)
        let labelled = try await EarshotBinary.run(["parse-feed", "--charset", "koi8-r", file.path], in: folder)
        #expect(labelled.status == 0, "\(labelled.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(labelled.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == title)
        let unlabelled = try await EarshotBinary.run(["parse-feed", file.path], in: folder)
        let plain = try #require(try JSONSerialization.jsonObject(with: Data(unlabelled.stdout.utf8)) as? [String: Any])
        #expect(plain["title"] as? String != title, "without the charset the bytes are not KOI8-R")
    }

    @Test func readsStandardInput() async throws {
        let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://forum.example/"><title>Forum</title>
        <entry><id>tag:1</id><title>Hi</title><link href="t/1"/><updated>2026-11-01T10:00:00+02:00</updated><author><name>Wei</name></author></entry></feed>
        """
        let result = try await EarshotBinary.run(["parse-feed", "-"], in: EarshotBinary.packageRoot, input: atom)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "atom10")
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["link"] as? String == "https://forum.example/t/1", "resolved against xml:base")
        #expect(item["updated"] as? String == "2026-11-01T08:00:00Z")
        #expect(item["author"] as? String == "Wei")
    }
}
