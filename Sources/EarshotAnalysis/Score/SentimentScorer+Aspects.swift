import EarshotCore

extension SentimentScorer {
    /// Each aspect term gets the compound of its own clause; an aspect named several times
    /// gets the mean.
    func aspectScores(_ tokens: [Token], valences: [Double], chain: [IndexedLexicon]) -> [AspectScore] {
        var clauseSums: [Int: Double] = [:]
        for (i, value) in valences.enumerated() where value != 0 { clauseSums[tokens[i].clause, default: 0] += value }
        var found: [String: (term: AspectTerm, scores: [Double])] = [:]
        var i = 0
        while i < tokens.count {
            if let (term, length) = aspect(tokens, at: i, chain: chain) {
                found[term.aspect, default: (term, [])].scores.append(SentimentScorer.normalise(clauseSums[tokens[i].clause] ?? 0))
                i += length
            } else {
                i += 1
            }
        }
        return found.values
            .map { AspectScore(aspect: $0.term.aspect, touchpoint: $0.term.touchpoint, compound: $0.scores.reduce(0, +) / Double($0.scores.count)) }
            .sorted { ($0.touchpoint, $0.aspect) < ($1.touchpoint, $1.aspect) }
    }

    private func aspect(_ tokens: [Token], at index: Int, chain: [IndexedLexicon]) -> (AspectTerm, Int)? {
        for indexed in chain {
            guard let entry = indexed.entries[tokens[index].text] else { continue }
            var length = min(entry.aspectStart, tokens.count - index)
            while length > 1 {
                let phrase = tokens[index..<(index + length)].map(\.text).joined(separator: " ")
                if let term = indexed.entries[phrase]?.aspect { return (term, length) }
                length -= 1
            }
            if let term = entry.aspect { return (term, 1) }
        }
        return nil
    }
}
