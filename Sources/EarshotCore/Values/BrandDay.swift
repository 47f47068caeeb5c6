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

/// The figures of one brand in one ISO 8601 week (Monday to Sunday), summed from its days.
public struct BrandWeek: Sendable, Equatable, Codable {
    public var brand: String
    /// The ISO week-numbering year (the year of the week's Thursday).
    public var year: Int
    /// The ISO week number, 1–53.
    public var week: Int
    /// The week's Monday.
    public var start: Day
    /// Days of the week that the aggregated series covered (7 except at its ends).
    public var days: Int
    public var mentions: Int
    public var positive: Int
    public var neutral: Int
    public var negative: Int
    public var compoundSum: Double
    /// Mentions about customer service: how many, how many negative about it, their compound sum.
    public var service: TouchpointDay
    /// Mentions about the customer experience.
    public var experience: TouchpointDay

    public init(brand: String, year: Int, week: Int, start: Day) {
        self.brand = brand
        self.year = year
        self.week = week
        self.start = start
        days = 0
        mentions = 0
        positive = 0
        neutral = 0
        negative = 0
        compoundSum = 0
        service = TouchpointDay()
        experience = TouchpointDay()
    }

    /// `2026-W47`.
    public var label: String {
        let w = week < 10 ? "0\(week)" : "\(week)"
        return "\(year)-W\(w)"
    }

    public var meanCompound: Double { mentions == 0 ? 0 : compoundSum / Double(mentions) }

    /// Adds one day of the brand.
    public mutating func add(_ day: BrandDay) {
        days += 1
        mentions += day.mentions
        positive += day.positive
        neutral += day.neutral
        negative += day.negative
        compoundSum += day.compoundSum
        for (touchpoint, figures) in day.touchpoints {
            switch touchpoint {
            case .service:
                service.mentions += figures.mentions
                service.negative += figures.negative
                service.compoundSum += figures.compoundSum
            case .experience:
                experience.mentions += figures.mentions
                experience.negative += figures.negative
                experience.compoundSum += figures.compoundSum
            }
        }
    }
}
