import EarshotCore

extension AlertMessage {
    /// The plain-text body: a heading, then per alert its title, the lines that explain it,
    /// its episode and its top evidence with links, then a footer with the idempotency key.
    static func plainText(brand: String, alerts: [Alert], idempotencyKey: String) -> String {
        var lines: [String] = []
        lines.append("earshot: \(countText(alerts)) for \(oneLine(brand))")
        for alert in alerts {
            lines.append("")
            lines.append(oneLine(alert.title))
            lines.append(String(repeating: "-", count: min(72, max(3, oneLine(alert.title).count))))
            if alert.status == .resolved { lines.append("RESOLVED: this episode is over; no action needed.") }
            for detail in alert.details { lines.append(oneLine(detail)) }
            lines.append(alert.status == .resolved ? "day: \(alert.day); episode started \(alert.episodeStart)"
                : "day: \(alert.day); episode open since \(alert.episodeStart)")
            if !alert.evidence.isEmpty {
                lines.append("")
                lines.append("Top evidence:")
                for (index, evidence) in alert.evidence.enumerated() {
                    lines.append("\(index + 1). [\(formatted(compound: evidence.compound))] \(oneLine(evidence.text))")
                    if let url = evidence.url, !url.isEmpty { lines.append("   \(oneLine(url))") }
                }
            }
        }
        lines.append("")
        lines.append("-- ")
        lines.append("Sent by earshot once per alert episode. Reference: \(idempotencyKey)")
        lines.append("Episodes: " + Array(Set(alerts.map(\.episodeID))).sorted().map(oneLine).joined(separator: "; "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `1 alert`, `2 alerts`, `1 alert resolved`, `1 alert, 1 resolved`: firing and resolved counted apart.
    static func countText(_ alerts: [Alert]) -> String {
        let resolved = alerts.filter { $0.status == .resolved }.count
        let firing = alerts.count - resolved
        let firingText = firing == 1 ? "1 alert" : "\(firing) alerts"
        if resolved == 0 { return firingText }
        if firing == 0 { return resolved == 1 ? "1 alert resolved" : "\(resolved) alerts resolved" }
        return "\(firingText), \(resolved) resolved"
    }
}
