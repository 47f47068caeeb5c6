import EarshotCore
import Foundation

/// Everything a run's reports show, computed before any writer runs.
///
/// Writers (HTML, Markdown, CSV, JSON) only format this value; they compute nothing, so
/// all four always agree.
public struct Report: Sendable {
    /// The run's "today".
    public var asOf: Day
    /// The days the charts and tables cover, oldest first.
    public var days: ClosedRange<Day>
    /// One entry per configured brand, in configuration order.
    public var brands: [BrandReport]
    /// Alerts firing this run (new and ongoing episodes) that may be sent.
    public var alerts: [Alert]
    /// Alerts firing this run but held back, each with its ``EarshotCore/Alert/inhibition``
    /// (a volume drop while a source of the brand fails).
    public var inhibited: [Alert]
    /// "Resolved" notices of episodes that ended this run.
    public var resolved: [Alert]
    /// One entry per configured source, in configuration order.
    public var sources: [SourceStatus]
    /// Mentions in ``days``, oldest first, for `mentions.csv`.
    public var mentions: [ScoredMention]
    /// Lines shown at the top of the report (for example "no mentions since 2026-11-20").
    public var notes: [String]

    public init(asOf: Day, days: ClosedRange<Day>, brands: [BrandReport], alerts: [Alert], sources: [SourceStatus],
                mentions: [ScoredMention], notes: [String] = [], inhibited: [Alert] = [], resolved: [Alert] = []) {
        self.asOf = asOf
        self.days = days
        self.brands = brands
        self.alerts = alerts
        self.inhibited = inhibited
        self.resolved = resolved
        self.sources = sources
        self.mentions = mentions
        self.notes = notes
    }
}

/// One brand's figures over the report window.
public struct BrandReport: Sendable {
    /// The brand's name as configured.
    public var name: String
    /// Mentions in the window.
    public var mentions: Int
    /// Mentions in the window by polarity (they add up to ``mentions``).
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    /// The mean compound score of the window's mentions (0 without mentions).
    public var meanCompound: Double
    /// The trust score at ``Report/asOf``, nil when the brand has no rated review.
    public var trust: TrustScore?
    /// How many 5-star reviews would lift the trust score to the next half star.
    public var fiveStarsToNextHalfStar: Int?
    /// Per touchpoint: mentions naming it, how many of those were negative about it, mean compound.
    public var touchpoints: [Touchpoint: TouchpointDay]
    /// Counts of rated reviews in the window by star (index 0 is 1 star).
    public var ratingHistogram: [Int]
    /// This brand's share of the mentions of itself and its competitors in the window, in [0, 1].
    public var shareOfVoice: Double
    /// The brands this one is compared with, as configured.
    public var competitors: [String]
    /// One entry per day of the window, zero-filled.
    public var daily: [BrandDay]
    /// The window's ISO weeks, oldest first (the first and last may be partial).
    public var weekly: [BrandWeek]
    /// The trust score per day of the window and its 30-day change, nil without rated reviews.
    public var trustTrend: TrustTrend?
    /// The trust score of each source group with rated reviews (config `sources[].group`, else
    /// the source id), by group name.
    public var trustByGroup: [GroupTrust]

    public init(name: String, mentions: Int, positive: Int, neutral: Int, negative: Int, meanCompound: Double,
                trust: TrustScore?, fiveStarsToNextHalfStar: Int?, touchpoints: [Touchpoint: TouchpointDay],
                ratingHistogram: [Int], shareOfVoice: Double, competitors: [String], daily: [BrandDay],
                weekly: [BrandWeek] = [], trustTrend: TrustTrend? = nil, trustByGroup: [GroupTrust] = []) {
        self.trustByGroup = trustByGroup
        self.weekly = weekly
        self.trustTrend = trustTrend
        self.name = name
        self.mentions = mentions
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.meanCompound = meanCompound
        self.trust = trust
        self.fiveStarsToNextHalfStar = fiveStarsToNextHalfStar
        self.touchpoints = touchpoints
        self.ratingHistogram = ratingHistogram
        self.shareOfVoice = shareOfVoice
        self.competitors = competitors
        self.daily = daily
    }
}

/// A brand's trust score over the rated reviews of one source group.
public struct GroupTrust: Sendable, Equatable {
    /// The group (config `sources[].group`, else the source id).
    public var group: String
    public var trust: TrustScore

    public init(group: String, trust: TrustScore) {
        self.group = group
        self.trust = trust
    }
}

/// How one source fared in this run, and over time.
public struct SourceStatus: Sendable {
    /// What this run did with the source.
    public var outcome: RunSummary.SourceOutcome
    /// The source's record over all runs, nil when the store has none yet.
    public var health: SourceHealth?

    public init(outcome: RunSummary.SourceOutcome, health: SourceHealth?) {
        self.outcome = outcome
        self.health = health
    }
}
