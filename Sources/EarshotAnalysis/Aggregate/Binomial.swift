import Foundation

/// Exact binomial tail probabilities.
enum Binomial {
    /// P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large n stays exact enough.
    static func upperTail(k: Int, n: Int, p: Double) -> Double {
        guard k > 0 else { return 1 }
        guard k <= n else { return 0 }
        guard p > 0 else { return 0 }
        guard p < 1 else { return 1 }
        let logP = log(p), logQ = log1p(-p)
        func lgamma(_ x: Double) -> Double { Foundation.lgamma(x) as Double }
        let logN = lgamma(Double(n + 1))
        var total = 0.0
        for i in k...n {
            let logTerm = logN - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) + Double(i) * logP + Double(n - i) * logQ
            total += exp(logTerm)
        }
        return min(1, total)
    }
}
