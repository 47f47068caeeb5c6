@testable import EarshotAnalysis
import Foundation
import Testing

/// `Binomial.upperTail(k:n:p:)` is P(X ≥ k) for X ~ Binomial(n, p).
@Suite struct BinomialTests {
    struct Known: Sendable, CustomTestStringConvertible {
        var k: Int, n: Int, p: Double, tail: Double
        var testDescription: String { "P(X≥\(k) | n=\(n), p=\(p))" }
    }

    @Test(arguments: [
        // C(10,8)·0.3⁸·0.7² + C(10,9)·0.3⁹·0.7 + 0.3¹⁰
        //   = 45·6.561e-5·0.49 + 10·1.9683e-5·0.7 + 5.9049e-6
        //   = 1.4467005e-3 + 1.37781e-4 + 5.9049e-6 = 1.5903864e-3
        Known(k: 8, n: 10, p: 0.3, tail: 1.5903864e-3),
        // Σ_{i=28}^{31} C(31,i)·0.344^i·0.656^(31−i): the i = 28 term dominates,
        // 4495·0.344²⁸·0.656³ ≈ 4495·1.05e-13·0.2823 ≈ 1.33e-10; all four terms sum to 1.4151869554559e-10.
        Known(k: 28, n: 31, p: 0.344, tail: 1.4151869554559383e-10),
        // Every trial a success: p^n.
        Known(k: 3, n: 3, p: 0.25, tail: 0.015625),            // 1/64
        Known(k: 9, n: 9, p: 0.25, tail: 3.814697265625e-06),  // 1/4⁹
        Known(k: 3, n: 3, p: 0.1, tail: 0.001),
        // 1 − P(X = 0) = 1 − 0.5⁵ = 31/32.
        Known(k: 1, n: 5, p: 0.5, tail: 0.96875),
        // A day of 10 mentions at a 25% baseline: 8 negatives is the least that passes p < 0.001.
        // P(X≥8) = (45·9 + 10·3 + 1) / 4¹⁰ = 436 / 1048576.
        Known(k: 8, n: 10, p: 0.25, tail: 436.0 / 1_048_576),
        // P(X≥7) = (120·27 + 436) / 4¹⁰ = 3676 / 1048576 ≈ 0.0035: not below 0.001.
        Known(k: 7, n: 10, p: 0.25, tail: 3676.0 / 1_048_576),
    ])
    func matchesKnownValues(_ known: Known) {
        let tail = Binomial.upperTail(k: known.k, n: known.n, p: known.p)
        #expect(abs(tail - known.tail) <= 1e-9 * known.tail, "got \(tail)")
    }

    @Test func edgesAreExact() {
        // k ≤ 0: X ≥ 0 always holds.
        #expect(Binomial.upperTail(k: 0, n: 10, p: 0.3) == 1)
        #expect(Binomial.upperTail(k: 0, n: 0, p: 0.3) == 1)
        #expect(Binomial.upperTail(k: -2, n: 10, p: 0.3) == 1)
        // k > n: impossible.
        #expect(Binomial.upperTail(k: 11, n: 10, p: 0.3) == 0)
        #expect(Binomial.upperTail(k: 1, n: 0, p: 0.9) == 0)
        // p = 0 never succeeds, p = 1 always does.
        #expect(Binomial.upperTail(k: 1, n: 10, p: 0) == 0)
        #expect(Binomial.upperTail(k: 10, n: 10, p: 1) == 1)
    }

    @Test(arguments: [(10, 0.3), (31, 0.344), (200, 0.05), (2_000, 0.25)])
    func decreasesInKAndEachStepIsTheProbabilityMass(n: Int, p: Double) {
        // upperTail(k) − upperTail(k+1) = P(X = k), and P(X = k+1)/P(X = k) = (n−k)/(k+1) · p/(1−p).
        var previous = Binomial.upperTail(k: 0, n: n, p: p)
        #expect(previous == 1)
        var mass = pow(1 - p, Double(n)) // P(X = 0)
        for k in 1...(n + 1) {
            let tail = Binomial.upperTail(k: k, n: n, p: p)
            #expect(tail <= previous, "k=\(k)")
            #expect(tail >= 0 && tail <= 1)
            if n <= 200 {
                // The step from k − 1 to k is the mass at k − 1, to rounding of the larger tail.
                #expect(abs((previous - tail) - mass) <= 1e-12 * max(previous, 1e-300) + 1e-300, "k=\(k)")
            }
            mass *= Double(n - k + 1) / Double(k) * p / (1 - p)
            previous = tail
        }
    }

    @Test func largeSamplesStayFiniteAndAccurate() {
        // n = 2000, p = 0.25: mean 500, σ = √375 ≈ 19.4. P(X ≥ 500) is a little over one half
        // (the median of a binomial is its mean when n·p is whole, and the mass at 500 is ≈ 0.0206).
        let middle = Binomial.upperTail(k: 500, n: 2_000, p: 0.25)
        #expect(middle > 0.5 && middle < 0.52)
        // 8σ above the mean is far below any threshold, but not zero or NaN.
        let far = Binomial.upperTail(k: 655, n: 2_000, p: 0.25)
        #expect(far > 0 && far < 1e-12)
    }
}
