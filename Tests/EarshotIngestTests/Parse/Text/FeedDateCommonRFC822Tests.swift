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

    /// The fixed-place reading of the usual 31- and 29-byte dates answers as the field-by-field
    /// one wherever it answers: on dates of every day and month name (in three cases), zone sign,
    /// digit and three-letter name (known or not), and on each of them with every byte replaced in
    /// turn by a digit, a letter, a space, `:`, `,`, `+`, `-`, `@`, `[` and a byte past ASCII. It
    /// answers on every well-formed one with a known zone.
    @Test func fixedPlacesReadAsFieldsDo() {
        func zone(of text: String) -> Substring { text.split(separator: " ").last ?? "" }
        var texts: [String] = []
        let days = ["Mon", "tue", "WED", "Thu", "fri", "Sat", "SUN"]
        let months = ["Jan", "feb", "MAR", "Apr", "may", "Jun", "jul", "AUG", "Sep", "oct", "Nov", "DEC"]
        for (index, month) in months.enumerated() {
            let day = days[index % days.count]
            let date = String(format: "%02d", [0, 1, 9, 10, 28, 29, 30, 31, 32, 45, 99, 15][index])
            let year = ["2024", "2025", "1999", "0999", "2100", "9999"][index % 6]
            let zone = ["+0000", "-0500", "+0530", "-1200", "+1400", "-0030", "+9999", "GMT", "pdt", "Est", "UTC", "XYZ"][index]
            texts.append("\(day), \(date) \(month) \(year) \(["00", "09", "23", "24", "25"][index % 5]):\(["00", "59", "60"][index % 3]):\(["00", "59", "60", "61"][index % 4]) \(zone)")
        }
        texts += ["Tue, 05 Mar 2024 18:30:45 PDT", "fri, 20 dec 2024 01:02:03 est", "Wed, 10 Jul 2024 23:59:59 CDT", "Sun, 29 Feb 2032 07:08:09 MST"]
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(bytes.count == (zone(of: text).count == 3 ? 29 : 31))
            #expect(bytes.withUnsafeBufferPointer { FeedDate.fixedRFC822(bytes: $0) } != nil || zone(of: text) == "XYZ", "\(text)")
            for place in bytes.indices {
                for replacement in Array("7aZ :,+-@[".utf8) + [0xC3, 0x80] {
                    var changed = bytes
                    changed[place] = replacement
                    changed.withUnsafeBufferPointer { buffer in
                        if let fixed = FeedDate.fixedRFC822(bytes: buffer) {
                            #expect(fixed == FeedDate.fieldsRFC822(bytes: buffer), "\(String(decoding: changed, as: UTF8.self))")
                        }
                    }
                }
            }
            bytes.withUnsafeBufferPointer { #expect(FeedDate.fixedRFC822(bytes: $0) == FeedDate.fieldsRFC822(bytes: $0), "\(text)") }
        }
    }
}
