import EarshotCore
import Foundation
@testable import EarshotOutput

/// Alerts and helpers shared by the delivery tests.
enum DeliveryFixture {
    static let day = Day(year: 2026, month: 11, day: 20)
    /// Fri, 20 Nov 2026 09:05:07 UTC.
    static let now = day.start.addingTimeInterval(9 * 3600 + 5 * 60 + 7)

    static func spike(brand: String = "Pinvale", aspect: String? = "service", evidence: [Alert.Evidence]? = nil) -> Alert {
        Alert(
            brand: brand, kind: .negativeSpike, aspect: aspect, day: day, episodeStart: day.advanced(by: -2),
            title: "\(brand): negative spike in customer \(aspect ?? "all") — 5 of 6 negative (83%)",
            details: [
                "window: 2026-11-18 to 2026-11-20",
                "negative: 5 of 6 mentions (83%)",
                "baseline: 12% negative over 84 mentions in the 28 days before",
                "p-value: 2.10e-04 (exact binomial test; alerts below 1e-03)",
                "aspect: \(aspect ?? "all")",
            ],
            evidence: evidence ?? [
                .init(text: "Waited three days for a refund <b>and</b> nobody answers & \"support\" hung up",
                      url: "https://reviews.example.com/pinvale/1?a=1&b=2", compound: -0.81),
                .init(text: "客服太差了，等了三天，还是没解决", url: "https://example.cn/r/2", compound: -0.64),
                .init(text: "Perkhidmatan pelanggan teruk, sangat kecewa!", url: "javascript:alert(1)", compound: -0.55),
            ])
    }

    static func trustDrop(brand: String = "Pinvale") -> Alert {
        Alert(brand: brand, kind: .trustDrop, aspect: nil, day: day, episodeStart: day,
              title: "\(brand): trust score fell from 3.9 to 3.4 in 30 days",
              details: ["trust score 3.90 on 2026-10-21, 3.40 on 2026-11-20", "14 rated reviews in the last 30 days"])
    }

    static func message(_ alerts: Alert...) throws -> AlertMessage {
        try AlertMessage(alerts: alerts)
    }

    /// What the SMTP test server wrote about one message (`N.json`), plus the raw bytes (`N.eml`).
    struct ReceivedMail: Decodable {
        struct Part: Decodable {
            var contentType: String
            var charset: String?
            var transferEncoding: String?
            var content: String
            var defects: [String]
        }
        struct Auth: Decodable {
            var mechanism: String
            var login: String
        }
        var mailFrom: String
        var rcptTos: [String]
        var tls: Bool
        var auth: Auth?
        var subject: String?
        var headers: [[String]]
        var contentType: String
        var defects: [String]
        var parts: [Part]
        var raw: [UInt8] = []

        enum CodingKeys: String, CodingKey {
            case mailFrom, rcptTos, tls, auth, subject, headers, contentType, defects, parts
        }

        /// The raw header block (up to the first empty line), as text.
        var rawHeader: String {
            let text = String(decoding: raw, as: UTF8.self)
            return text.components(separatedBy: "\r\n\r\n").first ?? ""
        }

        /// The value of each header named `name` (raw, folding kept), in order.
        func header(_ name: String) -> [String] {
            headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] }
        }
    }

    /// Every message the SMTP server received, in order.
    static func received(_ server: LocalServer) throws -> [ReceivedMail] {
        try server.files(suffix: ".json").map { url in
            var mail = try JSONDecoder().decode(ReceivedMail.self, from: Data(contentsOf: url))
            let eml = url.deletingPathExtension().appendingPathExtension("eml")
            mail.raw = Array(try Data(contentsOf: eml))
            return mail
        }
    }
}
