import EarshotCore
import Foundation

/// Renders a ``Report`` as `summary.json`, the machine-readable contract of a run that
/// DESIGN.md fixes for other tools.
///
/// ```json
/// {"schemaVersion": 1, "asOf": "YYYY-MM-DD", "window": {"from", "through"},
///  "brands": [{"name", "mentions", "trustScore": {"value", "stars", "ratedReviews"} | null,
///              "sentiment": {"positive", "neutral", "negative", "meanCompound"},
///              "aspects": {"service": {"mentions", "negative", "meanCompound"}, "experience": {…}},
///              "shareOfVoice", "fiveStarsToNextHalfStar",
///              "weekly": [{"week": "2026-W47", "start", "days", "mentions", "positive", "neutral", "negative",
///                          "meanCompound", "service": {…}, "experience": {…}}],
///              "trustTrend": {"change30Days", "daily": [{"day", "value", "ratedReviews"}]} | null}],
///  "alerts": [{"brand", "kind", "aspect", "day", "episodeStart", "episodeID", "title", "details",
///              "evidence": [{"text", "url", "compound"}], "status", "notificationID", "inhibition"}],
///  "inhibited": [alert, with "inhibition" saying why], "resolved": [alert, "status": "resolved"],
///  "sources": [{"id", "status", "items", "newMentions", "message", "consecutiveFailures"}]}
/// ```
///
/// Keys are always present (`null` when absent) and sorted; the output is pretty-printed;
/// non-count numbers are rounded to four decimals; a `meanCompound` over no mentions is `null`.
public struct SummaryJSONWriter: ReportWriter {
    /// `summary.json`.
    public let fileName = "summary.json"
    /// The version of the contract this writer produces.
    public static let schemaVersion = 1

    /// Creates a writer.
    public init() {}

    /// Renders the file as UTF-8 JSON ending with a newline.
    ///
    /// - Parameter report: The computed report.
    /// - Returns: The bytes of `summary.json`.
    /// - Throws: `EarshotError` with code `.report` if encoding fails.
    public func render(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(summary(report))
            data.append(0x0A)
            return data
        } catch {
            throw EarshotError(.report, "cannot encode \(fileName): \(error); this is a bug, please report it", cause: error)
        }
    }

    func summary(_ report: Report) -> SummaryJSON {
        SummaryJSON(
            asOf: report.asOf.description,
            window: .init(from: report.days.lowerBound.description, through: report.days.upperBound.description),
            brands: report.brands.map(brand), alerts: report.alerts.map(alert), inhibited: report.inhibited.map(alert),
            resolved: report.resolved.map(alert), sources: report.sources.map(source))
    }

    func brand(_ brand: BrandReport) -> SummaryJSON.Brand {
        func trust(_ score: TrustScore) -> SummaryJSON.TrustScore {
            SummaryJSON.TrustScore(value: SummaryJSON.rounded(score.value), stars: SummaryJSON.rounded(score.stars),
                                   ratedReviews: score.ratedReviews)
        }
        return SummaryJSON.Brand(
            name: brand.name, mentions: brand.mentions,
            trustScore: brand.trust.map(trust),
            sentiment: .init(positive: brand.positive, neutral: brand.neutral, negative: brand.negative,
                             meanCompound: brand.mentions == 0 ? nil : SummaryJSON.rounded(brand.meanCompound)),
            aspects: .init(service: aspect(brand.touchpoints[.service]), experience: aspect(brand.touchpoints[.experience])),
            shareOfVoice: SummaryJSON.rounded(brand.shareOfVoice),
            fiveStarsToNextHalfStar: brand.fiveStarsToNextHalfStar,
            weekly: brand.weekly.map { week in
                SummaryJSON.Week(week: week.label, start: week.start.description, days: week.days, mentions: week.mentions,
                                 positive: week.positive, neutral: week.neutral, negative: week.negative,
                                 meanCompound: week.mentions == 0 ? nil : SummaryJSON.rounded(week.meanCompound),
                                 service: aspect(week.service), experience: aspect(week.experience))
            },
            trustTrend: brand.trustTrend.map { trend in
                SummaryJSON.TrustTrend(change30Days: trend.change30Days.flatMap(SummaryJSON.rounded),
                                       daily: trend.points.map { .init(day: $0.day.description, value: SummaryJSON.rounded($0.value), ratedReviews: $0.ratedReviews) })
            },
            trustByGroup: brand.trustByGroup.map { SummaryJSON.GroupTrust(group: $0.group, trustScore: trust($0.trust)) })
    }

    func aspect(_ figures: TouchpointDay?) -> SummaryJSON.Aspect {
        let figures = figures ?? TouchpointDay()
        return .init(mentions: figures.mentions, negative: figures.negative,
                     meanCompound: figures.mentions == 0 ? nil : SummaryJSON.rounded(figures.meanCompound))
    }

    func alert(_ alert: Alert) -> SummaryJSON.Alert {
        SummaryJSON.Alert(
            brand: alert.brand, kind: alert.kind.rawValue, aspect: alert.aspect, day: alert.day.description,
            episodeStart: alert.episodeStart.description, episodeID: alert.episodeID, title: alert.title,
            details: alert.details,
            evidence: alert.evidence.map { .init(text: $0.text, url: $0.url, compound: SummaryJSON.rounded($0.compound)) },
            status: alert.status.rawValue, notificationID: alert.notificationID, inhibition: alert.inhibition)
    }

    func source(_ source: SourceStatus) -> SummaryJSON.Source {
        SummaryJSON.Source(
            id: source.outcome.id, status: source.outcome.status.rawValue, items: source.outcome.items,
            newMentions: source.outcome.newMentions, message: source.outcome.message,
            consecutiveFailures: source.health?.consecutiveFailures)
    }
}
