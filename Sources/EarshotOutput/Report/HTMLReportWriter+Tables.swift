import EarshotCore

extension HTMLReportWriter {
    func sources(_ report: Report) -> String {
        var out = "<section id=\"sources\">\n<h2>Sources</h2>\n"
        guard !report.sources.isEmpty else { return out + "<p class=\"quiet\">No sources configured.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"sources\"><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Status</th>"
            + "<th scope=\"col\" class=\"num\">Items</th><th scope=\"col\" class=\"num\">New mentions</th><th scope=\"col\">Message</th>"
            + "<th scope=\"col\" class=\"num\">Consecutive failures</th><th scope=\"col\">Last success</th></tr></thead><tbody>\n"
        for source in report.sources {
            let outcome = source.outcome
            let failed = outcome.status == .failed
            let status = switch outcome.status {
            case .ok: "<span class=\"badge ok\">ok</span>"
            case .notModified: "<span class=\"badge same\">not modified</span>"
            case .skipped: "<span class=\"badge same\">skipped (Retry-After)</span>"
            case .failed: "<span class=\"badge fail\">FAILED</span>"
            }
            let failures = source.health.map { String($0.consecutiveFailures) } ?? "–"
            let lastSuccess = source.health?.lastSuccess.map(ReportFormat.timestamp) ?? (source.health == nil ? "–" : "never")
            out += "<tr\(failed ? " class=\"failed\"" : "")><th scope=\"row\" class=\"nowrap\">\(outcome.id.htmlEscaped)</th><td>\(status)</td>"
                + "<td class=\"num\">\(outcome.items)</td><td class=\"num\">\(outcome.newMentions)</td>"
                + "<td class=\"message\">\((outcome.message ?? "").htmlEscaped)</td><td class=\"num\">\(failures)</td>"
                + "<td class=\"nowrap\">\(lastSuccess)</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }

    func negativeMentions(_ report: Report) -> String {
        var out = "<section id=\"negative\">\n<h2>Latest negative mentions</h2>\n"
        let latest = report.mentions.filter { $0.sentiment.polarity == .negative }
            .sorted { $0.mention.publishedAt > $1.mention.publishedAt }
            .prefix(negativeMentionLimit)
        guard !latest.isEmpty else { return out + "<p class=\"quiet\">No negative mentions in the window.</p>\n</section>\n" }
        out += "<div class=\"scroll\"><table class=\"mentions\"><thead><tr><th scope=\"col\">Published</th><th scope=\"col\">Brand</th>"
            + "<th scope=\"col\">Source</th><th scope=\"col\" class=\"num\">Compound</th><th scope=\"col\">Mention</th></tr></thead><tbody>\n"
        for scored in latest {
            let mention = scored.mention
            var text = ""
            if let title = mention.title, !title.isEmpty {
                text += "<strong>\(ReportFormat.oneLine(title, limit: 200).htmlEscaped)</strong> "
            }
            text += ReportFormat.oneLine(mention.text, limit: textLimit).htmlEscaped
            if let rating = mention.rating { text += " <span class=\"muted\">(\(ReportFormat.rating(rating))★)</span>" }
            if let link = ReportFormat.safeLink(mention.url) {
                text += " <a href=\"\(link.htmlEscaped)\" rel=\"noopener noreferrer nofollow\">\(Self.linkLabel(link).htmlEscaped)</a>"
            }
            out += "<tr><td class=\"nowrap\">\(ReportFormat.timestamp(mention.publishedAt))</td><td class=\"name\">\(mention.brand.htmlEscaped)</td>"
                + "<td class=\"name\">\(mention.source.htmlEscaped)</td><td class=\"num neg-text\">\(ReportFormat.compound(scored.sentiment.compound))</td>"
                + "<td lang=\"\(scored.lang.htmlEscaped)\">\(text)</td></tr>\n"
        }
        return out + "</tbody></table></div>\n</section>\n"
    }
}
