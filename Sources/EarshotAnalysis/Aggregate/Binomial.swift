import Foundation

/// Exact binomial tail probabilities.
enum Binomial {
    /// P(X ≥ k) for X ~ Binomial(n, p).
    ///
    /// Sums the probability masses from the side of `k` away from the mean, where they shrink
    /// geometrically: upward from `k` when `k` is above the mean, else `1 − P(X ≤ k − 1)` summed
    /// downward. The first mass is computed in log space (`log C(n, k)` as a sum of logs, so no
    /// `lgamma` and its process-wide sign variable); the next ones by the ratio
    /// `P(i + 1) / P(i) = (n − i) / (i + 1) · p / (1 − p)`.
    static func upperTail(k: Int, n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        guard p > 0 else { return 0 }
        guard p < 1 else { return 1 }
        let odds = p / (1 - p)
        if Double(k) > Double(n) * p {
            var term = mass(k, n, p), total = 0.0
            for i in k...n {
                total += term
                guard i < n, term > total * 1e-18 else { break }
                term *= Double(n - i) / Double(i + 1) * odds
            }
            return min(1, total)
        }
        var term = mass(k - 1, n, p), lower = 0.0
        for i in stride(from: k - 1, through: 0, by: -1) {
            lower += term
            guard i > 0, term > lower * 1e-18 else { break }
            term *= Double(i) / Double(n - i + 1) / odds
        }
        return max(0, 1 - lower)
    }

    /// P(X = k).
    static func mass(_ k: Int, _ n: Int, _ p: Double) -> Double {
        exp(logChoose(n, k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }

    /// log C(n, k), summed over the shorter side.
    static func logChoose(_ n: Int, _ k: Int) -> Double {
        let k = min(k, n - k)
        guard k > 0 else { return 0 }
        var sum = 0.0
        for j in 1...k { sum += log(Double(n - k + j) / Double(j)) }
        return sum
    }
}
