import EarshotCore
import Foundation

/// The geometry every inline SVG chart of the HTML report shares: a fixed view box, margins
/// for the axes, and the accessible `<svg>` opening with its `<title>` and `<desc>`.
///
/// Charts scale with the page (`width: 100%`) because they draw in view-box units; text in
/// them inherits the page's font.
struct ChartFrame {
    var width = 480.0
    var height = 220.0
    var left = 44.0
    var right = 12.0
    var top = 14.0
    var bottom = 46.0

    /// The palette: Okabe–Ito bluish green and vermilion read as positive and negative and
    /// stay apart for colour-blind readers; every colour has at least 3:1 contrast on white.
    static let positive = "#007a5a"
    static let neutral = "#6e7781"
    static let negative = "#c83e0b"
    static let line = "#1d4f91"
    static let grid = "#d8dee4"
    static let axisText = "#57606a"

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
    var plotBottom: Double { height - bottom }
    var plotRight: Double { width - right }

    /// Opens an `<svg>` with a `<title>` and `<desc>` that screen readers announce.
    func open(id: String, title: String, description: String) -> String {
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" preserveAspectRatio=\"xMidYMid meet\">"
            + "<title id=\"\(id)-title\">\(title.htmlEscaped)</title>"
            + "<desc id=\"\(id)-desc\">\(description.htmlEscaped)</desc>\n"
    }

    /// A horizontal grid line at `y` with `label` left of the plot.
    func yTick(at y: Double, label: String, strong: Bool = false) -> String {
        let stroke = strong ? "#8c959f" : Self.grid
        return "<line x1=\"\(Self.n(left))\" x2=\"\(Self.n(plotRight))\" y1=\"\(Self.n(y))\" y2=\"\(Self.n(y))\" "
            + "stroke=\"\(stroke)\" stroke-width=\"1\"/>"
            + "<text x=\"\(Self.n(left - 6))\" y=\"\(Self.n(y + 3.5))\" text-anchor=\"end\" font-size=\"12\" "
            + "fill=\"\(Self.axisText)\">\(label.htmlEscaped)</text>\n"
    }

    /// Date labels under the plot for `days`, thinned to at most `maxLabels` so they never
    /// overlap; the most recent day is always labelled.
    func dayLabels(_ days: [Day], center: (Int) -> Double, maxLabels: Int = 8) -> String {
        guard !days.isEmpty else { return "" }
        let stride = max(1, Int((Double(days.count) / Double(maxLabels)).rounded(.up)))
        var out = ""
        for index in days.indices where (days.count - 1 - index) % stride == 0 {
            // The last label ends at its tick (plus a little), so it never runs past the chart's edge.
            let last = index == days.count - 1 && days.count > 1
            let x = last ? center(index) + 4 : center(index)
            out += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(plotBottom + 15))\" text-anchor=\"\(last ? "end" : "middle")\" "
                + "font-size=\"12\" fill=\"\(Self.axisText)\">\(ReportFormat.shortDay(days[index]))</text>"
            out += "<line x1=\"\(Self.n(center(index)))\" x2=\"\(Self.n(center(index)))\" y1=\"\(Self.n(plotBottom))\" "
                + "y2=\"\(Self.n(plotBottom + 4))\" stroke=\"#8c959f\"/>"
        }
        return out + "\n"
    }

    /// A one-row legend along the bottom edge: coloured swatches and their names.
    func legend(_ entries: [(color: String, label: String)]) -> String {
        var out = "<g font-size=\"12\" fill=\"#24292f\">"
        var x = left
        let y = height - 10
        for entry in entries {
            out += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y - 9))\" width=\"10\" height=\"10\" fill=\"\(entry.color)\"/>"
            out += "<text x=\"\(Self.n(x + 14))\" y=\"\(Self.n(y))\">\(entry.label.htmlEscaped)</text>"
            x += 14 + Double(entry.label.count) * 7 + 16
        }
        return out + "</g>\n"
    }

    /// A centred message across an empty plot.
    func emptyMessage(_ text: String) -> String {
        "<text x=\"\(Self.n(left + plotWidth / 2))\" y=\"\(Self.n(top + plotHeight / 2))\" text-anchor=\"middle\" "
            + "font-size=\"13\" fill=\"\(Self.axisText)\">\(text.htmlEscaped)</text>\n"
    }

    /// A coordinate with at most one decimal.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// A round axis maximum and step for counts up to `maxValue`: about four steps of 1, 2 or 5 × 10ⁿ.
    static func countScale(max maxValue: Int) -> (top: Int, step: Int) {
        guard maxValue > 0 else { return (4, 1) }
        let rough = Double(maxValue) / 4
        let magnitude = pow(10, floor(log10(rough)))
        let residual = rough / magnitude
        let nice = residual <= 1 ? 1.0 : residual <= 2 ? 2.0 : residual <= 5 ? 5.0 : 10.0
        let step = max(1, Int(nice * magnitude))
        return (Int((Double(maxValue) / Double(step)).rounded(.up)) * step, step)
    }
}
