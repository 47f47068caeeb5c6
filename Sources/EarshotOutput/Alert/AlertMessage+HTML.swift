import EarshotCore

extension AlertMessage {
    /// The HTML body: the same content as the plain text, every value escaped, and evidence
    /// linked only when its URL is http or https (anything else is shown as text).
    static func htmlDocument(subject: String, brand: String, alerts: [Alert], idempotencyKey: String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>\(oneLine(subject).htmlEscaped)</title></head>
        <body style="font-family: -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1d1d1f; max-width: 42em;">

        """
        html += "<p style=\"color: #6e6e73;\">earshot: \(countText(alerts)) for <strong>\(oneLine(brand).htmlEscaped)</strong></p>\n"
        for alert in alerts {
            html += "<h2 style=\"font-size: 1.2em;\">\(oneLine(alert.title).htmlEscaped)</h2>\n"
            if alert.status == .resolved {
                html += "<p style=\"color: #1a7f37;\"><strong>RESOLVED</strong>: this episode is over; no action needed.</p>\n"
            }
            html += "<ul>\n"
            for detail in alert.details { html += "<li>\(oneLine(detail).htmlEscaped)</li>\n" }
            html += alert.status == .resolved ? "<li>day: \(alert.day); episode started \(alert.episodeStart)</li>\n</ul>\n"
                : "<li>day: \(alert.day); episode open since \(alert.episodeStart)</li>\n</ul>\n"
            if !alert.evidence.isEmpty {
                html += "<h3 style=\"font-size: 1em;\">Top evidence</h3>\n<ol>\n"
                for evidence in alert.evidence {
                    let text = oneLine(evidence.text).htmlEscaped
                    let score = "<small>(\(formatted(compound: evidence.compound)))</small>"
                    if let url = evidence.url, isWebLink(url) {
                        html += "<li><a href=\"\(oneLine(url).htmlEscaped)\">\(text)</a> \(score)</li>\n"
                    } else if let url = evidence.url, !url.isEmpty {
                        html += "<li>\(text) \(score)<br><code>\(oneLine(url).htmlEscaped)</code></li>\n"
                    } else {
                        html += "<li>\(text) \(score)</li>\n"
                    }
                }
                html += "</ol>\n"
            }
        }
        let episodes = Array(Set(alerts.map(\.episodeID))).sorted().map { oneLine($0).htmlEscaped }.joined(separator: "; ")
        html += "<hr>\n<p style=\"color: #6e6e73; font-size: 0.85em;\">Sent by earshot once per alert episode. "
        html += "Reference: \(idempotencyKey)<br>Episodes: \(episodes)</p>\n</body>\n</html>\n"
        return html
    }
}
