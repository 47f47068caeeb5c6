import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

/// Weekly figures, the trust trend, inhibited and resolved alerts in every report format.
@Suite struct TrendsReportTests {
    static func report() -> Report {
        var report = ReportFixture.report()
        var week = BrandWeek(brand: ReportFixture.acme, year: 2026, week: 47, start: Day(year: 2026, month: 11, day: 16))
        for day in report.brands[0].daily { week.add(day) }
        report.brands[0].weekly = [week]
        report.brands[0].trustTrend = TrustTrend(points: [
            .init(day: Day(year: 2026, month: 11, day: 19), value: 4.26, ratedReviews: 11),
            .init(day: Day(year: 2026, month: 11, day: 20), value: 4.1875, ratedReviews: 12),
        ], change30Days: -0.3125)
        var drop = Alert(brand: ReportFixture.acme, kind: .volumeDrop, aspect: nil, day: ReportFixture.asOf, episodeStart: ReportFixture.asOf,
                         title: "Acme: volume drop — 3 mentions where about 29 were expected (10%)", details: [])
        drop.inhibition = "inhibited: source 'forum|x' failed this run: HTTP 503"
        report.inhibited = [drop]
        var resolved = ReportFixture.alert
        resolved.status = .resolved
        resolved.title = "Acme: RESOLVED — negative spike in customer service (firing 2026-11-10 to 2026-11-12)"
        report.resolved = [resolved]
        return report
    }

    @Test func summaryJSONCarriesWeeksTrendAndTheLifecycle() throws {
        let data = try SummaryJSONWriter().render(Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let brands = try #require(object["brands"] as? [[String: Any]])
        let weekly = try #require(brands[0]["weekly"] as? [[String: Any]])
        #expect(weekly.count == 1)
        #expect(weekly[0]["week"] as? String == "2026-W47" && weekly[0]["start"] as? String == "2026-11-16")
        #expect(weekly[0]["days"] as? Int == 5 && weekly[0]["mentions"] as? Int == brands[0]["mentions"] as? Int)
        let trend = try #require(brands[0]["trustTrend"] as? [String: Any])
        #expect(trend["change30Days"] as? Double == -0.3125)
        #expect((trend["daily"] as? [[String: Any]])?.map { $0["value"] as? Double } == [4.26, 4.1875])
        #expect(brands[1]["trustTrend"] is NSNull)
        let inhibited = try #require((object["inhibited"] as? [[String: Any]])?.first)
        #expect(inhibited["kind"] as? String == "volume-drop")
        #expect(inhibited["inhibition"] as? String == "inhibited: source 'forum|x' failed this run: HTTP 503")
        #expect((object["resolved"] as? [[String: Any]])?.first?["status"] as? String == "resolved")
        #expect((object["alerts"] as? [[String: Any]])?.first?["status"] as? String == "firing")
    }

    @Test func markdownShowsTheWeekTableTrendAndLifecycle() throws {
        let text = try ReportFixture.text(MarkdownReportWriter(), Self.report())
        #expect(text.contains("### Inhibited (not sent)\n\n- Acme: volume drop"))
        #expect(text.contains("failed this run: HTTP 503\n"))
        #expect(text.contains("### Resolved\n\n- Acme: RESOLVED — negative spike in customer service"))
        #expect(text.contains("Trust trend: 4.2 on 2026-11-20, -0.31 in 30 days (4.3 on 2026-11-19).\n"))
        #expect(text.contains("| Week | Days | Mentions |"))
        #expect(text.contains("| 2026-W47 | 5 |"))
    }

    @Test func htmlDrawsTheTrustChartAndListsTheInhibitedAlert() throws {
        let html = try ReportFixture.text(HTMLReportWriter(), Self.report())
        #expect(html.contains("<h2>Inhibited alerts (not sent)</h2>"))
        #expect(html.contains("inhibited: source &#39;forum|x&#39; failed this run") || html.contains("inhibited: source 'forum|x' failed this run"))
        #expect(html.contains("Trust score per day (-0.31 in 30 days)"))
        #expect(html.contains("id=\"trust-0") && html.contains("trust score 4.19 from 12 rated reviews"))
        #expect(html.contains("<td>2026-W47</td><td>5</td>"))
    }

    @Test func trendsCSVHasAWeekRowAndTrustRows() throws {
        let csv = try ReportFixture.text(TrendsCSVWriter(), Self.report())
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == TrendsCSVWriter.columns.joined(separator: ","))
        #expect(lines[1].hasPrefix("Acme,week,2026-W47,2026-11-16,5,"))
        #expect(lines[2] == "Acme,trust,2026-11-19,2026-11-19,1,,,,,,,,,,4.2600,11,")
        #expect(lines[3] == "Acme,trust,2026-11-20,2026-11-20,1,,,,,,,,,,4.1875,12,-0.3125")
        #expect(lines.count == 5 && lines[4].isEmpty, "Bolt has no weeks or ratings in this report; CRLF after the last record")
        #expect(ReportPublisher.standardWriters.map(\.fileName).contains("trends.csv"))
    }
}
