import EarshotCore

extension Backtest.Result {
    /// For a person: one block per alert (day, brand, kind, aspect, title, p-value), the resolved
    /// episodes, then the count per brand and kind.
    var text: String {
        var lines = ["backtest \(from) to \(to): \(alerts.count) alert(s) would have been sent"
            + (silenced > 0 ? ", \(silenced) firing alert(s) silenced" : "")]
        for alert in alerts {
            lines.append("\(alert.day)  \(alert.brand)  \(alert.kind.rawValue)  \(alert.aspect ?? "all")")
            lines.append("    \(alert.title)")
            // The p-value of a spike; the first line of evidence of a rule that has none.
            if let line = alert.details.first(where: { $0.hasPrefix("p-value:") }) ?? alert.details.first { lines.append("    \(line)") }
        }
        for episode in resolved {
            lines.append("\(episode.resolved.map(\.description) ?? "?")  resolved: \(episode.fingerprint) (open since \(episode.start))")
        }
        lines.append("summary:")
        if counts.isEmpty { lines.append("  no alert") }
        for count in counts { lines.append("  \(count.brand)  \(count.kind.rawValue)  \(count.alerts)") }
        return lines.joined(separator: "\n")
    }

    /// For a program: `{"from","to","alerts":[{"day","brand","kind","aspect","episodeStart","title","details"}],
    /// "resolved":[{"fingerprint","start","resolved"}],"silenced","summary":[{"brand","kind","alerts"}]}`.
    var json: String {
        let q = { (text: String?) in JSONText.quote(text) }
        let alertObjects = alerts.map { alert in
            "{\"day\":\(q(alert.day.description)),\"brand\":\(q(alert.brand)),\"kind\":\(q(alert.kind.rawValue)),"
                + "\"aspect\":\(q(alert.aspect)),\"episodeStart\":\(q(alert.episodeStart.description)),\"title\":\(q(alert.title)),"
                + "\"details\":[\(alert.details.map { q($0) }.joined(separator: ","))]}"
        }
        let resolvedObjects = resolved.map { episode in
            "{\"fingerprint\":\(q(episode.fingerprint)),\"start\":\(q(episode.start.description)),\"resolved\":\(q(episode.resolved?.description))}"
        }
        let summaryObjects = counts.map { "{\"brand\":\(q($0.brand)),\"kind\":\(q($0.kind.rawValue)),\"alerts\":\($0.alerts)}" }
        return "{\"from\":\(q(from.description)),\"to\":\(q(to.description)),\"alerts\":[\(alertObjects.joined(separator: ","))],"
            + "\"resolved\":[\(resolvedObjects.joined(separator: ","))],\"silenced\":\(silenced),"
            + "\"summary\":[\(summaryObjects.joined(separator: ","))]}"
    }
}
