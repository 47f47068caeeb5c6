import Foundation
import Testing
@testable import EarshotIngest

/// The fixed-place reading of the usual ISO 8601 dates gives what the field-by-field reader gives.
struct FeedDateFixedISO8601Tests {
    /// Dates of both lengths with every separator the shape allows, zones of both signs and
    /// extremes, and fields out of range (no real instant: both answer nil), each read alike;
    /// then each of them with every byte replaced in turn by a digit, a letter, `Z`, `T`, a
    /// space, `:`, `-`, `+`, `.`, `,` and a byte past ASCII: wherever the fixed reading still
    /// answers, it answers as the field reader does.
    @Test func fixedPlacesReadAsFieldsDo() {
        let texts = [
            "2024-05-01T10:00:00Z", "2024-05-01t10:00:00z", "2024-05-01 10:00:00Z", "2026-01-01T00:10:31Z",
            "1999-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2025-02-29T12:00:00Z", "2024-13-01T00:00:00Z",
            "2024-00-10T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T25:00:00Z",
            "2024-05-01T10:60:00Z", "2024-05-01T10:00:60Z", "2024-05-01T10:00:61Z", "0999-05-01T10:00:00Z",
            "9999-12-31T23:59:59Z", "2024-05-01T10:00:00+05:30", "2024-05-01T10:00:00-05:00", "2024-05-01t10:00:00+00:00",
            "2024-05-01 10:00:00-12:00", "2024-05-01T10:00:00+14:00", "2024-05-01T10:00:00-00:30", "2024-05-01T10:00:00+99:99",
            "2026-01-01T08:21:02+08:00",
        ]
        let replacements = Array("7aZT :-+.,".utf8) + [0xC3, 0x80]
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let fixed = FeedDate.fixedISO8601(bytes: buffer)
                #expect(fixed != nil, "\(text): not read as the usual shape")
                #expect(fixed.flatMap { $0 } == FeedDate.scannedISO8601(bytes: buffer), "\(text)")
            }
            for place in bytes.indices {
                for replacement in replacements {
                    var changed = bytes
                    changed[place] = replacement
                    changed.withUnsafeBufferPointer { buffer in
                        if let fixed = FeedDate.fixedISO8601(bytes: buffer) {
                            #expect(fixed == FeedDate.scannedISO8601(bytes: buffer), "\(String(decoding: changed, as: UTF8.self))")
                        }
                    }
                }
            }
        }
    }

    /// The values themselves, against instants worked out by hand.
    @Test func readsTheInstant() {
        #expect(FeedDate.parse("2024-05-01T10:00:00Z") == Date(timeIntervalSince1970: 1_714_557_600))
        #expect(FeedDate.parse("2024-05-01T10:00:00+05:30") == Date(timeIntervalSince1970: 1_714_557_600 - 19_800))
        #expect(FeedDate.parse("2024-05-01 10:00:00-00:30") == Date(timeIntervalSince1970: 1_714_557_600 + 1_800))
        #expect(FeedDate.parse("2024-13-01T10:00:00Z") == nil)
    }

    /// Other shapes are the field reader's: fractions, no seconds, a bare date, other zone forms.
    @Test(arguments: [
        "2024-05-01T10:00:00.5Z", "2024-05-01T10:00Z", "2024-05-01", "20240501T100000Z", "2024-05-01T10:00:00+0530",
        "2024-05-01T10:00:00 Z", "2024-05-01T10:00:00UTC", "2024-05-01T10:00:00+05", "2024-05-01T1000:00Z",
    ])
    func otherShapesGoToTheFieldReader(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { #expect(FeedDate.fixedISO8601(bytes: $0) == nil, "\(text)") }
    }
}
