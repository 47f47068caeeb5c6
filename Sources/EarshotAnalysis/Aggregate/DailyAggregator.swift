import EarshotCore

/// Folds scored mentions into one ``BrandDay`` per brand and day.
public struct DailyAggregator: Sendable {
    public init() {}

    /// Per brand, a zero-filled series over `days` (oldest first).
    public func series(_ mentions: [ScoredMention], brands: [String], days: ClosedRange<Day>) -> [String: [BrandDay]] {
        var result: [String: [BrandDay]] = [:]
        let count = days.lowerBound.distance(to: days.upperBound) + 1
        for brand in brands {
            result[brand] = (0..<count).map { BrandDay(brand: brand, day: days.lowerBound.advanced(by: $0)) }
        }
        for scored in mentions {
            let day = scored.mention.day
            guard days.contains(day), result[scored.mention.brand] != nil else { continue }
            result[scored.mention.brand]![days.lowerBound.distance(to: day)].add(scored)
        }
        return result
    }

    /// Each brand's share of the mentions of itself and its competitors, in [0, 1]; 0 when none of them was mentioned.
    /// Each brand counts once, even when a config lists it twice or among its own competitors.
    public func shareOfVoice(totals: [String: Int], brand: String, competitors: [String]) -> Double {
        let own = totals[brand] ?? 0
        let all = Set([brand] + competitors).reduce(0) { $0 + (totals[$1] ?? 0) }
        return all == 0 ? 0 : Double(own) / Double(all)
    }
}
