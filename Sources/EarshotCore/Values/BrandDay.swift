/// The figures of one brand on one day, aggregated from its scored mentions.
public struct BrandDay: Sendable, Equatable, Codable {
    public var brand: String
    public var day: Day
    public var mentions: Int
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    public var compoundSum: Double
    /// Counts of rated reviews by star, index 0 is 1 star (ratings are rounded to whole stars).
    public var ratingHistogram: [Int]
    public var ratingSum: Double
    public var touchpoints: [Touchpoint: TouchpointDay]

    public init(brand: String, day: Day) {
        self.brand = brand
        self.day = day
        mentions = 0
        positive = 0
        neutral = 0
        negative = 0
        compoundSum = 0
        ratingHistogram = [0, 0, 0, 0, 0]
        ratingSum = 0
        touchpoints = [:]
    }

    public var ratedReviews: Int { ratingHistogram.reduce(0, +) }
    public var meanCompound: Double { mentions == 0 ? 0 : compoundSum / Double(mentions) }
    public var meanRating: Double? { ratedReviews == 0 ? nil : ratingSum / Double(ratedReviews) }

    /// Adds one scored mention to the day.
    public mutating func add(_ scored: ScoredMention) {
        mentions += 1
        compoundSum += scored.sentiment.compound
        switch scored.sentiment.polarity {
        case .positive: positive += 1
        case .neutral: neutral += 1
        case .negative: negative += 1
        }
        if let rating = scored.mention.rating {
            let star = min(5, max(1, Int(rating.rounded())))
            ratingHistogram[star - 1] += 1
            ratingSum += rating
        }
        for touchpoint in Touchpoint.allCases {
            guard let compound = scored.compound(for: touchpoint) else { continue }
            touchpoints[touchpoint, default: TouchpointDay()].add(compound)
        }
    }
}

/// The mentions of one touchpoint on one day.
public struct TouchpointDay: Sendable, Equatable, Codable {
    public var mentions = 0
    public var negative = 0
    public var compoundSum = 0.0

    public init() {}

    public var meanCompound: Double { mentions == 0 ? 0 : compoundSum / Double(mentions) }

    public mutating func add(_ compound: Double) {
        mentions += 1
        compoundSum += compound
        if Polarity(compound: compound) == .negative { negative += 1 }
    }
}
