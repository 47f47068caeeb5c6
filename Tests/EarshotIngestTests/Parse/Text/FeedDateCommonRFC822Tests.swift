import Foundation
import Testing
@testable import EarshotIngest

/// The byte-level reading of the common RFC 822 shape gives what the general reader gives.
struct FeedDateCommonRFC822Tests {
    @Test(arguments: [
        "Mon, 01 May 2024 10:00:00 +0000", "Tue, 1 May 2024 10:00 GMT", "Wed, 31 Dec 2025 23:59:59 -0500", "thu, 05 jan 2026 00:00:00 est",
        "Fri, 13 Feb 2026 12:30:15 +0530", "Sat, 29 Feb 2025 10:00:00 GMT", "Sun, 00 Mar 2026 10:00:00 PDT", "Mon, 01 May 2024 24:00:00 Z",
        "Mon, 01 May 2024 10:61:00 UT", "Mon, 01 May 2024 10:00:00", "Mon, 01 May 2024 10:00:00 A", "Mon, 01 May 2024 10:00:00 N",
        "MON, 01 MAY 2024 10:00:00 +1400", "Mon, 01 May 2024 10:00:60 CEST", "Mon, 32 May 2024 10:00:00 GMT",
    ])
    func commonShapeMatchesGeneralReader(_ text: String) throws {
        let common = try #require(FeedDate.commonRFC822(text), "not read as the common shape")
        #expect(common == FeedDate.rfc822(text))
    }

    @Test(arguments: [
        "Mon, 01 May 24 10:00:00 GMT", "Mon 01 May 2024 10:00:00 GMT", "Mon,  01 May 2024 10:00:00 GMT", "Monday, 01 May 2024 10:00 GMT",
        "Mon, 01 May 2024 10:00:00 GMT+8", "Mon, 01 May 2024 10:00:00 +05:30", "Mon, 01 May 2024 10:00:00 +0000 (UTC)", "May 1 2024",
        "Mon, 01 Mei 2024 10:00:00 GMT", "Mon, 01 May 2024 1:00:00 GMT", "Mon, 01 May 2024 10:00:00 XYZ", "Mon, 01 May 2024 10:00:00 Z.",
        "Mon, 01 Xyz 2024 10:00:00 GMT",
    ])
    func otherShapesGoToTheGeneralReader(_ text: String) {
        #expect(FeedDate.commonRFC822(text) == nil)
    }

    /// Every named zone the general reader knows, in upper and lower case, and names it does not
    /// know (longer than any it knows, or one letter off), read alike.
    @Test func everyNamedZoneMatchesGeneralReader() throws {
        let names = FeedDate.zoneOffsets.keys.filter { $0.allSatisfy(\.isLetter) }
        #expect(names.count > 30)
        for name in names + names.map({ $0.lowercased() }) {
            let text = "Mon, 01 May 2024 10:00:00 \(name)"
            let common = try #require(FeedDate.commonRFC822(text), "\(text)")
            #expect(common == FeedDate.rfc822(text), "\(text)")
            #expect(common != nil, "\(text)")
        }
        for name in ["CESTX", "AESTS", "GMTT", "ESU", "J", "ZZ"] {
            #expect(FeedDate.commonRFC822("Mon, 01 May 2024 10:00:00 \(name)") == nil, "\(name)")
        }
    }
}
