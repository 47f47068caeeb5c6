/// One star rating of a brand on a day: the only input of the trust score.
public struct RatedReview: Sendable, Equatable, Codable {
    public var brand: String
    public var day: Day
    /// Stars on 1–5.
    public var rating: Double
    /// The id of the source the review came from, when known (for trust per source group).
    public var source: String?

    public init(brand: String, day: Day, rating: Double, source: String? = nil) {
        self.brand = brand
        self.day = day
        self.rating = rating
        self.source = source
    }
}
