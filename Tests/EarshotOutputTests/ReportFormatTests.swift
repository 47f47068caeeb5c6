import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct ReportFormatTests {
    @Test(arguments: [(0.0, "0%"), (0.004, "0.4%"), (0.6667, "67%"), (1.0, "100%"), (Double.nan, "–")])
    func percent(fraction: Double, text: String) {
        #expect(ReportFormat.percent(fraction) == text)
    }

    @Test(arguments: [(4.5, "★★★★½"), (3.0, "★★★☆☆"), (0.0, "☆☆☆☆☆"), (5.0, "★★★★★"), (1.5, "★½☆☆☆")])
    func starGlyphs(stars: Double, text: String) {
        #expect(ReportFormat.starGlyphs(stars) == text)
    }

    @Test func compoundHasASignAndNoNegativeZero() {
        #expect(ReportFormat.compound(0.4123) == "+0.412")
        #expect(ReportFormat.compound(-0.08) == "-0.080")
        #expect(ReportFormat.compound(-0.0001) == "0.000")
        #expect(ReportFormat.compound(0) == "0.000")
    }

    @Test func datesAreUTC() {
        let date = Day(year: 2026, month: 11, day: 14).start.addingTimeInterval(8 * 3600 + 30 * 60 + 5)
        #expect(ReportFormat.iso8601(date) == "2026-11-14T08:30:05Z")
        #expect(ReportFormat.timestamp(date) == "2026-11-14 08:30 UTC")
        #expect(ReportFormat.shortDay(Day(year: 2026, month: 1, day: 3)) == "Jan 3")
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "//evil.example", "", "mailto:a@b.c"])
    func unsafeLinksAreDropped(link: String) {
        #expect(ReportFormat.safeLink(link) == nil)
    }

    @Test func webLinksAreKept() {
        #expect(ReportFormat.safeLink("https://example.com/a?b=1&c=2") == "https://example.com/a?b=1&c=2")
        #expect(ReportFormat.safeLink(" http://example.com/ ") == "http://example.com/")
    }

    @Test func oneLineCollapsesAndCuts() {
        #expect(ReportFormat.oneLine("a  b\t c") == "a b c")
        #expect(ReportFormat.oneLine("Refund failed\n\n Got the\r\n\temail") == "Refund failed — Got the — email")
        #expect(ReportFormat.oneLine("Fine,\nbut slow.\nAgain!\n客服太差了。\n退款") == "Fine, but slow. Again! 客服太差了。 退款")
        #expect(ReportFormat.oneLine("abcdefghij", limit: 5) == "abcd…")
        #expect(ReportFormat.oneLine("客服太差了", limit: 3) == "客服…")
    }
}
