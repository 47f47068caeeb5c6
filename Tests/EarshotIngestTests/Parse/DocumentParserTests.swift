import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// The golden fixtures (`Fixtures/name.{xml,json,html}` + `name.expected.json`), each parsed
/// through ``DocumentParser`` and compared field by field with DESIGN.md's parse-feed contract;
/// plus content sniffing.
struct DocumentParserTests {
    /// Every golden pair; a name without its files fails, and a pair missing here fails ``everyFixtureIsListed()``.
    static let fixtures = [
        "rss20_basic", "rss091_netscape", "rss092", "rss10_rdf", "rss090", "rss_version_missing", "rss_root_-_userland_namespace",
        "atom10_basic", "atom03", "atom_unknown_namespace", "atom10_xml_base_relative_links",
        "item_author_-_email_name", "item_author_-_dc_creator",
        "item_link_-_permalink_guid", "item_link_-_atom_alternate", "item_id_-_rdf_about",
        "item_published_-_dcterms_issued",
        "item_content_-_content_encoded", "item_content_-_atom_xhtml", "item_content_-_atom_text_is_literal",
        "item_title_-_cdata_and_entities",
        "appstore_im_rating", "jsonfeed11", "jsonfeed10_author",
        "reviewpage_jsonld_graph", "reviewpage_jsonld_array_itemreviewed", "reviewpage_microdata_10_point_scale",
        "illformed_unclosed_tags_recovered",
        // Rules found by comparing with feedparser on feeds written by others (bench/feedparser_agreement.py --corpus).
        "item_author_-_name_then_email_in_parentheses", "item_author_-_dc_author_and_itunes_namespace_case",
        "item_author_-_rss_author_with_name_child", "item_link_-_only_the_items_own_link",
        "item_link_-_relative_permalink_guid_under_xml_base", "item_title_-_media_title", "feed_title_-_dc_title",
        "entry_id_-_only_the_entrys_own_children", "item_title_-_atom_base64", "entry_link_-_http_id_when_no_link",
        "illformed_undeclared_itunes_prefix",
    ]

    @Test(arguments: fixtures)
    func golden(_ name: String) throws {
        let fixture = try GoldenFixture(named: name)
        let document = try DocumentParser().parse(fixture.fetched, source: fixture.source)
        let actual = ParsedFeed(document)
        let expected = fixture.expected

        #expect(actual.format == expected.format, "format")
        #expect(actual.title == expected.title, "title")
        #expect(actual.link == expected.link, "link")
        #expect(actual.items.count == expected.items.count, "number of items")
        for (index, (got, want)) in zip(actual.items, expected.items).enumerated() {
            let at = "item \(index + 1)"
            #expect(got.id == want.id, "\(at) id")
            #expect(got.title == want.title, "\(at) title")
            #expect(got.link == want.link, "\(at) link")
            #expect(got.published == want.published, "\(at) published")
            #expect(got.updated == want.updated, "\(at) updated")
            #expect(got.author == want.author, "\(at) author")
            #expect(got.summary == want.summary, "\(at) summary")
            #expect(got.content == want.content, "\(at) content")
            #expect(got.rating == want.rating, "\(at) rating")
        }
        if actual != expected { Issue.record("\(name): the parser gave\n\(actual)") }

        // Only the ill-formed fixtures may be flagged as recovered, and they must be, with a warning that points at a line.
        let illFormed = name.hasPrefix("illformed")
        #expect(document.illFormed == illFormed, "illFormed")
        if illFormed {
            let warning = try #require(document.warnings.first)
            #expect(warning.hasPrefix("fixtures/\(fixture.input.lastPathComponent):"), "warning names the file and line: \(warning)")
        }
    }

    @Test func everyFixtureIsListed() throws {
        let onDisk = try GoldenFixture.allNames()
        #expect(Set(onDisk) == Set(DocumentParserTests.fixtures),
                "on disk but not tested: \(Set(onDisk).subtracting(DocumentParserTests.fixtures).sorted()); listed but missing: \(Set(DocumentParserTests.fixtures).subtracting(onDisk).sorted())")
        #expect(DocumentParserTests.fixtures.count == Set(DocumentParserTests.fixtures).count, "a fixture is listed twice")
    }

    @Test(arguments: [
        ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", DocumentParser.Kind.json),
        ("\u{FEFF}  \n<?xml version=\"1.0\"?><rss version=\"2.0\"/>", .xml),
        ("<rss version=\"2.0\"><channel/></rss>", .xml),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", .xml),
        ("<!DOCTYPE html><html><head></head></html>", .html),
        ("<HTML><body>reviews</body></HTML>", .html),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\"><html xmlns=\"http://www.w3.org/1999/xhtml\">", .html),
        ("<?xml version=\"1.0\"?><!-- <html> in a comment --><rss version=\"2.0\"/>", .xml),
        ("   \n\t ", .empty),
    ])
    func sniffsByContent(_ text: String, _ kind: DocumentParser.Kind) {
        #expect(DocumentParser.sniff(Array(text.utf8)) == kind)
    }

    @Test func emptyDocumentIsAParseError() {
        let source = SourceConfig(id: "empty", url: "feeds/empty.xml")
        let error = #expect(throws: EarshotError.self) {
            try DocumentParser().parse(FetchedDocument(source: "empty", bytes: [], finalURL: "feeds/empty.xml", fetchedAt: Date()), source: source)
        }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("feeds/empty.xml") == true)
    }

    @Test func reviewsFormatForcesThePageReader() throws {
        // A page that starts like XML is still read as a review page when the source says so.
        let page = """
        <?xml version="1.0"?><html><head><title>Shop</title><script type="application/ld+json">
        {"@type": "Review", "reviewBody": "Good.", "reviewRating": {"ratingValue": "4"}}</script></head></html>
        """
        let source = SourceConfig(id: "shop", url: "shop.html", format: .reviews)
        let document = try DocumentParser().parse(FetchedDocument(source: "shop", bytes: Array(page.utf8), finalURL: "shop.html", fetchedAt: Date()), source: source)
        #expect(document.format == .reviewPage)
        #expect(document.items.map(\.rating) == [4])
    }

    @Test func csvSourceWithoutMappingIsAConfigurationError() {
        let source = SourceConfig(id: "tickets", url: "tickets.csv", format: .csv)
        let error = #expect(throws: EarshotError.self) {
            try DocumentParser().parse(FetchedDocument(source: "tickets", bytes: Array("a,b\n".utf8), finalURL: "tickets.csv", fetchedAt: Date()), source: source)
        }
        #expect(error?.code == .configuration)
    }
}
