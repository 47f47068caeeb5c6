import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct ChartFrameTests {
    @Test func countScaleIsRound() {
        #expect(ChartFrame.countScale(max: 0) == (4, 1))
        #expect(ChartFrame.countScale(max: 3) == (3, 1))
        #expect(ChartFrame.countScale(max: 17) == (20, 5))
        #expect(ChartFrame.countScale(max: 123) == (150, 50))
    }

    @Test(arguments: [1, 5, 7, 14, 30, 90])
    func dayLabelsNeverCrowdAndAlwaysNameTheLastDay(days: Int) {
        let last = Day(year: 2026, month: 11, day: 20)
        let window = (0..<days).map { last.advanced(by: $0 - days + 1) }
        let labels = ChartFrame().dayLabels(window, center: { Double($0) * 10 })
        let count = labels.components(separatedBy: "<text").count - 1
        #expect(count >= 1 && count <= 8)
        #expect(labels.contains(">Nov 20</text>"))
        // The last day's label ends at its tick, so the chart's right edge never clips it.
        if days > 1 {
            let x = ChartFrame.n(Double(days - 1) * 10 + 4)
            #expect(labels.contains("<text x=\"\(x)\" y=\"\(ChartFrame.n(ChartFrame().plotBottom + 15))\" text-anchor=\"end\""))
        }
    }

    @Test func openingIsAccessibleAndEscaped() {
        let svg = ChartFrame().open(id: "c1", title: "Bolt & Co <b>", description: "a \"quoted\" desc")
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"c1-title c1-desc\""))
        #expect(svg.contains("<title id=\"c1-title\">Bolt &amp; Co &lt;b&gt;</title>"))
        #expect(svg.contains("<desc id=\"c1-desc\">a &quot;quoted&quot; desc</desc>"))
    }

    @Test func coordinatesHaveAtMostOneDecimal() {
        #expect(ChartFrame.n(12) == "12")
        #expect(ChartFrame.n(12.345) == "12.3")
        #expect(ChartFrame.n(-0.04) == "0")
    }
}
