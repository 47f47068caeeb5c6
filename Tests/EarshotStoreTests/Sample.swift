import EarshotCore
import Foundation

/// Values for the store tests, with every field set unless a test says otherwise.
enum Sample {
    static let day = Day(year: 2024, month: 5, day: 1)

    /// A date on `day` plus `seconds` seconds, whole seconds like the feeds give.
    static func date(_ day: Day = Sample.day, seconds: Int = 12 * 3_600) -> Date {
        day.start.addingTimeInterval(TimeInterval(seconds))
    }

    static func mention(_ id: String, brand: String = "Acme", source: String = "feed", on day: Day = Sample.day,
                        seconds: Int = 12 * 3_600, rating: Double? = nil, compound: Double = 0.5) -> ScoredMention {
        ScoredMention(
            mention: Mention(id: id, brand: brand, source: source, title: "Title \(id)", text: "Text of \(id) 好",
                             publishedAt: date(day, seconds: seconds), url: "https://example.com/\(id)",
                             author: "Ann", rating: rating),
            sentiment: Sentiment(compound: compound, pos: 0.4, neu: 0.5, neg: 0.1),
            lang: "en",
            aspects: [AspectScore(aspect: "staff", touchpoint: .service, compound: 0.7)],
            terms: ["great", "friendly"])
    }

    static func alert(brand: String = "Acme", kind: AlertKind = .negativeSpike, aspect: String? = nil,
                      on day: Day = Sample.day, start: Day? = nil) -> Alert {
        Alert(brand: brand, kind: kind, aspect: aspect, day: day, episodeStart: start ?? day,
              title: "\(brand): negative mentions up", details: ["window 7 days", "p = 0.001"],
              evidence: [Alert.Evidence(text: "awful", url: "https://example.com/1", compound: -0.8),
                         Alert.Evidence(text: "bad", url: nil, compound: -0.5)])
    }
}
