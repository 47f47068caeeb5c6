import EarshotIngest
import Foundation
import Testing
@testable import EarshotCLI

/// ``FeedJSONWriter/appendISO(_:to:)``, which writes a date's digits straight into the output's
/// storage, against known dates (past both ends of four-digit years) and against Foundation's
/// Gregorian calendar from 1600 to 9999.
struct FeedJSONWriterISOTests {
    @Test func knownDates() {
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: 1_794_299_400.9)) == "2026-11-10T08:30:00Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: 253_402_300_799)) == "9999-12-31T23:59:59Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: 253_402_300_800)) == "10000-01-01T00:00:00Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: -62_167_219_200)) == "0000-01-01T00:00:00Z")
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: -62_167_219_201)) == "-1-12-31T23:59:59Z")
    }

    /// Every date from 1600 to 9999 in steps of a few months (a different time of day each time)
    /// against Foundation's Gregorian calendar in UTC, an independent implementation (which turns
    /// Julian before 1582, so the sweep starts after that; ``knownDates()`` covers the ends).
    @Test func matchesFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var seconds = -11_676_096_000  // 1600-01-01
        var checked = 0
        while seconds < 253_402_300_800 {  // 10000-01-01
            let date = Date(timeIntervalSince1970: Double(seconds))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(ParseFeedCommand.iso(date) == expected, "\(seconds)")
            seconds += 7_777_777 + seconds % 86_400
            checked += 1
        }
        #expect(checked > 30_000)
    }

    /// One kept day across dates in turn, as a feed's writer keeps it: each date is written as
    /// with no kept day, whether it falls on the day before it (the ten bytes copied), on another
    /// day, or in a year of no four digits (never kept), rounding down past zero included.
    @Test func keptDayWritesWhatAFreshOneWrites() {
        let seconds: [Double] = [
            0, 59, 86_399, 86_400, 86_399, -1, -0.5, -86_400.5, 253_402_300_799, 253_402_300_800, 253_402_300_799,
            -62_167_219_201, -62_167_219_201, 1_794_299_400.9, 1_794_299_401, 1_794_250_000, 1_794_299_400.9,
        ]
        var day = FeedJSONWriter.ISODay()
        let output = TextOutput(capacity: 8)
        for value in seconds {
            let date = Date(timeIntervalSince1970: value)
            let start = output.count
            FeedJSONWriter.appendISO(date, to: output, day: &day)
            let written = String(decoding: UnsafeBufferPointer(rebasing: output.bytes[start...]), as: UTF8.self)
            #expect(written == ParseFeedCommand.iso(date), "\(value)")
        }
        #expect(ParseFeedCommand.iso(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }
}
