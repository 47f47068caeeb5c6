import AsyncHTTPClient
import EarshotCore
import Foundation
import NIOHTTP1
import Testing
@testable import EarshotIngest

/// Charsets as real servers send them (often wrongly), fetched from a server on 127.0.0.1 and
/// parsed: the HTTP charset reaches the parser, and RFC 7303's precedence and the mislabel
/// fallbacks decide what the titles say.
struct HTTPFetcherCharsetTests {
    let policy = FetchPolicy(timeoutSeconds: 30, contact: "https://earshot.example/contact", allowPrivateAddresses: true)
    let now = Date(timeIntervalSince1970: 1_714_521_600)

    /// Serves `body` with `contentType`, fetches it and parses it as earshot's pipeline does.
    func fetchAndParse(_ body: [UInt8], contentType: String) async throws -> (FetchedDocument, FeedDocument) {
        let policy = policy, now = now
        return try await TestHTTPServer.with({ _ in
            .init(status: .ok, headers: [("Content-Type", contentType)], body: body)
        }) { server in
            let source = SourceConfig(id: "served", url: server.url("/feed.xml"))
            let fetched = try await HTTPFetcher.withTestFetcher(policy: policy) { try await $0.fetch(source, validators: nil, now: now) }
            return (fetched, try DocumentParser().parse(fetched, source: source))
        }
    }

    static func rss(_ title: [UInt8]) -> [UInt8] {
        Array("<rss version=\"2.0\"><channel><title>".utf8) + title
            + Array("</title><item><title>one</title><guid>1</guid></item></channel></rss>".utf8)
    }

    @Test(.timeLimit(.minutes(1)))
    func windows1252BodyLabelledUTF8IsReadAsWindows1252() async throws {
        // "Café “quoted” — €5" in Windows-1252: no byte of it is UTF-8.
        let title = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x97, 0x20, 0x80] + Array("5".utf8)
        let (fetched, document) = try await fetchAndParse(Self.rss(title), contentType: "application/rss+xml; charset=utf-8")
        #expect(fetched.charset == "utf-8")
        #expect(fetched.contentType == "application/rss+xml; charset=utf-8")
        #expect(document.title == "Café “quoted” — €5")
        #expect(document.warnings.contains { $0.contains("the HTTP charset says UTF-8") && $0.contains("read as Windows-1252") },
                "warnings: \(document.warnings)")
    }

    @Test(.timeLimit(.minutes(1)))
    func byteOrderMarkBeatsAWrongHTTPCharset() async throws {
        let body = [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8) + Self.rss(Array("Café 品维".utf8))
        let (_, document) = try await fetchAndParse(body, contentType: "text/xml; charset=ISO-8859-1")
        #expect(document.title == "Café 品维")
        #expect(document.warnings.contains { $0.contains("HTTP charset 'ISO-8859-1' ignored: the byte-order mark says UTF-8") },
                "warnings: \(document.warnings)")
    }

    @Test(.timeLimit(.minutes(1)))
    func httpCharsetBeatsTheDeclaration() async throws {
        let body = try [UInt8](Data(contentsOf: EncodingTableTests.folder.appendingPathComponent("http_charset_over_declaration.xml")))
        let (_, document) = try await fetchAndParse(body, contentType: "application/xml; charset=\"Big5\"")
        #expect(document.title == "品維客服太慢了：退款三週未到")
        #expect(document.warnings.isEmpty, "warnings: \(document.warnings)")
    }

    @Test(.timeLimit(.minutes(1)))
    func gb2312LabelIsReadAsGB18030() async throws {
        let body = try [UInt8](Data(contentsOf: EncodingTableTests.folder.appendingPathComponent("gbk_by_http_charset.xml")))
        let (_, document) = try await fetchAndParse(body, contentType: "text/xml;charset=GB2312")
        #expect(document.title == "品维客服太慢了：退款三周未到")
    }
}
