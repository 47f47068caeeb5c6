import Testing
@testable import EarshotIngest

struct RetryPolicyTests {
    /// SplitMix64: a seeded generator, so the jitter is reproducible here.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<50 as Range<UInt64>)
    func waitsAreJitteredUnderTheExponentialCeiling(_ seed: UInt64) {
        var generator = SeededGenerator(state: seed)
        let policy = RetryPolicy.standard
        var waited = Duration.zero
        for retry in 1...policy.maxRetries {
            let delay = policy.delay(beforeRetry: retry, waited: waited, using: &generator)
            #expect(delay >= .zero)
            #expect(delay <= policy.baseDelay * (1 << (retry - 1)))
            waited += delay
        }
        #expect(waited <= policy.maxTotalDelay)
    }

    @Test func totalWaitIsCapped() {
        var generator = SeededGenerator(state: 7)
        let policy = RetryPolicy(maxRetries: 10, baseDelay: .seconds(2), maxTotalDelay: .seconds(3))
        var waited = Duration.zero
        for retry in 1...policy.maxRetries {
            waited += policy.delay(beforeRetry: retry, waited: waited, using: &generator)
        }
        #expect(waited <= .seconds(3))
    }

    @Test func jitterSpreadsTheWaits() {
        var generator = SeededGenerator(state: 42)
        let delays = (0..<20).map { _ in RetryPolicy.standard.delay(beforeRetry: 1, using: &generator) }
        #expect(Set(delays).count > 10)
    }
}
