import EarshotAnalysis
import EarshotCore
import EarshotOutput
import Foundation

/// Computes the ``Report`` a run publishes from the stored history, so every writer shows the same figures.
struct ReportBuilder {
    var configuration: EarshotConfiguration
    var asOf: Day
    /// The days the report covers.
    var days: ClosedRange<Day>

    func build(mentions: [ScoredMention], series: [String: [BrandDay]], ratings: [RatedReview], alerts: [Alert],
               outcomes: [RunSummary.SourceOutcome], health: [SourceHealth], resolved: [Alert] = []) -> Report {
        let inWindow = mentions.filter { days.contains($0.mention.day) }
        let totals = Dictionary(grouping: inWindow, by: \.mention.brand).mapValues(\.count)
        let trust = TrustModel()
        let groupOf = Dictionary(configuration.sources.map { ($0.id, $0.trustGroup) }, uniquingKeysWith: { first, _ in first })
        let aggregator = DailyAggregator()
        var notes: [String] = []
        let brands = configuration.brands.map { brand -> BrandReport in
            let daily = (series[brand.name] ?? []).filter { days.contains($0.day) }
            var total = BrandDay(brand: brand.name, day: asOf)
            var touchpoints: [Touchpoint: TouchpointDay] = [:]
            for day in daily {
                total.mentions += day.mentions
                total.positive += day.positive
                total.neutral += day.neutral
                total.negative += day.negative
                total.compoundSum += day.compoundSum
                for star in 0..<5 { total.ratingHistogram[star] += day.ratingHistogram[star] }
                for (touchpoint, figures) in day.touchpoints {
                    touchpoints[touchpoint, default: TouchpointDay()].mentions += figures.mentions
                    touchpoints[touchpoint, default: TouchpointDay()].negative += figures.negative
                    touchpoints[touchpoint, default: TouchpointDay()].compoundSum += figures.compoundSum
                }
            }
            let own = ratings.filter { $0.brand == brand.name }
            // A source no longer in the config keeps its id as its group.
            let byGroup = Dictionary(grouping: own) { review in review.source.map { groupOf[$0] ?? $0 } ?? "unknown" }
            let groups = byGroup.keys.sorted().compactMap { group in
                trust.score(byGroup[group] ?? [], asOf: asOf).map { GroupTrust(group: group, trust: $0) }
            }
            return BrandReport(
                name: brand.name, mentions: total.mentions, positive: total.positive, neutral: total.neutral,
                negative: total.negative, meanCompound: total.meanCompound,
                trust: trust.score(own, asOf: asOf), fiveStarsToNextHalfStar: own.isEmpty ? nil : trust.fiveStarsToNextHalfStar(own, asOf: asOf),
                touchpoints: touchpoints, ratingHistogram: total.ratingHistogram,
                shareOfVoice: aggregator.shareOfVoice(totals: totals, brand: brand.name, competitors: brand.competitors),
                competitors: brand.competitors, daily: daily, weekly: WeeklyAggregator().weeks(daily),
                trustTrend: own.isEmpty ? nil : trust.trend(own, days: days), trustByGroup: groups)
        }
        if let latest = mentions.map(\.mention.day).max(), latest < days.lowerBound {
            notes.append("No mentions in this window; the latest stored mention is from \(latest). Pass --as-of \(latest) to see that period.")
        } else if inWindow.isEmpty {
            notes.append("No mentions stored yet.")
        }
        let healthByID = Dictionary(health.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let sources = outcomes.map { SourceStatus(outcome: $0, health: healthByID[$0.id]) }
        return Report(asOf: asOf, days: days, brands: brands, alerts: alerts.filter { $0.inhibition == nil }, sources: sources,
                      mentions: inWindow, notes: notes, inhibited: alerts.filter { $0.inhibition != nil }, resolved: resolved)
    }
}
