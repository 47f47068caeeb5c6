import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct HTMLReportWriterTests {
    func html(_ report: Report = ReportFixture.report()) throws -> String { try ReportFixture.text(HTMLReportWriter(), report) }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func escapesHostileText() throws {
        let html = try html()
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; terrible &amp; &quot;awful&quot;"))
        #expect(html.contains("Bolt &amp; Co &lt;b&gt;"))
        #expect(!html.contains("<b>down</b>"))
        #expect(html.contains("&lt;check it&gt;"), "notes are escaped")
    }

    @Test func linksOnlyToHTTP() throws {
        let html = try html()
        #expect(!html.contains("javascript:"))
        #expect(html.contains("href=\"https://example.com/r/2?a=1&amp;b=2\""))
    }

    @Test func hasOneAccessibleSVGPerChart() throws {
        let html = try html()
        let report = ReportFixture.report()
        #expect(count("<svg", in: html) == report.brands.count * 2 + 1)
        #expect(count("</svg>", in: html) == count("<svg", in: html))
        let charts = html.components(separatedBy: "<svg").dropFirst()
        for chart in charts {
            #expect(chart.contains("role=\"img\""))
            #expect(chart.contains("<title id="))
            #expect(chart.contains("<desc id="))
        }
        #expect(html.contains("Nov 16") && html.contains("Nov 20"), "the x axis is labelled with dates")
    }

    @Test func isSelfContained() throws {
        let html = try html()
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src="] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test func tagsAreBalanced() throws {
        let html = try html()
        for tag in ["section", "article", "table", "tr", "svg", "g", "figure", "ul", "blockquote", "div", "span", "a"] {
            #expect(count("<\(tag)>", in: html) + count("<\(tag) ", in: html) == count("</\(tag)>", in: html), "<\(tag)>")
        }
    }

    @Test func showsTheValues() throws {
        let html = try html()
        #expect(html.contains("2026-11-20"))
        #expect(html.contains("2026-11-16 → 2026-11-20 (5 days)"))
        #expect(html.contains(">4.2<"))
        #expect(html.contains("width:80%"), "4 stars fill four fifths of the star row")
        #expect(html.contains("3 five-star reviews to reach the next half star"))
        #expect(html.contains("67%"), "share of voice")
        #expect(html.contains(ReportFixture.chinese))
        #expect(html.contains(ReportFixture.malay))
        #expect(html.contains("Negative spike"))
        #expect(html.contains("p = 0.003 &lt; 0.01"))
        #expect(html.contains("no rated reviews yet"))
        #expect(html.contains("<tr class=\"failed\"><th scope=\"row\" class=\"nowrap\">forum|x</th><td><span class=\"badge fail\">FAILED</span>"))
        #expect(html.contains("2026-11-17 06:00 UTC"), "last success of the failing source")
        #expect(html.contains(">Service<") && html.contains(">Experience<"))
        #expect(html.contains("-0.133"), "service mean compound")
    }

    @Test func listsLatestNegativeMentionsNewestFirst() throws {
        let html = try html()
        let table = try #require(html.components(separatedBy: "id=\"negative\"").last)
        let order = ["2026-11-20 09:01", "2026-11-19 09:01", "2026-11-18 09:01", "2026-11-17 09:01", "2026-11-16 11:01"]
        let positions = try order.map { try #require(table.range(of: $0)?.lowerBound) }
        #expect(positions == positions.sorted())
        #expect(!table.contains("Love it"), "positive mentions are not listed")
    }

    @Test func rendersAnEmptyReport() throws {
        let html = try html(ReportFixture.emptyReport())
        #expect(html.contains("No alerts in this run."))
        #expect(html.contains("No mentions in this window"))
        #expect(html.contains("No negative mentions in the window."))
        #expect(count("<svg", in: html) == 3)
    }
}
