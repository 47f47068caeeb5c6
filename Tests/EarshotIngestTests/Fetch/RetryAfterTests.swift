import Foundation
import Testing
@testable import EarshotIngest

struct RetryAfterTests {
    /// 2024-05-01T00:00:00Z.
    let now = Date(timeIntervalSince1970: 1_714_521_600)

    @Test(arguments: [
        ("120", "2024-05-01T00:02:00Z"),
        (" 0 ", "2024-05-01T00:00:00Z"),
        ("999999", "2024-05-02T00:00:00Z"),                       // capped at 24 hours
        ("Wed, 01 May 2024 06:00:00 GMT", "2024-05-01T06:00:00Z"), // IMF-fixdate
        ("Wednesday, 01-May-24 06:00:00 GMT", "2024-05-01T06:00:00Z"), // RFC 850
        ("Wed May  1 06:00:00 2024", "2024-05-01T06:00:00Z"),      // asctime
        ("Tue, 30 Apr 2024 06:00:00 GMT", "2024-05-01T00:00:00Z"), // in the past: now
        ("Fri, 10 May 2024 06:00:00 GMT", "2024-05-02T00:00:00Z"), // capped
    ])
    func readsSecondsAndDates(_ header: String, _ expected: String) throws {
        let date = try #require(RetryAfter.date(header, now: now))
        #expect(RetryAfter.text(date) == expected)
    }

    @Test(arguments: ["", "soon", "-5", "1.5", "2024-05-01T06:00:00Z"])
    func unreadableIsNil(_ header: String) {
        #expect(RetryAfter.date(header, now: now) == nil)
    }
}
