import EarshotCore
import Foundation

/// The JSON body a ``WebhookNotifier`` posts: a Slack-compatible `text` plus structured alerts.
///
/// Slack and Mattermost incoming webhooks show `text` (mrkdwn); other receivers read `alerts`.
/// Every key is always present, `null` when a value is absent.
struct WebhookPayload: Encodable, Sendable {
    /// `firing`, or `resolved` when every alert in the message is resolved (Alertmanager's field).
    var status: String
    var text: String
    var subject: String
    var brand: String
    var idempotencyKey: String
    var messageId: String
    var episodeIds: [String]
    var notificationIds: [String]
    var alerts: [Item]

    /// One alert as JSON.
    struct Item: Encodable, Sendable {
        var status: String
        var notificationId: String
        var sequence: Int
        var brand: String
        var kind: String
        var aspect: String?
        var day: String
        var episodeStart: String
        var episodeId: String
        var fingerprint: String
        var title: String
        var details: [String]
        var evidence: [Evidence]

        enum CodingKeys: String, CodingKey {
            case status, notificationId, sequence, brand, kind, aspect, day, episodeStart, episodeId, fingerprint, title, details, evidence
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(status, forKey: .status)
            try c.encode(notificationId, forKey: .notificationId)
            try c.encode(sequence, forKey: .sequence)
            try c.encode(brand, forKey: .brand)
            try c.encode(kind, forKey: .kind)
            try c.encode(aspect, forKey: .aspect)
            try c.encode(day, forKey: .day)
            try c.encode(episodeStart, forKey: .episodeStart)
            try c.encode(episodeId, forKey: .episodeId)
            try c.encode(fingerprint, forKey: .fingerprint)
            try c.encode(title, forKey: .title)
            try c.encode(details, forKey: .details)
            try c.encode(evidence, forKey: .evidence)
        }
    }

    /// One evidence mention as JSON.
    struct Evidence: Encodable, Sendable {
        var text: String
        var url: String?
        var compound: Double?

        enum CodingKeys: String, CodingKey { case text, url, compound }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(url, forKey: .url)
            try c.encode(compound, forKey: .compound)
        }
    }

    init(_ message: AlertMessage) {
        status = message.status.rawValue
        text = WebhookPayload.slackText(message)
        subject = message.subject
        brand = message.brand
        idempotencyKey = message.idempotencyKey
        messageId = message.messageID
        episodeIds = message.episodeIDs
        notificationIds = message.notificationIDs
        alerts = message.alerts.map { alert in
            Item(status: alert.status.rawValue, notificationId: alert.notificationID, sequence: alert.sequence, brand: alert.brand, kind: alert.kind.rawValue, aspect: alert.aspect, day: alert.day.description,
                 episodeStart: alert.episodeStart.description, episodeId: alert.episodeID, fingerprint: alert.fingerprint,
                 title: alert.title, details: alert.details,
                 evidence: alert.evidence.map { Evidence(text: $0.text, url: $0.url, compound: $0.compound.isFinite ? $0.compound : nil) })
        }
    }

    /// The payload as UTF-8 JSON with sorted keys.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Slack mrkdwn: the subject in bold, then per alert its title, details and linked evidence.
    static func slackText(_ message: AlertMessage) -> String {
        var lines = ["*\(escaped(message.subject))*"]
        for alert in message.alerts {
            lines.append("")
            lines.append((alert.status == .resolved ? ":white_check_mark: RESOLVED " : "") + "*\(escaped(AlertMessage.oneLine(alert.title)))*")
            for detail in alert.details { lines.append("• " + escaped(AlertMessage.oneLine(detail))) }
            for (index, evidence) in alert.evidence.enumerated() {
                let text = escaped(AlertMessage.oneLine(evidence.text))
                let score = AlertMessage.formatted(compound: evidence.compound)
                if let url = evidence.url, AlertMessage.isWebLink(url), !url.contains(where: { "<>|".contains($0) }) {
                    lines.append("\(index + 1). <\(url)|\(text)> (\(score))")
                } else {
                    lines.append("\(index + 1). \(text) (\(score))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Slack's three control characters escaped: `&`, `<`, `>`.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
