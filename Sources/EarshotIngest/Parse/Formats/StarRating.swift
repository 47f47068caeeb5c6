import Foundation

/// Star ratings on any scale, normalised to 1–5.
enum StarRating {
    /// `value` out of `best` as stars out of 5 (8 of 10 is 4 stars, as the reviewer's "8/10"
    /// reads), kept within 1–5; nil when unreadable or outside `worst...best`
    /// (schema.org's defaults: 1 and 5).
    static func normalise(value: String?, best: String?, worst: String?) -> Double? {
        func number(_ text: String?) -> Double? {
            text.flatMap { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) }
        }
        guard let v = number(value), v.isFinite else { return nil }
        let high = number(best) ?? 5
        let low = number(worst) ?? 1
        guard high.isFinite, low.isFinite, high > low, high > 0, v >= low, v <= high else { return nil }
        let stars = min(5, max(1, v * 5 / high))
        return (stars * 100).rounded() / 100
    }
}
