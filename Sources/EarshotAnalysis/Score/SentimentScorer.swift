import EarshotCore
import Foundation

/// A lexicon-and-rules sentiment scorer in VADER's family, for English, Simplified Chinese and Malay.
///
/// Rules, with VADER's constants: negation within three words before a term in the same
/// clause (×-0.74), boosters and dampeners (±0.293, fading with distance), ALL-CAPS emphasis
/// next to lower-case text (+0.733), "least", contrast (the clause before "but", "tapi", "但是"
/// weighs half, the part after 1.5 times), "!" and "?" amplification, multi-word phrases, and
/// emoji. The compound is the normalised sum `x / sqrt(x² + 15)`. Each aspect term a clause
/// names receives the compound of that clause, so "love the product but support never
/// replied" is positive for product and negative for support.
public struct SentimentScorer: Sendable {
    public let lexicon: Lexicon
    let tokenizer: Tokenizer
    let detector = LanguageDetector()

    static let negationScalar = -0.74
    static let capsIncrement = 0.733
    static let normalisationAlpha = 15.0

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    /// Scores `text`.
    /// - Parameter language: `en`, `zh` or `ms`; nil detects it.
    public func score(_ text: String, language: String? = nil) -> ScoreResult {
        var tokens = tokenizer.tokens(text)
        let lang = language ?? detector.detect(text)
        if lang == "ms" { tokens = tokens.map(normaliseMalay) }
        let chain = lookupChain(lang)
        let mixedCase = text.contains { $0.isLowercase } && text.contains { $0.isUppercase }

        var valences = [Double](repeating: 0, count: tokens.count)
        var contributions: [ScoreResult.Contribution] = []
        var covered = [Bool](repeating: false, count: tokens.count)
        var index = 0
        while index < tokens.count {
            guard let (term, base, length) = lookup(tokens, at: index, chain: chain) else { index += 1; continue }
            var value = base
            var rules: [String] = []
            let token = tokens[index]
            if mixedCase, length == 1, token.isAllCaps, !token.isHan {
                value += value > 0 ? SentimentScorer.capsIncrement : -SentimentScorer.capsIncrement
                rules.append("ALL CAPS")
            }
            // Boosters and dampeners up to three words back, in the same clause.
            for distance in 1...3 {
                let position = index - distance
                guard position >= 0, tokens[position].clause == token.clause, !covered[position] else { break }
                if let weight = booster(tokens, endingAt: position, chain: chain) {
                    var scalar = weight * (value > 0 ? 1 : -1)
                    if mixedCase, tokens[position].isAllCaps { scalar += (value > 0 ? 1 : -1) * SentimentScorer.capsIncrement * (weight > 0 ? 1 : -1) }
                    scalar *= distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9
                    value += scalar
                    rules.append("\(weight > 0 ? "boosted" : "dampened") by '\(tokens[position].text)'")
                }
            }
            // Negation up to three words back (Chinese: two), in the same clause.
            let window = token.isHan ? 2 : 3
            for distance in 1...window {
                let position = index - distance
                guard position >= 0, tokens[position].clause == token.clause, !covered[position] else { break }
                if isNegator(tokens[position].text, chain: chain) {
                    value *= SentimentScorer.negationScalar
                    rules.append("negated by '\(tokens[position].text)'")
                    break
                }
                if tokens[position].text == "least", position == 0 || !["at", "very"].contains(tokens[position - 1].text) {
                    value *= SentimentScorer.negationScalar
                    rules.append("negated by 'least'")
                    break
                }
            }
            valences[index] = value
            for covered_ in index..<(index + length) { covered[covered_] = true }
            contributions.append(.init(term: term, base: base, final: value, rules: rules, clause: token.clause))
            index += length
        }

        // Contrast: the first contrast word halves what comes before it and lifts what follows.
        if let pivot = tokens.firstIndex(where: { isContrast($0.text, chain: chain) }) {
            for i in valences.indices where valences[i] != 0 {
                valences[i] *= i < pivot ? 0.5 : 1.5
            }
            for c in contributions.indices {
                let position = contributions[c].clause < tokens[pivot].clause ? 0.5 : 1.5
                contributions[c].final *= position
                contributions[c].rules.append(position < 1 ? "before '\(tokens[pivot].text)' ×0.5" : "after '\(tokens[pivot].text)' ×1.5")
            }
        }

        let sum = valences.reduce(0, +)
        let emphasis = punctuationEmphasis(text)
        let total = sum == 0 ? 0 : sum + (sum > 0 ? emphasis : -emphasis)
        let compound = SentimentScorer.normalise(total)
        let sentiment = proportions(valences: valences, emphasis: emphasis, compound: compound)

        // Aspects: each aspect term gets the compound of its clause.
        var clauseSums: [Int: Double] = [:]
        for (i, value) in valences.enumerated() where value != 0 { clauseSums[tokens[i].clause, default: 0] += value }
        var aspectScores: [String: (AspectTerm, [Double])] = [:]
        var i = 0
        while i < tokens.count {
            if let (term, length) = aspect(tokens, at: i, chain: chain) {
                aspectScores[term.aspect, default: (term, [])].1.append(SentimentScorer.normalise(clauseSums[tokens[i].clause] ?? 0))
                i += length
            } else {
                i += 1
            }
        }
        let aspects = aspectScores.values
            .map { AspectScore(aspect: $0.0.aspect, touchpoint: $0.0.touchpoint, compound: $0.1.reduce(0, +) / Double($0.1.count)) }
            .sorted { ($0.touchpoint, $0.aspect) < ($1.touchpoint, $1.aspect) }
        return ScoreResult(sentiment: sentiment, lang: lang, aspects: aspects, contributions: contributions)
    }

    /// VADER's normalisation of a valence sum into [-1, 1].
    static func normalise(_ score: Double) -> Double {
        guard score != 0 else { return 0 }
        let value = score / (score * score + normalisationAlpha).squareRoot()
        return min(1, max(-1, value))
    }

    // MARK: Lookups

    /// The languages whose lexicons a token is looked up in, in order.
    func lookupChain(_ lang: String) -> [LanguageLexicon] {
        switch lang {
        case "zh": return [lexicon["zh"], lexicon["en"]]
        case "ms": return [lexicon["ms"], lexicon["en"]]
        default: return [lexicon["en"]]
        }
    }

    private func lookup(_ tokens: [Token], at index: Int, chain: [LanguageLexicon]) -> (String, Double, Int)? {
        let token = tokens[index]
        if let value = lexicon.emoji[token.raw] ?? lexicon.emoji[token.text] { return (token.raw, value, 1) }
        for language in chain {
            if !token.isHan, language.maxPhraseWords > 1 {
                var length = min(language.maxPhraseWords, tokens.count - index)
                while length > 1 {
                    let slice = tokens[index..<(index + length)]
                    if slice.allSatisfy({ $0.clause == token.clause && !$0.isHan }) {
                        let phrase = slice.map(\.text).joined(separator: " ")
                        if let value = language.valence[phrase] { return (phrase, value, length) }
                    }
                    length -= 1
                }
            }
            if language.boosters[token.text] != nil || language.negators.contains(token.text) { return nil }
            if let value = language.valence[token.text] { return (token.text, value, 1) }
        }
        return nil
    }

    private func booster(_ tokens: [Token], endingAt position: Int, chain: [LanguageLexicon]) -> Double? {
        for language in chain {
            if let weight = language.boosters[tokens[position].text] { return weight }
            if position > 0, let weight = language.boosters[tokens[position - 1].text + " " + tokens[position].text] { return weight }
        }
        return nil
    }

    private func isNegator(_ text: String, chain: [LanguageLexicon]) -> Bool {
        if text.hasSuffix("n't") { return true }
        return chain.contains { $0.negators.contains(text) }
    }

    private func isContrast(_ text: String, chain: [LanguageLexicon]) -> Bool {
        chain.contains { $0.contrast.contains(text) }
    }

    private func aspect(_ tokens: [Token], at index: Int, chain: [LanguageLexicon]) -> (AspectTerm, Int)? {
        for language in chain {
            var length = min(3, tokens.count - index)
            while length > 1 {
                let phrase = tokens[index..<(index + length)].map(\.text).joined(separator: " ")
                if let term = language.aspects[phrase] { return (term, length) }
                length -= 1
            }
            if let term = language.aspects[tokens[index].text] { return (term, 1) }
        }
        return nil
    }

    /// Malay: colloquial spellings to standard, then affixes and reduplication stripped when
    /// that finds a lexicon word ("baik-baik" → "baik", "kecewanya" → "kecewa").
    private func normaliseMalay(_ token: Token) -> Token {
        let ms = lexicon["ms"]
        var token = token
        if let standard = ms.normalise[token.text] { token.text = standard }
        if token.isHan || ms.valence[token.text] != nil || ms.negators.contains(token.text) || ms.boosters[token.text] != nil { return token }
        if let dash = token.text.firstIndex(of: "-"), token.text[..<dash] == token.text[token.text.index(after: dash)...] {
            token.text = String(token.text[..<dash])
            if let standard = ms.normalise[token.text] { token.text = standard }
            return token
        }
        for suffix in ["nya", "lah", "kah", "kan", "an", "i"] where token.text.hasSuffix(suffix) {
            let stem = String(token.text.dropLast(suffix.count))
            if stem.count >= 3, ms.valence[stem] != nil { token.text = stem; return token }
        }
        for prefix in ["ber", "ter", "di", "meng", "mem", "men", "me", "pe", "ke"] where token.text.hasPrefix(prefix) {
            let stem = String(token.text.dropFirst(prefix.count))
            if stem.count >= 3, ms.valence[stem] != nil { token.text = stem; return token }
        }
        return token
    }

    // MARK: Punctuation and proportions

    private func punctuationEmphasis(_ text: String) -> Double {
        var exclamations = 0, questions = 0
        for character in text {
            if character == "!" || character == "！" { exclamations += 1 }
            if character == "?" || character == "？" { questions += 1 }
        }
        var emphasis = Double(min(exclamations, 4)) * 0.292
        if questions > 1 { emphasis += questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        return emphasis
    }

    private func proportions(valences: [Double], emphasis: Double, compound: Double) -> Sentiment {
        var positive = 0.0, negative = 0.0, neutral = 0.0
        for value in valences {
            if value > 0 { positive += value + 1 } else if value < 0 { negative += value - 1 } else { neutral += 1 }
        }
        if positive > abs(negative) { positive += emphasis } else if positive < abs(negative) { negative -= emphasis }
        let total = positive + abs(negative) + neutral
        guard total > 0 else { return .neutral }
        func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        return Sentiment(compound: (compound * 10000).rounded() / 10000, pos: round3(positive / total),
                         neu: round3(neutral / total), neg: round3(abs(negative) / total))
    }
}
