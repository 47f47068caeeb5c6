import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// The encoding table: every document under `Fixtures/encodings/` (written by
/// `make_fixtures.py`, whose Python codecs are the reference encoder), parsed through
/// ``DocumentParser`` with the HTTP charset `cases.json` gives it, must give exactly the titles
/// Python encoded, and exactly the warning the case expects (or none).
struct EncodingTableTests {
    struct Case: Decodable, Sendable, CustomStringConvertible {
        var file: String
        var charset: String?
        var title: String?
        var itemTitle: String
        var warning: String?
        var kind: String
        var description: String { file }
    }

    static var folder: URL {
        get throws { try GoldenFixture.folder.appendingPathComponent("encodings") }
    }

    static func load() throws -> [Case] {
        let data = try Data(contentsOf: try folder.appendingPathComponent("cases.json"))
        return try JSONDecoder().decode([Case].self, from: data)
    }

    /// Empty when `cases.json` is missing or broken, which ``everyFixtureIsInTheTable()`` reports.
    static let cases: [Case] = (try? load()) ?? []

    @Test(arguments: cases)
    func decodesTheTitlesExactly(_ fixture: Case) throws {
        let bytes = [UInt8](try Data(contentsOf: try EncodingTableTests.folder.appendingPathComponent(fixture.file)))
        let path = "fixtures/encodings/\(fixture.file)"
        let source = fixture.kind == "csv"
            ? SourceConfig(id: fixture.file, url: path, format: .csv,
                           csv: CSVMapping(id: "id", text: "comment", title: "subject", delimiter: fixture.file.contains("utf16") ? "\t" : ","))
            : SourceConfig(id: fixture.file, url: path)
        let fetched = FetchedDocument(source: fixture.file, bytes: bytes, finalURL: path, charset: fixture.charset,
                                      fetchedAt: Date(timeIntervalSince1970: 1_714_521_600))
        let document = try DocumentParser().parse(fetched, source: source)
        #expect(document.title == fixture.title)
        let item = try #require(document.items.first, "no item read")
        #expect(item.title == fixture.itemTitle)
        #expect(document.illFormed == false, "flagged ill-formed: \(document.warnings)")
        let encodingWarnings = document.warnings.filter { $0.hasPrefix(path + ":") }
        if let expected = fixture.warning {
            #expect(encodingWarnings.count == 1 && encodingWarnings[0].contains(expected),
                    "expected one warning containing '\(expected)', got \(document.warnings)")
        } else {
            #expect(encodingWarnings.isEmpty, "unexpected warnings: \(encodingWarnings)")
        }
    }

    @Test func everyFixtureIsInTheTable() throws {
        let table = try EncodingTableTests.load()
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: try EncodingTableTests.folder.path)
            .filter { !$0.hasSuffix(".py") && $0 != "cases.json" }
        #expect(Set(onDisk) == Set(table.map(\.file)), "run make_fixtures.py again: files and cases.json disagree")
        #expect(table.count >= 30)
    }

    @Test func precedenceFollowsRFC7303() {
        let declaredLatin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>".utf8)
        // The byte-order mark beats the HTTP charset, which beats the declaration, which beats the default.
        #expect(EncodingSniffer.decide([0xEF, 0xBB, 0xBF] + declaredLatin1, charset: "gbk").encoding == .utf8)
        #expect(EncodingSniffer.decide([0xEF, 0xBB, 0xBF] + declaredLatin1, charset: "gbk").evidence == .byteOrderMark)
        #expect(EncodingSniffer.decide(declaredLatin1, charset: "gbk").encoding == .gb18030)
        #expect(EncodingSniffer.decide(declaredLatin1, charset: nil).encoding == .windows1252)
        #expect(EncodingSniffer.decide(declaredLatin1, charset: nil).evidence == .declaration)
        #expect(EncodingSniffer.decide(Array("<rss/>".utf8), charset: nil).evidence == .utf8Default)
        // An unknown label is ignored, with a note.
        let unknown = EncodingSniffer.decide(Array("<rss/>".utf8), charset: "x-no-such-charset")
        #expect(unknown.encoding == .utf8 && unknown.notes.count == 1)
    }

    @Test(arguments: [
        ("latin1", "WINDOWS-1252"), ("US-ASCII", "WINDOWS-1252"), ("GB2312", "GB18030"), ("gbk", "GB18030"),
        ("Big5", "BIG5-HKSCS"), ("\"utf-8\"", "UTF-8"), ("Shift_JIS", "CP932"), ("ebcdic-cp-us", "IBM037"),
        // Python's codec spellings, as feedparser's tests write them.
        ("windows_1251", "WINDOWS-1251"), ("ebcdic_cp_be", "IBM500"), ("cp_is", "CP861"), ("maclatin2", "MAC-CENTRALEUROPE"),
        ("cp875", "IBM875"), ("maciceland", "MACICELAND"), ("x-mac-greek", "MACGREEK"), ("macturkish", "MACTURKISH"),
    ])
    func labelsAreMappedAsBrowsersMapThem(_ label: String, _ name: String) {
        #expect(TextEncoding.labelled(label)?.name == name)
    }

    @Test(arguments: ["GB18030", "BIG5-HKSCS", "IBM037", "IBM500", "UTF-16LE", "UTF-32BE", "CP932", "MACINTOSH", "CP437",
                      "CP861", "MAC-CENTRALEUROPE", "MAC-CYRILLIC", "IBM875", "WINDOWS-1251", "MACICELAND", "MACGREEK", "MACTURKISH"])
    func iconvKnowsTheEncodings(_ name: String) {
        #expect(Transcoder.supports(TextEncoding(name: name)))
    }

    @Test(arguments: [
        [UInt8](), [0xFF], [0xFE], [0x00], [0x3C, 0x00], [0x00, 0x3C, 0x00], [0x4C, 0x6F, 0xA7, 0x94], [0xC3],
        [0xF4, 0x90, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0xAF], [0xFF, 0xFE, 0x00, 0xD8], [0x84, 0x31, 0x95],
    ])
    func neverCrashesOnShortOrBrokenInput(_ bytes: [UInt8]) {
        for charset in [nil, "utf-8", "utf-16", "gb18030", "big5", "ibm037", "utf-32"] as [String?] {
            let decoded = EncodingSniffer.decode(bytes, charset: charset, path: "x")
            // Whatever came in, what goes out is valid UTF-8.
            #expect(Transcoder.scanUTF8(decoded.bytes).isValid)
        }
    }

    @Test func invalidUTF8IsReplacedPerMaximalSubpart() {
        // "a", a truncated 3-byte sequence, "b": one U+FFFD for the two bytes (Unicode's best practice).
        let repaired = Transcoder.repairUTF8([0x61, 0xE2, 0x82, 0x62])
        #expect(String(decoding: repaired.utf8, as: UTF8.self) == "a\u{FFFD}b")
        #expect(repaired.invalidCount == 1 && repaired.firstInvalid == 1)
    }
}
