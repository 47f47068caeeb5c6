import EarshotCore
import Testing
@testable import EarshotOutput

@Suite struct BrandReportWindowTests {
    @Test func dailyIsFilledToTheWindow() throws {
        var brand = ReportFixture.brand(ReportFixture.acme, competitors: [], trust: nil, fiveStars: nil, share: 1)
        let window = ReportFixture.window
        var outside = BrandDay(brand: brand.name, day: window.lowerBound.advanced(by: -1))
        outside.mentions = 99
        brand.daily = [brand.daily[3], outside, brand.daily[1]]
        let filled = brand.daily(over: window)
        #expect(filled.map(\.day) == Array(window))
        #expect(filled.map(\.mentions) == [0, 1, 0, 1, 0])
        #expect(filled.allSatisfy { $0.brand == ReportFixture.acme })
    }

    @Test func sparseDailyStillChartsEveryDay() throws {
        var report = ReportFixture.report()
        report.brands[0].daily = [report.brands[0].daily[4]]
        let html = try ReportFixture.text(HTMLReportWriter(), report)
        #expect(html.contains("Nov 16") && html.contains("Nov 20"))
        let markdown = try ReportFixture.text(MarkdownReportWriter(), report)
        #expect(markdown.contains("| 2026-11-16 | 0 | 0 | 0 | 0 | – |"))
    }
}
