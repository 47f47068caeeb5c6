import EarshotCore

extension MarkdownReportWriter {
    /// Inhibited alerts (with the reason) and episodes resolved this run; empty when there are none.
    func lifecycle(_ report: Report) -> String {
        var out = ""
        if !report.inhibited.isEmpty {
            out += "### Inhibited (not sent)\n\n"
            for alert in report.inhibited {
                out += "- \(alert.title.markdownEscaped): \((alert.inhibition ?? "inhibited").markdownEscaped)\n"
            }
            out += "\n"
        }
        if !report.resolved.isEmpty {
            out += "### Resolved\n\n"
            for alert in report.resolved { out += "- \(alert.title.markdownEscaped)\n" }
            out += "\n"
        }
        return out
    }

    /// The trust score's trend (latest, 30-day change) and the window's ISO weeks as a table.
    func trends(_ brand: BrandReport) -> String {
        var out = ""
        if let trend = brand.trustTrend, let last = trend.points.last {
            out += "Trust trend: \(ReportFormat.decimal(last.value, places: 1)) on \(last.day)"
            if let change = trend.change30Days {
                out += ", \(change >= 0 ? "+" : "")\(ReportFormat.decimal(change, places: 2)) in 30 days"
            }
            if let first = trend.points.first, first.day != last.day {
                out += " (\(ReportFormat.decimal(first.value, places: 1)) on \(first.day))"
            }
            out += ".\n\n"
        }
        guard !brand.weekly.isEmpty else { return out }
        out += Self.table(["Week", "Days", "Mentions", "Positive", "Neutral", "Negative", "Mean compound", "Service (neg.)", "Experience (neg.)"],
                          align: "lrrrrrrrr", rows: brand.weekly.map { week in
            [week.label, String(week.days), String(week.mentions), String(week.positive), String(week.neutral), String(week.negative),
             week.mentions == 0 ? "–" : ReportFormat.compound(week.meanCompound),
             "\(week.service.mentions) (\(week.service.negative))", "\(week.experience.mentions) (\(week.experience.negative))"]
        })
        return out
    }
}
