import Foundation
import Testing
@testable import EarshotCLI

/// ``FeedJSONWriter/appendISO(_:to:)``, which writes a date's digits straight into the output's
/// storage, against known dates and against a byte-by-byte writer of the same civil-date rule,
/// across four centuries and past both ends of four-digit years.
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

    @Test func matchesByteByByteWriter() {
        var seconds = -62_200_000_000
        while seconds < 253_500_000_000 {
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(ParseFeedCommand.iso(date) == Self.reference(seconds), "\(seconds)")
            seconds += 7_777_777 + seconds % 86_400
        }
    }

    /// The same rule (Howard Hinnant's civil_from_days), a byte at a time.
    static func reference(_ seconds: Int) -> String {
        var days = seconds / 86_400, rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { String(value / 10) + String(value % 10) }
        let yearText = year < 0 || year > 9999 ? String(year) : two(year / 100) + two(year % 100)
        return yearText + "-" + two(month) + "-" + two(day) + "T" + two(rest / 3600) + ":" + two(rest % 3600 / 60) + ":" + two(rest % 60) + "Z"
    }
}
