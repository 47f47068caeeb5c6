import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

/// Repeats and "resolved" notices on the wire: a real SMTP server (aiosmtpd) and a real webhook
/// receiver on 127.0.0.1, each message read back.
@Suite struct ResolvedNoticeDeliveryTests {
    /// The spike's episode, resolved two clean days after it last fired.
    static func resolved(brand: String = "Pinvale") -> Alert {
        var alert = DeliveryFixture.spike(brand: brand)
        alert.status = .resolved
        alert.day = DeliveryFixture.day.advanced(by: 3)
        alert.title = "\(brand): RESOLVED — negative spike in customer service (firing 2026-11-18 to 2026-11-20)"
        alert.details = ["status: resolved on 2026-11-23: the rule has not fired for 3 days (resolves after 2)",
                         "episode: 2026-11-18 to 2026-11-20, 1 firing notice(s) sent", "aspect: service"]
        alert.evidence = []
        return alert
    }

    @Test func aResolvedNoticeHasItsOwnKeyAndSaysSo() throws {
        let firing = try DeliveryFixture.message(DeliveryFixture.spike())
        let resolved = try DeliveryFixture.message(Self.resolved())
        #expect(resolved.status == .resolved && firing.status == .firing)
        #expect(resolved.subject == "[earshot] Pinvale: resolved: negative spike in customer service")
        #expect(resolved.notificationIDs == ["Pinvale|negative-spike|service|2026-11-18|resolved"])
        #expect(resolved.episodeIDs == firing.episodeIDs, "the same episode")
        #expect(resolved.messageID != firing.messageID, "a message of its own, not dropped as a duplicate of the firing one")
        #expect(resolved.text.hasPrefix("earshot: 1 alert resolved for Pinvale\n"))
        #expect(resolved.text.contains("RESOLVED: this episode is over; no action needed.\n"))
        #expect(resolved.html.contains("<strong>RESOLVED</strong>"))
        // The first notice of an episode keeps the key earlier versions gave it.
        #expect(firing.notificationIDs == firing.episodeIDs)
        // A repeat is a new message too.
        var again = DeliveryFixture.spike()
        again.sequence = 2
        #expect(try DeliveryFixture.message(again).messageID != firing.messageID)
    }

    @Test func aResolvedNoticeArrivesOverSMTPMarkedResolved() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.trustDrop(), Self.resolved())
        try await SMTPNotifierTests.notifier(server).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).only)
        SMTPNotifierTests.expectWellFormed(mail, message)
        #expect(mail.subject == "[earshot] Pinvale: trust score drop, resolved: negative spike in customer service")
        #expect(mail.parts.first?.content.contains("earshot: 1 alert, 1 resolved for Pinvale") == true)
        #expect(mail.parts.first?.content.contains("Pinvale: RESOLVED =E2=80=94 negative spike") == true
                    || mail.parts.first?.content.contains("Pinvale: RESOLVED — negative spike") == true)
    }

    @Test func aResolvedNoticeArrivesByWebhookWithStatusResolved() async throws {
        let server = try await LocalServer.start("webhook_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(Self.resolved())
        try await WebhookNotifierTests.notifier(port: server.port).deliver(message)
        let request = try #require(try WebhookNotifierTests.requests(server).only)
        #expect(request.meta.headers["Idempotency-Key"] == message.idempotencyKey)
        let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(object["status"] as? String == "resolved")
        #expect(object["notificationIds"] as? [String] == ["Pinvale|negative-spike|service|2026-11-18|resolved"])
        #expect((object["text"] as? String)?.hasPrefix("*[earshot] Pinvale: resolved: negative spike in customer service*\n\n:white_check_mark: RESOLVED *Pinvale: RESOLVED") == true)
        let alert = try #require((object["alerts"] as? [[String: Any]])?.only)
        #expect(alert["status"] as? String == "resolved" && alert["sequence"] as? Int == 1)

        // Mixed with a firing alert, the message as a whole is firing.
        let mixed = try JSONSerialization.jsonObject(with: try DeliveryFixture.message(DeliveryFixture.trustDrop(), Self.resolved()).webhookJSON()) as? [String: Any]
        #expect(mixed?["status"] as? String == "firing")
    }
}

extension Array {
    /// The one element, or nil when there are none or several.
    fileprivate var only: Element? { count == 1 ? first : nil }
}
