import Foundation

/// Exact Poisson tail probabilities.
enum Poisson {
    /// P(X ≥ k) for X ~ Poisson(mean).
    ///
    /// Like ``Binomial/upperTail(k:n:p:)``: sums the masses from the side of `k` away from the
    /// mean, where they shrink, with `P(i + 1) / P(i) = mean / (i + 1)`; the first mass in log space.
    static func upperTail(k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0 else { return 0 }
        if Double(k) > mean {
            var term = mass(k, mean), total = 0.0, i = k
            while true {
                total += term
                guard term > total * 1e-18 else { break }
                i += 1
                term *= mean / Double(i)
            }
            return min(1, total)
        }
        var term = mass(k - 1, mean), lower = 0.0
        for i in stride(from: k - 1, through: 0, by: -1) {
            lower += term
            guard i > 0, term > lower * 1e-18 else { break }
            term *= Double(i) / mean
        }
        return max(0, 1 - lower)
    }

    /// P(X = k) = e^(−mean) · mean^k / k!.
    static func mass(_ k: Int, _ mean: Double) -> Double {
        var logFactorial = 0.0
        if k > 1 { for j in 2...k { logFactorial += log(Double(j)) } }
        return exp(-mean + Double(k) * log(mean) - logFactorial)
    }

    /// P(X ≤ k) for X ~ Poisson(mean): `1 − P(X ≥ k + 1)` when k is above the mean, else the
    /// masses summed from `k` down, where they shrink (no cancellation in the far lower tail).
    static func lowerTail(k: Int, mean: Double) -> Double {
        guard k >= 0 else { return 0 }
        guard mean > 0 else { return 1 }
        if Double(k) >= mean { return max(0, 1 - upperTail(k: k + 1, mean: mean)) }
        var term = mass(k, mean), total = 0.0
        for i in stride(from: k, through: 0, by: -1) {
            total += term
            guard i > 0, term > total * 1e-18 else { break }
            term *= Double(i) / mean
        }
        return min(1, total)
    }
}
