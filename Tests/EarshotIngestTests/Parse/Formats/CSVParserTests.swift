import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// RFC 4180 CSV exports mapped to items.
struct CSVParserTests {
    let mapping = CSVMapping(id: "ticket_id", text: "comment", title: "subject", rating: "rating", published: "created_at", author: "customer")

    func parse(_ text: String, mapping: CSVMapping? = nil) throws -> FeedDocument {
        try CSVParser(mapping: mapping ?? self.mapping).parse(Array(text.utf8), path: "exports/tickets.csv")
    }

    @Test func quotedFieldsWithCommasDoubledQuotesAndNewlines() throws {
        let csv = #"""
        ticket_id,subject,comment,rating,created_at,customer
        T-1,Refund,"Slow, but they fixed it",4,2024-05-01T10:00:00+08:00,Ann
        T-2,"Say ""hi""","She said ""great"" twice",5,2024-05-02,"Lee, Bob"
        T-3,Multi-line,"Line one
        Line two, still the same field",2,Wed 01 May 2024 12:00:00 GMT,Cy
        T-4,Empty rating,Fine,,,
        """#
        let document = try parse(csv)
        #expect(document.format == .csv)
        #expect(document.warnings.isEmpty, "\(document.warnings)")
        try #require(document.items.count == 4)
        let items = document.items
        #expect(items[0].id == "T-1")
        #expect(items[0].title == "Refund")
        #expect(items[0].content == "Slow, but they fixed it")
        #expect(items[0].rating == 4)
        #expect(items[0].published.map(ParsedFeed.iso) == "2024-05-01T02:00:00Z")
        #expect(items[0].author == "Ann")
        #expect(items[1].title == "Say \"hi\"")
        #expect(items[1].content == "She said \"great\" twice")
        #expect(items[1].author == "Lee, Bob")
        #expect(items[2].content == "Line one\nLine two, still the same field")
        #expect(items[2].published.map(ParsedFeed.iso) == "2024-05-01T12:00:00Z")
        #expect(items[3].rating == nil)
        #expect(items[3].published == nil)
        #expect(items[3].author == nil)
    }

    @Test func crlfLineEndingsAndByteOrderMark() throws {
        let csv = "\u{FEFF}ticket_id,comment\r\nT-1,\"first\"\r\nT-2,second\r\n"
        let document = try parse(csv, mapping: CSVMapping(id: "ticket_id", text: "comment"))
        #expect(document.items.map(\.id) == ["T-1", "T-2"])
        #expect(document.items.map(\.content) == ["first", "second"])
        #expect(document.warnings.isEmpty)
    }

    @Test func headerNamesMatchIgnoringCaseAndSpaces() throws {
        let document = try parse("Ticket_ID , COMMENT\nT-9,ok\n", mapping: CSVMapping(id: "ticket_id", text: "Comment"))
        #expect(document.items.map(\.id) == ["T-9"])
    }

    @Test func otherDelimiter() throws {
        let document = try parse("id;text\n1;\"a;b\"\n", mapping: CSVMapping(id: "id", text: "text", delimiter: ";"))
        #expect(document.items.map(\.content) == ["a;b"])
    }

    @Test func missingMappedColumnIsAnErrorNamingIt() {
        let mapping = CSVMapping(id: "ticket_id", text: "comment", rating: "stars")
        let error = #expect(throws: EarshotError.self) {
            try parse("ticket_id,comment,rating\nT-1,ok,5\n", mapping: mapping)
        }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("'stars'") == true, "\(String(describing: error))")
        #expect(error?.message.contains("exports/tickets.csv:1") == true, "\(String(describing: error))")
    }

    @Test func unterminatedQuoteIsAnErrorNamingTheLine() {
        let csv = "ticket_id,comment\nT-1,fine\nT-2,\"never closed\nT-3,swallowed\n"
        let error = #expect(throws: EarshotError.self) { try parse(csv, mapping: CSVMapping(id: "ticket_id", text: "comment")) }
        #expect(error?.code == .parse)
        #expect(error?.message.contains("exports/tickets.csv:3:") == true, "\(String(describing: error))")
    }

    @Test func shortRowIsSkippedWithAWarningNamingItsLine() throws {
        let csv = """
        ticket_id,comment,rating
        T-1,"two
        lines",5
        T-2,short
        T-3,fine,3
        """
        let document = try parse(csv, mapping: CSVMapping(id: "ticket_id", text: "comment", rating: "rating"))
        #expect(document.items.map(\.id) == ["T-1", "T-3"])
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.hasPrefix("exports/tickets.csv:4:") == true, "\(document.warnings)")
    }

    @Test func unreadableRatingAndDateAreWarningsNotErrors() throws {
        let csv = "id,text,rating,date\n1,ok,eleven,someday\n2,ok,7,2024-05-01\n"
        let document = try parse(csv, mapping: CSVMapping(id: "id", text: "text", rating: "rating", published: "date"))
        #expect(document.items.count == 2)
        #expect(document.items.map(\.rating) == [nil, nil])
        #expect(document.items[0].publishedText == "someday")
        #expect(document.items[0].published == nil)
        #expect(document.warnings.count == 3, "\(document.warnings)")
        #expect(document.warnings.allSatisfy { $0.hasPrefix("exports/tickets.csv:2:") || $0.hasPrefix("exports/tickets.csv:3:") })
    }

    @Test func blankLinesAreIgnoredAndRowsWithoutIdGetTheirLine() throws {
        let document = try parse("comment\nfirst\n\nsecond\n", mapping: CSVMapping(text: "comment"))
        #expect(document.items.map(\.id) == ["line-2", "line-4"])
        #expect(document.warnings.isEmpty)
    }

    @Test func emptyFileIsAnError() {
        let error = #expect(throws: EarshotError.self) { try parse("", mapping: CSVMapping(text: "comment")) }
        #expect(error?.code == .parse)
    }
}
