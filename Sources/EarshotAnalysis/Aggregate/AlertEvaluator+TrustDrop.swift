import EarshotCore
import Foundation

extension AlertEvaluator {
    /// A trust-drop alert when the decayed score fell at least ``TrustPolicy/drop`` in 30 days, or
    /// lost a half-star band, with at least ``TrustPolicy/minReviews`` rated reviews in those days.
    func trustDrop(brand: String, ratings: [RatedReview], episodes: [AlertEpisode], asOf: Day) -> Alert? {
        let own = ratings.filter { $0.brand == brand }
        let monthAgo = asOf.advanced(by: -30)
        let recent = own.filter { $0.day > monthAgo && $0.day <= asOf }.count
        let model = TrustModel()
        guard recent >= trust.minReviews, let now = model.raw(own, asOf: asOf)?.score,
              let before = model.raw(own.filter { $0.day <= monthAgo }, asOf: monthAgo)?.score else { return nil }
        let crossedBand = TrustModel.halfStars(now) < TrustModel.halfStars(before)
        guard before - now >= trust.drop || crossedBand else { return nil }
        let fingerprint = [brand, AlertKind.trustDrop.rawValue, "all"].joined(separator: "|")
        let oneDecimal = { (x: Double) in String(format: "%.1f", x) }
        let twoDecimals = { (x: Double) in String(format: "%.2f", x) }
        return Alert(
            brand: brand, kind: .trustDrop, aspect: nil, day: asOf,
            episodeStart: episodeStart(fingerprint: fingerprint, episodes: episodes, asOf: asOf),
            title: "\(brand): trust score fell from \(oneDecimal(before)) to \(oneDecimal(now)) in 30 days",
            details: [
                "trust score \(twoDecimals(before)) on \(monthAgo), \(twoDecimals(now)) on \(asOf)",
                "stars \(TrustModel.halfStars(before)) to \(TrustModel.halfStars(now))",
                "\(recent) rated reviews in the last 30 days",
            ])
    }
}
