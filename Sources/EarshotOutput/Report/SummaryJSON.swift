/// The shape of `summary.json`, field for field as DESIGN.md's contract fixes it.
///
/// Every key is always present (optional fields encode as `null`), numbers that are not
/// counts are rounded to four decimals, and days are `YYYY-MM-DD`. New fields may be added;
/// existing ones keep their meaning.
struct SummaryJSON: Encodable {
    var schemaVersion = 1
    var asOf: String
    var window: Window
    var brands: [Brand]
    var alerts: [Alert]
    /// Volume drops held back while a source of the brand fails, each with `inhibition`.
    var inhibited: [Alert]
    /// "Resolved" notices of episodes that ended this run.
    var resolved: [Alert]
    var sources: [Source]

    /// The days the report covers, both ends included.
    struct Window: Encodable {
        var from: String
        var through: String
    }

    struct Brand: Encodable {
        var name: String
        var mentions: Int
        @JSONNullable var trustScore: TrustScore?
        var sentiment: Sentiment
        var aspects: Aspects
        @JSONNullable var shareOfVoice: Double?
        @JSONNullable var fiveStarsToNextHalfStar: Int?
        /// Per ISO week of the window: volume, polarity counts, mean compound, service vs experience.
        var weekly: [Week]
        /// The trust score per day and its 30-day change; `null` without rated reviews.
        @JSONNullable var trustTrend: TrustTrend?
        /// The trust score per source group (config `sources[].group`, else the source id).
        var trustByGroup: [GroupTrust]
    }

    struct GroupTrust: Encodable {
        var group: String
        var trustScore: TrustScore
    }

    struct Week: Encodable {
        var week: String
        var start: String
        var days: Int
        var mentions: Int
        var positive: Int
        var neutral: Int
        var negative: Int
        @JSONNullable var meanCompound: Double?
        var service: Aspect
        var experience: Aspect
    }

    struct TrustTrend: Encodable {
        @JSONNullable var change30Days: Double?
        var daily: [TrustPoint]
    }

    struct TrustPoint: Encodable {
        var day: String
        @JSONNullable var value: Double?
        var ratedReviews: Int
    }

    struct TrustScore: Encodable {
        @JSONNullable var value: Double?
        @JSONNullable var stars: Double?
        var ratedReviews: Int
    }

    /// Counts of mentions by polarity, and their mean compound (`null` without mentions).
    struct Sentiment: Encodable {
        var positive: Int
        var neutral: Int
        var negative: Int
        @JSONNullable var meanCompound: Double?
    }

    struct Aspects: Encodable {
        var service: Aspect
        var experience: Aspect
    }

    /// Mentions naming a touchpoint, how many were negative about it, and their mean compound
    /// (`null` without mentions).
    struct Aspect: Encodable {
        var mentions: Int
        var negative: Int
        @JSONNullable var meanCompound: Double?
    }

    struct Alert: Encodable {
        var brand: String
        var kind: String
        @JSONNullable var aspect: String?
        var day: String
        var episodeStart: String
        var episodeID: String
        var title: String
        var details: [String]
        var evidence: [Evidence]
        var status: String
        var notificationID: String
        @JSONNullable var inhibition: String?
    }

    struct Evidence: Encodable {
        var text: String
        @JSONNullable var url: String?
        @JSONNullable var compound: Double?
    }

    struct Source: Encodable {
        var id: String
        var status: String
        var items: Int
        var newMentions: Int
        @JSONNullable var message: String?
        /// `null` when the store has no health record for the source yet.
        @JSONNullable var consecutiveFailures: Int?
    }

    /// `value` rounded to four decimals, or nil when it is not a finite number (JSON has no NaN).
    static func rounded(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == 0 ? 0 : rounded
    }
}
