import EarshotCore

extension HTMLReportWriter {
    /// Inhibited alerts (with the reason) and episodes resolved this run; empty when there are none.
    func lifecycle(_ report: Report) -> String {
        var out = ""
        if !report.inhibited.isEmpty {
            out += "<section id=\"inhibited\">\n<h2>Inhibited alerts (not sent)</h2>\n<ul class=\"details\">"
            for alert in report.inhibited {
                out += "<li><strong>\(alert.title.htmlEscaped)</strong>: \((alert.inhibition ?? "inhibited").htmlEscaped)</li>"
            }
            out += "</ul>\n</section>\n"
        }
        if !report.resolved.isEmpty {
            out += "<section id=\"resolved\">\n<h2>Resolved</h2>\n<ul class=\"details\">"
            for alert in report.resolved { out += "<li>\(alert.title.htmlEscaped)</li>" }
            out += "</ul>\n</section>\n"
        }
        return out
    }

    /// The trust-trend chart and the weekly table of one brand.
    func trends(_ brand: BrandReport, index: Int) -> String {
        var out = ""
        if let trend = brand.trustTrend, !trend.points.isEmpty {
            var caption = "Trust score per day"
            if let change = trend.change30Days {
                caption += " (\(change >= 0 ? "+" : "")\(ReportFormat.decimal(change, places: 2)) in 30 days)"
            }
            out += "<div class=\"charts\">\n<figure><figcaption class=\"chart-title\">\(caption.htmlEscaped)</figcaption>"
                + TrustTrendChart(id: "trust-\(index)", brand: brand.name, trend: trend).svg() + "</figure>\n</div>\n"
        }
        guard !brand.weekly.isEmpty else { return out }
        // In a scrolling box like the other wide tables, so a phone scrolls the table, not the page.
        out += "<div class=\"scroll\"><table class=\"weekly\"><caption>Per ISO week</caption>\n<thead><tr><th>Week</th><th>Days</th><th>Mentions</th>"
            + "<th>Positive</th><th>Neutral</th><th>Negative</th><th>Mean compound</th><th>Service (neg.)</th><th>Experience (neg.)</th></tr></thead>\n<tbody>"
        for week in brand.weekly {
            let cells = [week.label, String(week.days), String(week.mentions), String(week.positive), String(week.neutral),
                         String(week.negative), week.mentions == 0 ? "–" : ReportFormat.compound(week.meanCompound),
                         "\(week.service.mentions) (\(week.service.negative))", "\(week.experience.mentions) (\(week.experience.negative))"]
            out += "<tr>" + cells.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>"
        }
        return out + "</tbody></table></div>\n"
    }
}
