import Testing
@testable import EarshotIngest

/// Ratings on any scale as stars on 1–5: the value out of `best`, as "8/10" reads.
struct StarRatingTests {
    @Test(arguments: [
        ("4", nil, nil, 4.0),
        ("4,5", "5", "1", 4.5),
        ("8", "10", "1", 4.0),
        ("10", "10", nil, 5.0),
        ("1", "10", "1", 1.0),
        ("80", "100", "0", 4.0),
        ("0", "5", "0", 1.0),
        ("6", nil, nil, nil),
        ("0", nil, nil, nil),
        ("great", nil, nil, nil),
        ("3", "1", "5", nil),
    ] as [(String, String?, String?, Double?)])
    func normalises(_ value: String, _ best: String?, _ worst: String?, _ stars: Double?) {
        #expect(StarRating.normalise(value: value, best: best, worst: worst) == stars)
    }
}
