import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// The streaming side of ``XMLFeedParser``: items handed out as they end, from bytes or from a
/// file read in chunks, the same items as the collecting `parse`, each exactly once.
struct XMLFeedParserStreamingTests {
    private func temporaryFile(_ bytes: [UInt8], name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        return url
    }

    /// Every RSS and Atom golden fixture.
    static func xmlFixtures() throws -> [String] {
        try GoldenFixture.allNames().filter {
            FileManager.default.fileExists(atPath: try GoldenFixture.folder.appendingPathComponent("\($0).xml").path)
        }
    }

    @Test(arguments: try xmlFixtures())
    func streamingAFileGivesTheSameItemsAsParsing(_ name: String) throws {
        let fixture = try GoldenFixture(named: name)
        let whole = try XMLFeedParser().parse(fixture.bytes, path: fixture.input.path)
        var fromBytes: [FeedItem] = []
        let bytesDocument = try XMLFeedParser().parse(fixture.bytes, path: fixture.input.path) { item, _ in fromBytes.append(item) }
        var fromFile: [FeedItem] = []
        let fileDocument = try XMLFeedParser().parse(contentsOfFile: fixture.input.path) { item, _ in fromFile.append(item) }
        #expect(fromBytes == whole.items)
        #expect(fromFile == whole.items)
        #expect(bytesDocument.items.isEmpty, "streamed items are handed out, not kept")
        for document in [bytesDocument, fileDocument] {
            #expect(document.format == whole.format)
            #expect(document.title == whole.title)
            #expect(document.illFormed == whole.illFormed)
        }
    }

    /// A streamed item written as JSON bytes (what `earshot parse-feed` prints) says what the item
    /// built whole says: the same title, summary and content, and the same other fields.
    @Test(arguments: try xmlFixtures())
    func streamedItemsWriteTheirSummaryAndContentAsTheItemHasThem(_ name: String) throws {
        let fixture = try GoldenFixture(named: name)
        let whole = try XMLFeedParser().parse(fixture.bytes, path: fixture.input.path)
        let output = TextOutput(capacity: 16)
        var index = 0
        _ = try XMLFeedParser().parseStreamed(contentsOfFile: fixture.input.path) { streamed, _ in
            defer { index += 1 }
            guard index < whole.items.count else { Issue.record("more items streamed than parsed"); return }
            let item = whole.items[index]
            #expect(streamed.item == item)
            output.removeAll()
            streamed.writeTitleJSON(into: output)
            #expect(HTMLReducerTests.encodes(String(decoding: output.bytes, as: UTF8.self), item.title))
            output.removeAll()
            streamed.writeSummaryJSON(into: output)
            #expect(HTMLReducerTests.encodes(String(decoding: output.bytes, as: UTF8.self), item.summary))
            output.removeAll()
            streamed.writeContentJSON(into: output)
            #expect(HTMLReducerTests.encodes(String(decoding: output.bytes, as: UTF8.self), item.content))
            var fields = item
            fields.id = nil
            fields.title = nil
            fields.link = nil
            fields.publishedText = nil
            fields.updatedText = nil
            fields.summary = nil
            fields.content = nil
            #expect(streamed.fields == fields)
        }
        #expect(index == whole.items.count)
    }

    @Test func eachItemArrivesWithTheHeaderReadBeforeIt() throws {
        let xml = """
        <rss version="2.0"><channel><title>Shop</title><link>https://shop.example/</link>
        <item><title>One</title></item><item><title>Two</title></item></channel></rss>
        """
        var seen: [(String?, String?, FeedFormat)] = []
        _ = try XMLFeedParser().parse(Array(xml.utf8), path: "feeds/shop.xml") { item, header in
            seen.append((item.title, header.title, header.format))
        }
        #expect(seen.map(\.0) == ["One", "Two"])
        #expect(seen.allSatisfy { $0.1 == "Shop" && $0.2 == .rss20 })
    }

    @Test func illFormedFeedHandsOutEveryItemOnce() throws {
        // Two good items, then a stray `<` breaks the document: the first pass streams up to the
        // error, the recovered tree gives the rest, and nothing is handed out twice.
        var xml = "<rss version=\"2.0\"><channel><title>Broken</title>"
        for index in 1...40 { xml += "<item><title>Item \(index)</title><guid>g\(index)</guid></item>\n" }
        xml += "<item><title>Bad < here</title><guid>bad</guid></item><item><title>After</title><guid>after</guid></item></channel></rss>"
        let file = try temporaryFile(Array(xml.utf8), name: "broken.xml")
        defer { try? FileManager.default.removeItem(at: file) }
        let whole = try XMLFeedParser().parse(Array(xml.utf8), path: file.path)
        var streamed: [FeedItem] = []
        let document = try XMLFeedParser().parse(contentsOfFile: file.path) { item, _ in streamed.append(item) }
        #expect(document.illFormed)
        #expect(document.warnings.first?.hasPrefix(file.path + ":") == true)
        #expect(streamed == whole.items)
        #expect(Set(streamed.compactMap(\.id)).count == streamed.count, "an item was handed out twice")
        #expect(streamed.first?.title == "Item 1")
        #expect(streamed.last?.id == "after")
    }

    struct Stop: Error {}

    @Test func aConsumersErrorStopsTheParseAndIsRethrownAsIs() throws {
        let xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\">" + String(repeating: "<entry><title>t</title></entry>", count: 10) + "</feed>"
        var count = 0
        #expect(throws: Stop.self) {
            _ = try XMLFeedParser().parse(Array(xml.utf8), path: "feeds/a.xml") { _, _ in
                count += 1
                if count == 3 { throw Stop() }
            }
        }
        #expect(count == 3)
    }

    @Test func aMissingFileIsAParseErrorNamingIt() {
        let error = #expect(throws: EarshotError.self) {
            _ = try XMLFeedParser().parse(contentsOfFile: "/nonexistent/earshot/feed.xml") { _, _ in }
        }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("/nonexistent/earshot/feed.xml") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">", true),
        ("\u{FEFF}<rss version=\"2.0\"><channel>", true),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\">", true),
        ("<?xml version='1.0' encoding='iso-8859-1'?><rss>", false),
        ("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss>", false),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\"}", false),
        ("<!DOCTYPE html><html><body>", false),
    ])
    func onlyUTF8FeedsAreStreamedAsIs(_ head: String, _ expected: Bool) {
        #expect(XMLFeedParser.canStream(head: Array(head.utf8)) == expected)
    }

    @Test func utf16IsNotStreamedAsIs() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<rss version=\"2.0\">".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(!XMLFeedParser.canStream(head: utf16))
    }

    /// With `requireUTF8`, a file is checked chunk by chunk as libxml2 reads it: the items that end
    /// before the 64 KB chunk holding the first byte that is not UTF-8 are handed out, the parse
    /// then stops with ``XMLFeedParser/NotUTF8`` saying how many (a bad byte in the file's first
    /// four bytes, in a later chunk, a sequence cut short at its end); a valid file is read as
    /// without the check.
    @Test func requiringUTF8StopsAtTheFirstByteThatIsNot() throws {
        let item = { (index: Int) in "<item><title>Caf\u{E9} \(index)</title><guid>g\(index)</guid><description>\(String(repeating: "x", count: 900))</description></item>\n" }
        let head = Array("<rss version=\"2.0\"><channel><title>T</title>\n".utf8)
        let items = Array((0..<300).map(item).joined().utf8)
        let tail = Array("</channel></rss>\n".utf8)
        // The first item past 200 KB (three chunks) gets a Windows-1252 é instead.
        let late = items.indices.first { $0 > 200_000 && items[$0] == 0xC3 }!
        let lateItems = Array(items[..<late]) + [0xE9] + Array(items[(late + 2)...])
        let lateIndex = String(decoding: items[..<late], as: UTF8.self).components(separatedBy: "<item>").count - 2
        // Items of about 970 bytes: at most 68 end in the chunk before the bad byte.
        for (bytes, handedOut) in [(head + lateItems + tail, lateIndex - 68...lateIndex), ([0x3C, 0xE9] + Array(head.dropFirst()) + items + tail, 0...0),
                                   (head + items + tail + [0xE4, 0xB8], 300...300), (head + items + tail, nil)] {
            let file = try temporaryFile(bytes, name: "utf8.xml")
            defer { try? FileManager.default.removeItem(at: file) }
            var titles: [String?] = []
            do {
                _ = try XMLFeedParser().parseStreamed(contentsOfFile: file.path, requireUTF8: true) { item, _ in titles.append(item.item.title) }
                #expect(handedOut == nil, "read through")
                #expect(titles.count == 300)
            } catch let error as XMLFeedParser.NotUTF8 {
                #expect(handedOut?.contains(error.handedOut) == true, "\(error.handedOut) handed out, not in \(String(describing: handedOut))")
                #expect(titles.count == error.handedOut)
            }
            #expect(titles == (0..<titles.count).map { "Caf\u{E9} \($0)" })
        }
        #expect(lateIndex > 150, "the bad byte is past the first chunks")
    }
}
