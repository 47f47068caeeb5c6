import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct MentionsCSVWriterTests {
    /// A strict RFC 4180 reader: records end with CRLF; quoted fields may hold commas,
    /// doubled quotes, CR and LF.
    static func records(_ text: String) throws -> [[String]] {
        var records = [[String]]()
        var record = [String]()
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                try #require(field.isEmpty, "a quote inside an unquoted field")
                quoted = true
            case ",":
                record.append(field); field = ""
            case "\r":
                try #require(scalars.popFirst() == "\n", "CR without LF outside quotes")
                record.append(field); field = ""
                records.append(record); record = []
            case "\n":
                Issue.record("bare LF outside quotes")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        try #require(!quoted, "unterminated quoted field")
        try #require(record.isEmpty && field.isEmpty, "the last record does not end with CRLF")
        return records
    }

    func rows() throws -> [[String]] { try Self.records(try ReportFixture.text(MentionsCSVWriter())) }

    @Test func headerIsTheContract() throws {
        let header = try #require(try rows().first)
        #expect(header == ["id", "day", "published_at", "brand", "source", "lang", "compound", "polarity", "rating",
                           "service", "experience", "title", "text", "url"])
    }

    @Test func roundTripsThroughAnRFC4180Reader() throws {
        let rows = try rows()
        #expect(rows.count == ReportFixture.mentions.count + 1)
        for row in rows { #expect(row.count == 14) }
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        let chinese = try #require(byID["m2"])
        #expect(chinese[12] == ReportFixture.chinese)
        #expect(chinese[11] == "差评")
        #expect(chinese[5] == "zh")
        #expect(chinese[13] == "https://example.com/r/2?a=1&b=2")
        #expect(try #require(byID["m5"])[12] == ReportFixture.multiline)
        #expect(try #require(byID["m4"])[12] == ReportFixture.malay)
        #expect(try #require(byID["m3"])[12] == ReportFixture.hostile)
        #expect(try #require(byID["b1"])[4] == "forum|x")
        #expect(try #require(byID["b1"])[3] == "Bolt & Co <b>")
    }

    @Test func valuesAreFormatted() throws {
        let rows = try rows()
        let first = try #require(rows.dropFirst().first)
        #expect(first[0] == "m1")
        #expect(first[1] == "2026-11-16")
        #expect(first[2] == "2026-11-16T09:01:01Z")
        #expect(first[6] == "0.7200")
        #expect(first[7] == "positive")
        #expect(first[8] == "5")
        #expect(first[9] == "0.7000")
        #expect(first[10] == "")
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        #expect(byID["m6"]?[8] == "4.5")
        #expect(byID["m5"]?[11] == "", "no title is an empty field")
        #expect(byID["b1"]?[8] == "", "no rating is an empty field")
    }

    @Test func formulaInjectionIsNeutralised() throws {
        let byID = Dictionary(uniqueKeysWithValues: try rows().dropFirst().map { ($0[0], $0) })
        #expect(byID["m3"]?[11] == "'" + ReportFixture.formulaTitle)
        #expect(byID["m6"]?[11] == "'@everyone")
        #expect(byID["m6"]?[12] == "'+1 would buy again")
        #expect(byID["b1"]?[12] == "'-5 stars if I could | worst")
        #expect(byID["b1"]?[6] == "-0.9000", "numeric columns keep their sign")
        #expect(byID["m5"]?[10] == "-0.3000")
        #expect(MentionsCSVWriter.neutralised("\tcmd") == "'\tcmd")
        #expect(MentionsCSVWriter.neutralised("a=b") == "a=b")
    }

    @Test func quotesOnlyWhenNeeded() {
        #expect(MentionsCSVWriter.quoted("plain") == "plain")
        #expect(MentionsCSVWriter.quoted("a,b") == "\"a,b\"")
        #expect(MentionsCSVWriter.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(MentionsCSVWriter.quoted("a\r\nb") == "\"a\r\nb\"")
    }

    @Test func emptyReportHasOnlyTheHeader() throws {
        let text = try ReportFixture.text(MentionsCSVWriter(), ReportFixture.emptyReport())
        #expect(text == MentionsCSVWriter.columns.joined(separator: ",") + "\r\n")
    }
}
