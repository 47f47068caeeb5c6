/// Which words of a folded text each byte range covers, for `NEAR/n`.
struct WordPositions {
    /// An occurrence (or several joined by `NEAR/n`): its bytes and the words it covers.
    struct Span {
        var start: Int, end: Int, firstWord: Int, lastWord: Int

        func union(_ other: Span) -> Span {
            Span(start: min(start, other.start), end: max(end, other.end),
                 firstWord: min(firstWord, other.firstWord), lastWord: max(lastWord, other.lastWord))
        }
    }

    private let starts: [Int]
    private let ends: [Int]

    init(_ bytes: [UInt8]) {
        (starts, ends) = WordBoundary.words(in: bytes)
    }

    /// The span of bytes `start..<end`: from the first word ending after `start` to the last word
    /// starting before `end` (a term of punctuation only sits at the next word).
    func span(_ start: Int, _ end: Int) -> Span {
        let first = firstIndex(in: ends) { $0 > start }
        let last = firstIndex(in: starts) { $0 >= end } - 1
        return Span(start: start, end: end, firstWord: first, lastWord: max(first, last))
    }

    /// The first index whose element satisfies `isAfter` (a predicate that is monotone in the index).
    private func firstIndex(in sorted: [Int], where isAfter: (Int) -> Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if isAfter(sorted[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
