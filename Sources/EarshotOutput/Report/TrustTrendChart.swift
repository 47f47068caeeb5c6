import EarshotCore

/// An inline SVG line chart of one brand's trust score per day on a fixed 1…5 axis. Days before
/// the first rated review have no score and are left blank.
struct TrustTrendChart {
    /// A document-unique id for the chart's `<title>` and `<desc>`.
    var id: String
    var brand: String
    var trend: TrustTrend

    func svg() -> String {
        let frame = ChartFrame()
        let points = trend.points
        let first = points.first.map { $0.day.description } ?? ""
        let last = points.last.map { $0.day.description } ?? ""
        var out = frame.open(
            id: id, title: "\(brand): trust score per day",
            description: "Line of the decayed trust score, from 1 to 5 stars, per day from \(first) to \(last).")
        let y = { (value: Double) in frame.top + (5 - max(1, min(5, value))) / 4 * frame.plotHeight }
        for tick in [5.0, 4, 3, 2, 1] {
            out += frame.yTick(at: y(tick), label: ReportFormat.rating(tick), strong: tick == 3)
        }
        let band = frame.plotWidth / Double(max(1, points.count))
        let center = { (index: Int) in frame.left + band * (Double(index) + 0.5) }
        let path = points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + "\(ChartFrame.n(center(index))) \(ChartFrame.n(y(point.value)))"
        }.joined(separator: " ")
        if !path.isEmpty {
            out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(ChartFrame.line)\" stroke-width=\"2.5\" "
                + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n"
            for (index, point) in points.enumerated() where index == points.count - 1 || index % 7 == 0 {
                out += "<circle cx=\"\(ChartFrame.n(center(index)))\" cy=\"\(ChartFrame.n(y(point.value)))\" r=\"3\" "
                    + "fill=\"#fff\" stroke=\"\(ChartFrame.line)\" stroke-width=\"2\"><title>\(point.day): trust score "
                    + "\(ReportFormat.decimal(point.value, places: 2)) from \(point.ratedReviews) rated reviews</title></circle>"
            }
        } else {
            out += frame.emptyMessage("No rated reviews yet")
        }
        out += "\n" + frame.dayLabels(points.map(\.day), center: center)
        out += frame.legend([(ChartFrame.line, "trust score")])
        return out + "</svg>"
    }
}
