import EarshotCore

extension SentimentScorer {
    /// Each aspect term gets the compound of its own clause; an aspect named several times
    /// gets the mean.
    /// - Parameter entries: the tokens' entries in `chain`.
    func aspectScores(_ tokens: TokenList, valences: [Double], chain: [IndexedLexicon], entries: ChainEntries) -> [AspectScore] {
        // Most texts name no aspect: no token is one or begins one.
        guard SentimentScorer.namesAspect(tokens, entries, chain: chain, words: tokenizer.words) else { return [] }
        // Clauses are numbered from 0, so an array holds their sums.
        var clauseSums = [Double].filled(with: 0, count: tokens.indices.reduce(0) { max($0, tokens.clause($1)) } + 1)
        for (i, value) in valences.enumerated() where value != 0 { clauseSums[tokens.clause(i)] += value }
        // A text names few aspects: a list searched in turn beats a dictionary. Each sum adds
        // the scores in the order found, from 0, as `reduce(0, +)` over them would.
        var found: [(term: AspectTerm, sum: Double, count: Int)] = []
        var i = 0
        while i < tokens.count {
            if let (term, length) = aspect(tokens, at: i, chain: chain, entries: entries) {
                let score = SentimentScorer.normalise(clauseSums[tokens.clause(i)])
                if let known = found.firstIndex(where: { $0.term.aspect == term.aspect }) {
                    found[known].sum += score
                    found[known].count += 1
                } else {
                    found.append((term, 0 + score, 1))
                }
                i += length
            } else {
                i += 1
            }
        }
        var scores = found.map { AspectScore(aspect: $0.term.aspect, touchpoint: $0.term.touchpoint, compound: $0.sum / Double($0.count)) }
        if scores.count > 1 { scores.sort { ($0.touchpoint, $0.aspect) < ($1.touchpoint, $1.aspect) } }
        return scores
    }

    /// True when some token's entry names an aspect or begins a multi-word one.
    static func namesAspect(_ tokens: TokenList, _ entries: ChainEntries, chain: [IndexedLexicon], words: WordTable) -> Bool {
        for (position, indexed) in chain.enumerated() {
            let begins = indexed.beginsAspect
            for index in tokens.indices {
                let entry = entries.entry(word: tokens.word(index), position, in: words)
                if entry >= 0, begins[entry] { return true }
            }
        }
        return false
    }

    private func aspect(_ tokens: TokenList, at index: Int, chain: [IndexedLexicon], entries: ChainEntries) -> (AspectTerm, Int)? {
        for (position, indexed) in chain.enumerated() {
            let entry = entries.entry(word: tokens.word(index), position, in: tokenizer.words)
            guard entry >= 0 else { continue }
            var length = min(indexed.aspectStarts[entry], tokens.count - index)
            while length > 1 {
                let found = indexed.table.index(forKeyBytes: tokens.phraseBytes(index..<(index + length)))
                if found >= 0, let term = indexed.aspects[found] { return (term, length) }
                length -= 1
            }
            if let term = indexed.aspects[entry] { return (term, 1) }
        }
        return nil
    }
}
