import Foundation
import Testing
@testable import EarshotIngest

/// The dates feeds are written with, and what UTC instant each names (to the second).
struct FeedDateTests {
    static let rfc822: [(String, String)] = [
        // Named zones.
        ("Wed, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 12:00:00 UT", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 12:00:00 UTC", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 08:00:00 EST", "2024-05-01T13:00:00Z"),
        ("Wed, 01 May 2024 09:00:00 EDT", "2024-05-01T13:00:00Z"),
        ("Wed, 01 May 2024 04:00:00 PST", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 05:00:00 PDT", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 20:00:00 MYT", "2024-05-01T12:00:00Z"),
        ("wed, 01 may 2024 12:00:00 gmt", "2024-05-01T12:00:00Z"),
        // Numeric zones.
        ("Wed, 01 May 2024 12:00:00 +0000", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 20:00:00 +0800", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 07:30:00 -0430", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 20:00:00 +08:00", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 20:00:00 GMT+8", "2024-05-01T12:00:00Z"),
        // Military zones, as the military counts them (RFC 822 printed the signs reversed; RFC 1123 §5.2.14).
        ("Wed, 01 May 2024 12:00:00 Z", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 13:00:00 A", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 00:00:00 M", "2024-04-30T12:00:00Z"),
        ("Wed, 01 May 2024 11:00:00 N", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 00:00:00 Y", "2024-05-01T12:00:00Z"),
        // Missing pieces and common mistakes.
        ("Wed, 01 May 2024 12:00 GMT", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 2024 12:00:00", "2024-05-01T12:00:00Z"),
        ("Wed, 01 May 24 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z"),
        ("Mon, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Wednesday, 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Wed, 1 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Wed 01 May 2024 12:00:00 GMT", "2024-05-01T12:00:00Z"),
        ("Sun, 01 September 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"),
        ("Sun, 01 Sept 2024 12:00:00 GMT", "2024-09-01T12:00:00Z"),
        ("01 May 2024", "2024-05-01T00:00:00Z"),
        ("Thu, 29 Feb 2024 23:59:59 -0100", "2024-03-01T00:59:59Z"),
        // Malay month (and day) names.
        ("12 Ogos 2026", "2026-08-12T00:00:00Z"),
        ("Rabu, 12 Ogos 2026 10:00:00 +0800", "2026-08-12T02:00:00Z"),
        ("5 Mac 2025 09:15 MYT", "2025-03-05T01:15:00Z"),
        ("3 Mei 2024", "2024-05-03T00:00:00Z"),
        ("20 Julai 2024", "2024-07-20T00:00:00Z"),
        ("1 Disember 2025", "2025-12-01T00:00:00Z"),
    ]

    static let iso8601: [(String, String)] = [
        ("2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"),
        ("2024-05-01t12:00:00z", "2024-05-01T12:00:00Z"),
        ("2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00Z"),
        ("2024-05-01T12:00:59.999Z", "2024-05-01T12:00:59Z"),
        ("2024-05-01T12:00:00,5Z", "2024-05-01T12:00:00Z"),
        ("2024-05-01T20:00:00+08:00", "2024-05-01T12:00:00Z"),
        ("2024-05-01T20:00:00+0800", "2024-05-01T12:00:00Z"),
        ("2024-05-01T20:00:00+08", "2024-05-01T12:00:00Z"),
        ("2024-05-01T07:30:00-04:30", "2024-05-01T12:00:00Z"),
        ("2024-05-01T00:30:00.5+01:00", "2024-04-30T23:30:00Z"),
        ("2024-05-01T12:00Z", "2024-05-01T12:00:00Z"),
        ("2024-05-01T12:00", "2024-05-01T12:00:00Z"),
        ("2024-05-01 12:00:00", "2024-05-01T12:00:00Z"),
        ("2024-05-01 20:00:00+08:00", "2024-05-01T12:00:00Z"),
        ("2024-05-01", "2024-05-01T00:00:00Z"),
        ("2024-05", "2024-05-01T00:00:00Z"),
        ("20240501T120000Z", "2024-05-01T12:00:00Z"),
        ("20240501T200000+0800", "2024-05-01T12:00:00Z"),
        ("20240501", "2024-05-01T00:00:00Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"),
        ("  2024-05-01T12:00:00Z\n", "2024-05-01T12:00:00Z"),
    ]

    static let unreadable = [
        "", "   ", "yesterday", "not a date", "12:00:00", "1714567890", "May 2024",
        "2024-13-01", "2024-02-30", "2023-02-29", "2024-05-32T00:00:00Z", "2024-05-01T25:00:00Z",
        "2024-05-01T12:60:00Z", "2024-05-01T12", "2024-05-01T12:00:00+08:00 and more", "2024-05-01T12:00:00 XYZ",
        "Wed, 32 May 2024 12:00:00 GMT", "Wed, 01 Foo 2024 12:00:00 GMT", "Wed, 01 May 2024 12:00:00 XYZ",
        "Wed, 01 May 2024 12:xx:00 GMT", "31 Feb 2024",
    ]

    @Test(arguments: rfc822)
    func readsRFC822(_ text: String, _ expected: String) throws {
        let date = try #require(FeedDate.parse(text), "'\(text)' should be readable")
        #expect(ParsedFeed.iso(date) == expected)
    }

    @Test(arguments: iso8601)
    func readsISO8601(_ text: String, _ expected: String) throws {
        let date = try #require(FeedDate.parse(text), "'\(text)' should be readable")
        #expect(ParsedFeed.iso(date) == expected)
    }

    @Test(arguments: unreadable)
    func unreadableIsNil(_ text: String) {
        #expect(FeedDate.parse(text) == nil, "'\(text)' should not be read as \(FeedDate.parse(text).map(ParsedFeed.iso) ?? "")")
    }

    @Test func keepsFractionsOfASecond() throws {
        let date = try #require(FeedDate.parse("2024-05-01T12:00:00.25Z"))
        #expect(abs(date.timeIntervalSince1970 - 1_714_564_800.25) < 0.000_1)
    }
}
