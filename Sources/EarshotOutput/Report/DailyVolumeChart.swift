import EarshotCore

/// An inline SVG bar chart of one brand's daily mentions, each bar stacked by polarity
/// (negative at the bottom, then neutral, then positive).
struct DailyVolumeChart {
    /// A document-unique id for the chart's `<title>` and `<desc>`.
    var id: String
    var brand: String
    /// One entry per day of the window, oldest first.
    var daily: [BrandDay]

    func svg() -> String {
        var frame = ChartFrame()
        frame.left = 40
        let first = daily.first.map { $0.day.description } ?? ""
        let last = daily.last.map { $0.day.description } ?? ""
        let total = daily.reduce(0) { $0 + $1.mentions }
        var out = frame.open(
            id: id, title: "\(brand): mentions per day by sentiment",
            description: "Stacked bars of positive, neutral and negative mentions per day from \(first) to \(last); \(total) mentions in all.")
        let scale = ChartFrame.countScale(max: daily.map(\.mentions).max() ?? 0)
        let y = { (value: Int) in frame.plotBottom - Double(value) / Double(scale.top) * frame.plotHeight }
        for tick in Swift.stride(from: 0, through: scale.top, by: scale.step) {
            out += frame.yTick(at: y(tick), label: String(tick), strong: tick == 0)
        }
        let band = frame.plotWidth / Double(max(1, daily.count))
        let barWidth = min(band * 0.72, 36)
        let center = { (index: Int) in frame.left + band * (Double(index) + 0.5) }
        for (index, day) in daily.enumerated() where day.mentions > 0 {
            let x = center(index) - barWidth / 2
            out += "<g><title>\(day.day): \(day.mentions) mentions — \(day.positive) positive, \(day.neutral) neutral, "
                + "\(day.negative) negative</title>"
            var base = 0
            for (count, color) in [(day.negative, ChartFrame.negative), (day.neutral, ChartFrame.neutral),
                                   (day.positive, ChartFrame.positive)] where count > 0 {
                let top = y(base + count)
                out += "<rect x=\"\(ChartFrame.n(x))\" y=\"\(ChartFrame.n(top))\" width=\"\(ChartFrame.n(barWidth))\" "
                    + "height=\"\(ChartFrame.n(y(base) - top))\" fill=\"\(color)\"/>"
                base += count
            }
            out += "</g>\n"
        }
        if total == 0 { out += frame.emptyMessage("No mentions in this window") }
        out += frame.dayLabels(daily.map(\.day), center: center)
        out += frame.legend([(ChartFrame.positive, "positive"), (ChartFrame.neutral, "neutral"),
                             (ChartFrame.negative, "negative")])
        return out + "</svg>"
    }
}
