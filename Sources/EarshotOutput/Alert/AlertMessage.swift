import EarshotCore
import Foundation

/// One message about one brand's alerts in a run, ready for any ``Notifier``.
///
/// Alerts are grouped per brand (Alertmanager's grouping): a run that fires a negative spike
/// in service and a trust-score drop for the same brand sends one message with both. The
/// message explains itself: each alert's window, counts, baseline, p-value and aspect (its
/// ``EarshotCore/Alert/details``) and its top evidence mentions with their links.
///
/// A message may mix firing alerts with "resolved" notices of the same brand (their
/// ``EarshotCore/Alert/status``); the subject names resolved ones as `resolved: …` and
/// ``status`` is `resolved` only when every alert in it is.
///
/// Identity is derived from the notifications, never from the clock: ``idempotencyKey`` and
/// ``messageID`` are the same every time the same notifications are (re)sent, so a retry after
/// a crash carries the same Message-ID and receivers can drop the duplicate, while a repeat or
/// a resolved notice of the same episode (another ``EarshotCore/Alert/notificationID``) gets a
/// Message-ID of its own.
public struct AlertMessage: Sendable, Equatable {
    /// The brand every alert in the message is about.
    public let brand: String
    /// The alerts, in the order given.
    public let alerts: [Alert]
    /// The episode ids of the alerts, sorted and without duplicates.
    public let episodeIDs: [String]
    /// The notification ids of the alerts (``EarshotCore/Alert/notificationID``), sorted and
    /// without duplicates: what the outbox entries this message covers are keyed by.
    public let notificationIDs: [String]
    /// SHA-256 of the notification ids (64 hex digits): the same for the same notifications on
    /// every run. For first notifications these are the episode ids, as earlier versions had it.
    public let idempotencyKey: String
    /// `firing`, or `resolved` when every alert in the message is a resolved notice.
    public let status: AlertStatus
    /// The RFC 5322 Message-ID derived from the notification ids: `<hash@earshot>`.
    public let messageID: String
    /// The subject line, e.g. `[earshot] Pinvale: negative spike in customer service`.
    public let subject: String
    /// The plain-text body, lines separated by `\n`.
    public let text: String
    /// The HTML body, a complete UTF-8 document with every value escaped.
    public let html: String

    /// Builds the message for alerts of one brand.
    ///
    /// - Parameter alerts: one or more alerts, all with the same ``EarshotCore/Alert/brand``.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` when `alerts` is empty or mixes brands;
    ///   use ``grouped(_:)`` to split a run's alerts by brand.
    public init(alerts: [Alert]) throws {
        guard let first = alerts.first else {
            throw EarshotError(.delivery, "an alert message needs at least one alert")
        }
        guard alerts.allSatisfy({ $0.brand == first.brand }) else {
            throw EarshotError(.delivery, "an alert message holds the alerts of one brand; group them with AlertMessage.grouped(_:)")
        }
        brand = first.brand
        self.alerts = alerts
        episodeIDs = Array(Set(alerts.map(\.episodeID))).sorted()
        notificationIDs = Array(Set(alerts.map(\.notificationID))).sorted()
        idempotencyKey = SHA256.hex(notificationIDs.joined(separator: "\n"))
        status = alerts.allSatisfy { $0.status == .resolved } ? .resolved : .firing
        messageID = "<" + idempotencyKey.prefix(32) + "@earshot>"
        subject = AlertMessage.subject(brand: brand, alerts: alerts)
        text = AlertMessage.plainText(brand: brand, alerts: alerts, idempotencyKey: idempotencyKey)
        html = AlertMessage.htmlDocument(subject: subject, brand: brand, alerts: alerts, idempotencyKey: idempotencyKey)
    }

    /// One message per brand, brands in the order they first appear in `alerts`.
    public static func grouped(_ alerts: [Alert]) -> [AlertMessage] {
        var order: [String] = []
        var byBrand: [String: [Alert]] = [:]
        for alert in alerts {
            if byBrand[alert.brand] == nil { order.append(alert.brand) }
            byBrand[alert.brand, default: []].append(alert)
        }
        return order.compactMap { try? AlertMessage(alerts: byBrand[$0] ?? []) }
    }

    /// `[earshot] Brand: what happened`, naming up to two alerts and counting the rest.
    static func subject(brand: String, alerts: [Alert]) -> String {
        var phrases: [String] = []
        for alert in alerts {
            let phrase = headline(alert)
            if !phrases.contains(phrase) { phrases.append(phrase) }
        }
        var summary = phrases.prefix(2).joined(separator: ", ")
        if phrases.count > 2 { summary += " and \(phrases.count - 2) more" }
        return "[earshot] \(brand): \(summary)"
    }

    /// `negative spike in customer service`, `negative spike`, `trust score drop`, `volume drop`;
    /// `resolved: negative spike in customer service` for a resolved notice.
    static func headline(_ alert: Alert) -> String {
        let kind: String
        switch alert.kind {
        case .negativeSpike: kind = "negative spike"
        case .trustDrop: kind = "trust score drop"
        case .volumeDrop: kind = "volume drop"
        }
        let prefix = alert.status == .resolved ? "resolved: " : ""
        guard let aspect = alert.aspect, !aspect.isEmpty, aspect != "all" else { return prefix + kind }
        let scope = Touchpoint(rawValue: aspect) != nil ? "customer \(aspect)" : aspect
        return "\(prefix)\(kind) in \(scope)"
    }

    /// `+0.42` / `-0.81`; a non-finite score prints as `n/a`.
    static func formatted(compound: Double) -> String {
        compound.isFinite ? String(format: "%+.2f", compound) : "n/a"
    }

    /// Whether a link may be shown as a link: an absolute http or https URL.
    static func isWebLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !url.contains(where: { $0.isWhitespace })
    }

    /// Data text on one line: every line break and control character becomes a space.
    static func oneLine(_ text: String) -> String {
        MIMEHeader.sanitized(text)
    }
}
