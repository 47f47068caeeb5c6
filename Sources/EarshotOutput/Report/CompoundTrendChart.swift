import EarshotCore

/// An inline SVG line chart of one brand's daily mean compound score on a fixed −1…+1 axis,
/// with the neutral band (±0.05) shaded. Days without mentions break the line rather than
/// pretending to be neutral.
struct CompoundTrendChart {
    /// A document-unique id for the chart's `<title>` and `<desc>`.
    var id: String
    var brand: String
    /// One entry per day of the window, oldest first.
    var daily: [BrandDay]

    func svg() -> String {
        let frame = ChartFrame()
        let first = daily.first.map { $0.day.description } ?? ""
        let last = daily.last.map { $0.day.description } ?? ""
        var out = frame.open(
            id: id, title: "\(brand): mean sentiment (compound) per day",
            description: "Line of the mean compound score, from −1 (negative) to +1 (positive), per day from \(first) to \(last); days without mentions are left blank.")
        let y = { (value: Double) in frame.top + (1 - max(-1, min(1, value))) / 2 * frame.plotHeight }
        out += "<rect x=\"\(ChartFrame.n(frame.left))\" y=\"\(ChartFrame.n(frame.top))\" width=\"\(ChartFrame.n(frame.plotWidth))\" "
            + "height=\"\(ChartFrame.n(frame.plotHeight / 2))\" fill=\"#eef7f3\"/>"
        out += "<rect x=\"\(ChartFrame.n(frame.left))\" y=\"\(ChartFrame.n(y(0)))\" width=\"\(ChartFrame.n(frame.plotWidth))\" "
            + "height=\"\(ChartFrame.n(frame.plotHeight / 2))\" fill=\"#fbefe9\"/>"
        out += "<rect x=\"\(ChartFrame.n(frame.left))\" y=\"\(ChartFrame.n(y(0.05)))\" width=\"\(ChartFrame.n(frame.plotWidth))\" "
            + "height=\"\(ChartFrame.n(y(-0.05) - y(0.05)))\" fill=\"#e4e8ec\"/>\n"
        for (tick, label) in [(1.0, "+1"), (0.5, "+0.5"), (0, "0"), (-0.5, "−0.5"), (-1, "−1")] {
            out += frame.yTick(at: y(tick), label: label, strong: tick == 0)
        }
        let band = frame.plotWidth / Double(max(1, daily.count))
        let center = { (index: Int) in frame.left + band * (Double(index) + 0.5) }
        var path = ""
        var previousHadMentions = false
        for (index, day) in daily.enumerated() {
            guard day.mentions > 0 else { previousHadMentions = false; continue }
            path += (previousHadMentions ? " L" : " M") + "\(ChartFrame.n(center(index))) \(ChartFrame.n(y(day.meanCompound)))"
            previousHadMentions = true
        }
        if !path.isEmpty {
            out += "<path d=\"\(path.dropFirst())\" fill=\"none\" stroke=\"\(ChartFrame.line)\" stroke-width=\"2.5\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
        }
        for (index, day) in daily.enumerated() where day.mentions > 0 {
            out += "<circle cx=\"\(ChartFrame.n(center(index)))\" cy=\"\(ChartFrame.n(y(day.meanCompound)))\" r=\"3.5\" "
                + "fill=\"#fff\" stroke=\"\(ChartFrame.line)\" stroke-width=\"2\"><title>\(day.day): mean compound "
                + "\(ReportFormat.compound(day.meanCompound)) over \(day.mentions) mentions</title></circle>"
        }
        if path.isEmpty { out += frame.emptyMessage("No mentions in this window") }
        out += "\n" + frame.dayLabels(daily.map(\.day), center: center)
        out += frame.legend([(ChartFrame.line, "mean compound"), ("#e4e8ec", "neutral band (±0.05)")])
        return out + "</svg>"
    }
}
