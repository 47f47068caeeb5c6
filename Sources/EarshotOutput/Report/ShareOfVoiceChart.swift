/// An inline SVG horizontal bar chart of every brand's share of voice: its share of the
/// mentions of itself and its competitors over the window, on a 0–100 % axis.
struct ShareOfVoiceChart {
    /// A document-unique id for the chart's `<title>` and `<desc>`.
    var id: String
    var brands: [(name: String, share: Double)]

    func svg() -> String {
        var frame = ChartFrame()
        frame.left = 150
        frame.right = 56
        frame.top = 10
        frame.bottom = 26
        let row = 30.0
        frame.height = frame.top + frame.bottom + row * Double(max(1, brands.count))
        let summary = brands.map { "\($0.name) \(ReportFormat.percent($0.share))" }.joined(separator: ", ")
        var out = frame.open(id: id, title: "Share of voice by brand",
                             description: "Each brand's share of the mentions of itself and its competitors: \(summary).")
        let x = { (fraction: Double) in frame.left + max(0, min(1, fraction)) * frame.plotWidth }
        for tick in [0.0, 0.25, 0.5, 0.75, 1] {
            out += "<line x1=\"\(ChartFrame.n(x(tick)))\" x2=\"\(ChartFrame.n(x(tick)))\" y1=\"\(ChartFrame.n(frame.top))\" "
                + "y2=\"\(ChartFrame.n(frame.plotBottom))\" stroke=\"\(tick == 0 ? "#8c959f" : ChartFrame.grid)\"/>"
            out += "<text x=\"\(ChartFrame.n(x(tick)))\" y=\"\(ChartFrame.n(frame.plotBottom + 16))\" text-anchor=\"middle\" "
                + "font-size=\"12\" fill=\"\(ChartFrame.axisText)\">\(ReportFormat.percent(tick))</text>"
        }
        out += "\n"
        for (index, brand) in brands.enumerated() {
            let top = frame.top + row * Double(index)
            let middle = top + row / 2
            let name = brand.name.count > 22 ? String(brand.name.prefix(21)) + "…" : brand.name
            let value = ReportFormat.percent(brand.share)
            out += "<g><title>\(brand.name.htmlEscaped): \(value) share of voice</title>"
            out += "<text x=\"\(ChartFrame.n(frame.left - 8))\" y=\"\(ChartFrame.n(middle + 4))\" text-anchor=\"end\" "
                + "font-size=\"12\" fill=\"#24292f\">\(name.htmlEscaped)</text>"
            out += "<rect x=\"\(ChartFrame.n(x(0)))\" y=\"\(ChartFrame.n(top + 6))\" width=\"\(ChartFrame.n(x(brand.share) - x(0)))\" "
                + "height=\"\(ChartFrame.n(row - 12))\" fill=\"\(ChartFrame.line)\"/>"
            out += "<text x=\"\(ChartFrame.n(x(brand.share) + 6))\" y=\"\(ChartFrame.n(middle + 4))\" font-size=\"12\" "
                + "font-weight=\"600\" fill=\"#24292f\">\(value)</text></g>\n"
        }
        if brands.isEmpty { out += frame.emptyMessage("No brands configured") }
        return out + "</svg>"
    }
}
