/// One star rating of a brand on a day: the only input of the trust score.
public struct RatedReview: Sendable, Equatable, Codable {
    public var brand: String
    public var day: Day
    /// Stars on 1–5.
    public var rating: Double

    public init(brand: String, day: Day, rating: Double) {
        self.brand = brand
        self.day = day
        self.rating = rating
    }
}
