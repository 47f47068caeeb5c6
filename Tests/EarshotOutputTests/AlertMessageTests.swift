import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct AlertMessageTests {
    @Test func subjectNamesBrandAndWhatHappened() throws {
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        #expect(message.subject == "[earshot] Pinvale: negative spike in customer service")
        #expect(message.brand == "Pinvale")
    }

    @Test func subjectOfSeveralAlertsNamesTwoAndCountsTheRest() throws {
        let message = try DeliveryFixture.message(
            DeliveryFixture.spike(), DeliveryFixture.trustDrop(), DeliveryFixture.spike(aspect: "experience"),
            DeliveryFixture.spike(aspect: nil))
        #expect(message.subject == "[earshot] Pinvale: negative spike in customer service, trust score drop and 2 more")
        #expect(message.episodeIDs.count == 4)
    }

    @Test func groupsOneMessagePerBrandInFirstSeenOrder() {
        let messages = AlertMessage.grouped([
            DeliveryFixture.spike(brand: "Pinvale"), DeliveryFixture.spike(brand: "品维"),
            DeliveryFixture.trustDrop(brand: "Pinvale"),
        ])
        #expect(messages.map(\.brand) == ["Pinvale", "品维"])
        #expect(messages[0].alerts.map(\.kind) == [.negativeSpike, .trustDrop])
        #expect(AlertMessage.grouped([]).isEmpty)
    }

    @Test func refusesNoAlertsAndMixedBrands() {
        #expect(throws: EarshotError.self) { try AlertMessage(alerts: []) }
        let error = #expect(throws: EarshotError.self) {
            try AlertMessage(alerts: [DeliveryFixture.spike(brand: "A"), DeliveryFixture.spike(brand: "B")])
        }
        #expect(error?.code == .delivery)
    }

    @Test func identityComesFromTheEpisodesNotTheOrder() throws {
        let a = try DeliveryFixture.message(DeliveryFixture.spike(), DeliveryFixture.trustDrop())
        let b = try DeliveryFixture.message(DeliveryFixture.trustDrop(), DeliveryFixture.spike())
        #expect(a.idempotencyKey == b.idempotencyKey)
        #expect(a.messageID == b.messageID)
        #expect(a.episodeIDs == ["Pinvale|negative-spike|service|2026-11-18", "Pinvale|trust-drop|all|2026-11-20"])
        #expect(a.idempotencyKey == SHA256.hex(a.episodeIDs.joined(separator: "\n")))
        #expect(a.messageID == "<\(a.idempotencyKey.prefix(32))@earshot>")
        let other = try DeliveryFixture.message(DeliveryFixture.spike())
        #expect(other.messageID != a.messageID)
        #expect(a.idempotencyKey.count == 64 && a.idempotencyKey.allSatisfy(\.isHexDigit))
    }

    @Test func plainTextExplainsItself() throws {
        let alert = DeliveryFixture.spike()
        let message = try DeliveryFixture.message(alert)
        for detail in alert.details { #expect(message.text.contains("\n\(detail)\n")) }
        #expect(message.text.hasPrefix("earshot: 1 alert for Pinvale\n\n\(alert.title)\n"))
        #expect(message.text.contains("1. [-0.81] Waited three days"))
        #expect(message.text.contains("   https://reviews.example.com/pinvale/1?a=1&b=2\n"))
        #expect(message.text.contains("2. [-0.64] 客服太差了，等了三天，还是没解决\n"))
        #expect(message.text.contains("episode open since 2026-11-18"))
        #expect(message.text.contains("Reference: \(message.idempotencyKey)"))
        #expect(message.text.hasSuffix("\n"))
    }

    @Test func evidenceWithLineBreaksStaysOnOneLine() throws {
        let alert = DeliveryFixture.spike(evidence: [.init(text: "first\r\nBcc: x@evil.example\nthird", url: nil, compound: -0.5)])
        let message = try DeliveryFixture.message(alert)
        #expect(message.text.contains("1. [-0.50] first  Bcc: x@evil.example third\n"))
    }

    @Test func htmlEscapesDataAndLinksOnlyWebURLs() throws {
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        #expect(message.html.hasPrefix("<!DOCTYPE html>"))
        #expect(message.html.contains("<meta charset=\"utf-8\">"))
        #expect(message.html.contains("<a href=\"https://reviews.example.com/pinvale/1?a=1&amp;b=2\">Waited three days for a refund &lt;b&gt;and&lt;/b&gt; nobody answers &amp; &quot;support&quot; hung up</a>"))
        #expect(!message.html.contains("<b>and</b>"))
        #expect(!message.html.contains("href=\"javascript:"))
        #expect(message.html.contains("<code>javascript:alert(1)</code>"))
        #expect(message.html.contains("<li>p-value: 2.10e-04 (exact binomial test; alerts below 1e-03)</li>"))
    }

    @Test func webhookJSONCarriesSlackTextAndStructuredAlerts() throws {
        let message = try DeliveryFixture.message(DeliveryFixture.spike(), DeliveryFixture.trustDrop())
        let object = try #require(try JSONSerialization.jsonObject(with: message.webhookJSON()) as? [String: Any])
        #expect(Set(object.keys) == ["status", "text", "subject", "brand", "idempotencyKey", "messageId", "episodeIds", "notificationIds", "alerts"])
        #expect(object["subject"] as? String == message.subject)
        #expect(object["idempotencyKey"] as? String == message.idempotencyKey)
        #expect(object["messageId"] as? String == message.messageID)
        #expect(object["episodeIds"] as? [String] == message.episodeIDs)
        let text = try #require(object["text"] as? String)
        #expect(text.hasPrefix("*[earshot] Pinvale: negative spike in customer service, trust score drop*\n"))
        #expect(text.contains("• p-value: 2.10e-04"))
        #expect(text.contains("1. <https://reviews.example.com/pinvale/1?a=1&b=2|Waited three days for a refund &lt;b&gt;and&lt;/b&gt; nobody answers &amp; \"support\" hung up> (-0.81)"))
        #expect(text.contains("3. Perkhidmatan pelanggan teruk, sangat kecewa! (-0.55)"))
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(alerts.count == 2)
        #expect(alerts[0]["kind"] as? String == "negative-spike")
        #expect(alerts[0]["aspect"] as? String == "service")
        #expect(alerts[0]["episodeId"] as? String == "Pinvale|negative-spike|service|2026-11-18")
        #expect(alerts[0]["day"] as? String == "2026-11-20")
        #expect((alerts[0]["details"] as? [String])?.count == 5)
        let evidence = try #require(alerts[0]["evidence"] as? [[String: Any]])
        #expect(evidence[1]["text"] as? String == "客服太差了，等了三天，还是没解决")
        #expect(evidence[0]["compound"] as? Double == -0.81)
        #expect(alerts[1]["aspect"] is NSNull)
        #expect((alerts[1]["evidence"] as? [Any])?.isEmpty == true)
    }

    @Test func inMemoryNotifierRecordsAndCanFail() async throws {
        let notifier = InMemoryNotifier(failing: 1)
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        let error = await #expect(throws: EarshotError.self) { try await notifier.deliver(message) }
        #expect(error?.code == .delivery)
        try await notifier.deliver(message)
        #expect(await notifier.delivered == [message])
    }
}
