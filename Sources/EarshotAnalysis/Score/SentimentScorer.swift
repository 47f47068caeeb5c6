import EarshotCore
import Foundation

/// A lexicon-and-rules sentiment scorer in VADER's family, for English, Simplified Chinese and Malay.
///
/// Rules, with VADER's constants where VADER has the rule:
/// - negation within three tokens before a term, in the same clause (×-0.74; the partial
///   negators 不太 and tak berapa, and in Chinese and Malay a negated intensifier such as
///   不是很 or tak … sangat, ×-0.5), with VADER's "never so", "without doubt" and "least";
/// - boosters and dampeners before a term (±0.293, fading with distance) and, in Chinese
///   and Malay, after it (慢死了, bagus sangat, teruk gila);
/// - ALL-CAPS emphasis next to lower-case text (+0.733);
/// - contrast: the text before the first contrast word ("but", "tapi", "但是") weighs half,
///   the text after it 1.5 times; in Chinese and Malay within its sentence, each sentence
///   weighed by its own first contrast word;
/// - "!" and "?" amplification, multi-word phrases, and emoji.
///
/// The compound is the normalised sum `x / sqrt(x² + 15)`. Each aspect term a clause names
/// receives the compound of that clause, so "love the product but support never replied" is
/// positive for product and negative for support.
public struct SentimentScorer: Sendable {
    public let lexicon: Lexicon
    let tokenizer: Tokenizer
    let detector: LanguageDetector
    let indexed: [String: IndexedLexicon]
    /// ``lookupChain(_:)`` for each loaded language, built once.
    let chains: [String: [IndexedLexicon]]
    /// ``chains`` of `en`, `zh` and `ms`, so that the usual languages need no dictionary lookup.
    let englishChain: [IndexedLexicon], chineseChain: [IndexedLexicon], malayChain: [IndexedLexicon]
    /// The English lexicon, the last of every chain that has one, through which inflected words
    /// are read (``TermSpan/Shown/inflectedBase``); a chain without it finds no inflected word.
    let inflectionLexicon: IndexedLexicon?
    /// True when some emoji key is plain ASCII; otherwise an ASCII token needs no emoji lookup.
    let emojiHasASCIIKey: Bool
    /// True when some emoji key has a scalar from the CJK blocks; otherwise a Chinese word
    /// (which can only equal a key with such scalars) needs no emoji lookup.
    let emojiHasCJKKey: Bool

    static let negationScalar = -0.74
    /// The factor of a negated intensifier in Chinese and Malay (不是很好, tak bagus sangat).
    static let partialNegationScalar = -0.5
    static let capsIncrement = 0.733
    static let normalisationAlpha = 15.0

    /// - Parameter lexicon: the loaded lexicons, with any brand terms already added.
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        let empty = IndexedLexicon(LanguageLexicon())
        // The tables below read the lists' keys from the indexed lexicons, as bytes. The Chinese
        // index and segmenter are built on a second core meanwhile (``SideThread``).
        let ((others, malay), (chinese, segmenter)) = SideThread.run({
            let others = lexicon.languages.filter { $0.key != "zh" }.mapValues(IndexedLexicon.init)
            return (others, MalayNormaliser(lexicon: lexicon, malay: others["ms"] ?? empty, english: others["en"] ?? empty))
        }, alongside: {
            let chinese = lexicon.languages["zh"].map(IndexedLexicon.init)
            return (chinese, ChineseSegmenter(lexicon: lexicon["zh"], indexed: chinese ?? empty))
        })
        var indexed = others
        indexed["zh"] = chinese
        self.indexed = indexed
        tokenizer = Tokenizer(lexicon: lexicon, malay: malay, segmenter: segmenter, indexed: indexed)
        detector = LanguageDetector(words: tokenizer.words, normaliser: malay)
        var chains: [String: [IndexedLexicon]] = [:]
        for code in Set(LexiconLoader.languages).union(lexicon.languages.keys) {
            chains[code] = SentimentScorer.chainCodes(code).map { indexed[$0] ?? empty }
        }
        self.chains = chains
        englishChain = chains["en"] ?? []
        chineseChain = chains["zh"] ?? []
        malayChain = chains["ms"] ?? []
        inflectionLexicon = indexed["en"]
        emojiHasASCIIKey = lexicon.emoji.keys.contains { $0.utf8.allSatisfy { $0 < 0x80 } }
        emojiHasCJKKey = lexicon.emoji.keys.contains { key in
            key.unicodeScalars.contains { (0x2E80...0xA4CF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) || $0.value >= 0x20000 }
        }
    }

    /// Scores `text`, with the rules behind each contribution (as `--explain` shows them).
    /// - Parameter language: `en`, `zh` or `ms`; nil detects it.
    public func score(_ text: String, language: String? = nil) -> ScoreResult {
        score(text, language: language, explain: true)
    }

    /// Scores `text`; the same result as ``score(_:language:)``, except that with `explain`
    /// false each contribution's `rules` is left empty, which saves building their text.
    /// - Parameters:
    ///   - language: `en`, `zh` or `ms`; nil detects it.
    ///   - explain: whether to write down the rules that changed each term's valence.
    public func score(_ text: String, language: String?, explain: Bool) -> ScoreResult {
        score(text, language: language, explain: explain, aspects: true, contributions: true)
    }

    /// Scores `text`, working out only the parts of the result the caller reads: the
    /// sentiment and language always; the aspects when `aspects` is true (else they are left
    /// empty); each term's contribution when `contributions` or `explain` is true (else they
    /// are left empty). What is worked out equals what ``score(_:language:)`` gives.
    /// - Parameters:
    ///   - language: `en`, `zh` or `ms`; nil detects it.
    ///   - explain: whether to write down the rules that changed each term's valence.
    ///   - aspects: whether to score the aspects the text names.
    ///   - contributions: whether to list the terms that counted (implied by `explain`).
    public func score(_ text: String, language: String?, explain: Bool, aspects wantsAspects: Bool, contributions wantsContributions: Bool) -> ScoreResult {
        score(text, language: language, explain: explain, aspects: wantsAspects, contributions: wantsContributions, scratch: ScoreScratch())
    }

    /// ``score(_:language:explain:aspects:contributions:)`` with buffers reused from the texts
    /// scored before with `scratch`: for a caller that scores many texts on one thread.
    /// - Parameter scratch: this thread's buffers (see ``ScoreScratch``).
    public func score(_ text: String, language: String?, explain: Bool, aspects wantsAspects: Bool, contributions wantsContributions: Bool,
                      scratch: ScoreScratch) -> ScoreResult {
        Tokenizer.withUTF8(text) { bytes in
            score(bytes, text: { text }, language: language, explain: explain, aspects: wantsAspects, contributions: wantsContributions, scratch: scratch,
                  unvalidated: false)!
        }
    }

    /// ``score(_:language:explain:aspects:contributions:scratch:)`` of the line whose UTF-8
    /// bytes `line` holds, as `String(decoding: line, as: UTF8.self)`: for a caller that reads
    /// bytes. A line of valid UTF-8 (most lines) is scored from its bytes, with no `String`
    /// unless the byte path hands it to the general one.
    public func score(utf8 line: UnsafeBufferPointer<UInt8>, language: String?, explain: Bool, aspects wantsAspects: Bool, contributions wantsContributions: Bool,
                      scratch: ScoreScratch) -> ScoreResult {
        // (Validated only when the byte scan does not accept the line, as in ``compound(utf8:language:scratch:)``.)
        if let result = score(line, text: { String(decoding: line, as: UTF8.self) }, language: language, explain: explain, aspects: wantsAspects,
                              contributions: wantsContributions, scratch: scratch, unvalidated: true) {
            return result
        }
        // Invalid UTF-8 is repaired by the `String`: its bytes are scored.
        return score(String(decoding: line, as: UTF8.self), language: language, explain: explain, aspects: wantsAspects,
                     contributions: wantsContributions, scratch: scratch)
    }

    /// The compound and language that ``score(utf8:language:explain:aspects:contributions:scratch:)``
    /// gives `line`, without the rest of the result: for a caller that shows nothing else
    /// (`earshot score`'s TSV). No proportions are rounded and no ``ScoreResult`` is made and
    /// destroyed (~200 instructions a line).
    /// The line is validated only when the byte scan does not accept it (most lines it does, and
    /// it accepts only valid UTF-8): ``measure(_:text:language:explain:aspects:contributions:scratch:unvalidated:valences:into:)``.
    package func compound(utf8 line: UnsafeBufferPointer<UInt8>, language: String?, scratch: ScoreScratch) -> (compound: Double, lang: String) {
        var valences: [Double] = [], contributions: [ScoreResult.Contribution] = []
        guard let sums = measure(line, text: { String(decoding: line, as: UTF8.self) }, language: language, explain: false, aspects: false,
                                 contributions: false, scratch: scratch, unvalidated: true, valences: &valences, into: &contributions) else {
            // Invalid UTF-8 is repaired by the `String`: its bytes are scored.
            let result = score(String(decoding: line, as: UTF8.self), language: language, explain: false, aspects: false, contributions: false,
                               scratch: scratch)
            return (result.sentiment.compound, result.lang)
        }
        return (SentimentScorer.roundedCompound(positive: sums.positive, negative: sums.negative, neutral: sums.neutral,
                                                emphasis: sums.emphasis, compound: sums.compound), sums.lang)
    }

    /// What ``measure(_:text:language:explain:aspects:contributions:scratch:unvalidated:valences:into:)`` adds up for a text.
    private struct Sums {
        var lang: String
        var kind: ScoreLanguage
        var compound: Double
        var positive: Double
        var negative: Double
        var neutral: Double
        var emphasis: Double
    }

    /// Scores the text whose valid UTF-8 bytes `bytes` holds; `text` makes it as a `String`,
    /// for what the byte path does not read. With `unvalidated`, `bytes` may be invalid: nil when they are.
    private func score(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, language: String?, explain: Bool, aspects wantsAspects: Bool,
                       contributions wantsContributions: Bool, scratch: ScoreScratch, unvalidated: Bool) -> ScoreResult? {
        var valences: [Double] = [], contributions: [ScoreResult.Contribution] = []
        guard let sums = measure(bytes, text: text, language: language, explain: explain, aspects: wantsAspects, contributions: wantsContributions,
                                 scratch: scratch, unvalidated: unvalidated, valences: &valences, into: &contributions) else { return nil }
        let sentiment = SentimentScorer.proportions(positive: sums.positive, negative: sums.negative, neutral: sums.neutral,
                                                    emphasis: sums.emphasis, compound: sums.compound)
        let aspects = !wantsAspects ? [] : aspectScores(scratch.tokens, valences: valences, chain: lookupChain(sums.lang, kind: sums.kind),
                                                        entries: ChainEntries(language: sums.kind))
        return ScoreResult(sentiment: sentiment, lang: sums.lang, aspects: aspects, contributions: contributions)
    }

    /// Tokenises and scores the text whose valid UTF-8 bytes `bytes` holds (into `scratch`'s
    /// tokens), and adds up its terms; with `wantsAspects`, `valences` gets each token's
    /// valence, and with `explain` or `wantsContributions`, `contributions` each term's.
    /// With `unvalidated`, `bytes` may be invalid UTF-8: nil when they are (checked only when
    /// the byte scan does not accept them, before anything else reads them).
    /// (Inline in both callers: with constant flags, the compound's leaves out what it does not read.)
    @inline(__always)
    private func measure(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, language: String?, explain: Bool, aspects wantsAspects: Bool,
                         contributions wantsContributions: Bool, scratch: ScoreScratch, unvalidated: Bool, valences: inout [Double],
                         into contributions: inout [ScoreResult.Contribution]) -> Sums? {
        let keepContributions = explain || wantsContributions
        let tokens = scratch.tokens
        let lang: String, kind: ScoreLanguage
        if let language {
            lang = language
            kind = ScoreLanguage(language)
            guard tokenizer.tokens(bytes, text: text, language: language, into: tokens, unvalidated: unvalidated) else { return nil }
        } else {
            // The language found comes as the enum: its code is a constant, no string compared.
            guard let found = tokenizer.tokens(bytes, text: text, detectingWith: detector, into: tokens, reusing: &scratch.stream, unvalidated: unvalidated)
            else { return nil }
            kind = found
            lang = found.detectedCode
        }
        let entries = ChainEntries(language: kind)
        // The three languages' chains are passed straight from the scorer's properties, borrowed:
        // a chain taken into a local (``lookupChain(_:kind:)``) was retained and released per text.
        // (The spans found are kept in the token list.)
        switch kind {
        case .english: findSpans(tokens, chain: englishChain, entries: entries, language: kind)
        case .chinese: findSpans(tokens, chain: chineseChain, entries: entries, language: kind)
        case .malay: findSpans(tokens, chain: malayChain, entries: entries, language: kind)
        case .other: findSpans(tokens, chain: lookupChain(lang, kind: kind), entries: entries, language: kind)
        }
        // The table takes the token list (consumed, not copied: one retain and release fewer
        // per text); it is read through the table from here on.
        let table = SpanTable(tokens: consume tokens, language: kind)
        let capDifferential = SentimentScorer.hasCapDifferential(table.tokens)
        // Contrast: in English (VADER's rule) the first contrast word of the text weighs the whole
        // text; in Chinese and Malay each sentence's own, its sentence (``sentencePivots(_:into:)``).
        let hasContrast = table.tokens.hasContrastSpan
        let bySentence = hasContrast && (kind == .chinese || kind == .malay)
        let textPivot = hasContrast && !bySentence ? contrastPivot(table, in: 0..<table.tokens.count) : nil
        if bySentence { sentencePivots(table, into: scratch) }
        // (Set when `bySentence`: ``sentencePivots(_:into:)`` made it.)
        let spanPivots = scratch.spanPivots
        // Side remarks (Chinese and Malay): the clauses that open with one.
        let sideRemarks = (kind == .chinese || kind == .malay) && table.tokens.mayOpenSideRemark
            ? SentimentScorer.sideRemarkClauses(table.tokens) : (bits: 0, far: false)

        // Each token's valence is needed only for the aspects; the sum and the proportions are
        // added up term by term, in token order as a pass over that array would add them
        // (the tokens without a term add nothing to the sum and 1 each to the neutral count).
        // (Locals, handed out at the end: written through the `inout` parameters, the unused
        // valences were made unique, a new buffer, on every text.)
        var tokenValences = wantsAspects ? [Double].filled(with: 0, count: table.tokens.count) : []
        var sum = 0.0, positive = 0.0, negative = 0.0, nonNeutral = 0
        var found: [ScoreResult.Contribution] = []
        if keepContributions { found.reserveCapacity(table.spans.count) }
        // The sentiment terms in order (``SpanTable/terms()``), without building their list
        // (by index: an iterator would retain the array).
        // The scratch's log: without `--explain` it stays disabled and empty, and no term nor
        // text touches an array.
        if scratch.rules.enabled != explain { scratch.rules = RuleLog(enabled: explain) }
        for spanIndex in 0..<table.spans.count {
            let span = table.spans[spanIndex]
            guard let base = table.termValence(span) else { continue }
            if explain { scratch.rules = RuleLog(enabled: true) }
            var value = valence(of: span, base: base, table: table, language: kind, capDifferential: capDifferential, rules: &scratch.rules)
            // Contrast: the contrast word halves what comes before it and lifts what follows.
            // (Asked behind `hasContrast`, which holds for the whole text: most texts skip it all.)
            if hasContrast, let pivot = bySentence ? spanPivots.unsafelyUnwrapped[spanIndex] : textPivot {
                // (A concessive word: its own clause is the weaker part, wherever it stands.)
                let weaker = pivot.concessiveClause.map { table.tokens.clause(span.start) == $0 } ?? (span.start < pivot.index)
                value *= weaker ? 0.5 : 1.5
                if explain { scratch.rules.append(contrastRule(pivot, weaker: weaker, in: table)) }
            }
            // A side remark (`…，就是物流慢了点`) weighs half: the verdict is the rest.
            if sideRemarks.bits != 0 || sideRemarks.far, SentimentScorer.inSideRemark(table.tokens, at: span.start, bits: sideRemarks.bits, far: sideRemarks.far) {
                value *= SentimentScorer.sideRemarkScalar
                if explain { scratch.rules.append("in a side remark ×\(SentimentScorer.sideRemarkScalar)") }
            }
            if wantsAspects { tokenValences[span.start] += value }
            sum += value
            if value > 0 { positive += value + 1; nonNeutral += 1 } else if value < 0 { negative += value - 1; nonNeutral += 1 }
            if keepContributions { found.append(.init(term: self.text(of: span, in: table), base: base, final: value, rules: scratch.rules.rules, clause: table.tokens.clause(span.start))) }
        }

        // (From the byte scan's counts when it read the whole text: ``TokenList/marksCounted``.)
        // (No mark, most texts: 0 with no sum worked out.)
        let emphasis = table.tokens.noMarks ? 0 : table.tokens.marksCounted
            ? SentimentScorer.punctuationEmphasis(exclamations: table.tokens.exclamations, questions: table.tokens.questions)
            : SentimentScorer.punctuationEmphasis(bytes)
        let total = sum == 0 ? 0 : sum + (sum > 0 ? emphasis : -emphasis)
        if wantsAspects { valences = tokenValences }
        if keepContributions { contributions = found }
        return Sums(lang: lang, kind: kind, compound: SentimentScorer.normalise(total), positive: positive, negative: negative,
                    neutral: Double(table.tokens.count - nonNeutral), emphasis: emphasis)
    }

    /// The text of `span` in `table` (``SpanTable/text(of:english:)``).
    func text(of span: TermSpan, in table: SpanTable) -> String {
        table.text(of: span, english: inflectionLexicon)
    }

    /// VADER's normalisation of a valence sum into [-1, 1].
    static func normalise(_ score: Double) -> Double {
        guard score != 0 else { return 0 }
        let value = score / (score * score + normalisationAlpha).squareRoot()
        return min(1, max(-1, value))
    }

    /// The languages whose lexicons a token is looked up in, in order.
    func lookupChain(_ lang: String) -> [IndexedLexicon] {
        lookupChain(lang, kind: ScoreLanguage(lang))
    }

    /// ``lookupChain(_:)`` of `lang`, whose ``ScoreLanguage`` is `kind`.
    func lookupChain(_ lang: String, kind: ScoreLanguage) -> [IndexedLexicon] {
        switch kind {
        case .english: return englishChain
        case .chinese: return chineseChain
        case .malay: return malayChain
        case .other: break
        }
        if let chain = chains[lang] { return chain }
        return SentimentScorer.chainCodes(lang).map { indexed[$0] ?? IndexedLexicon(LanguageLexicon()) }
    }

    private static func chainCodes(_ lang: String) -> [String] {
        lang == "zh" || lang == "ms" ? [lang, "en"] : ["en"]
    }

    /// The emoji valence of token `index`'s lookup form, or nil.
    func emojiValence(_ tokens: TokenList, _ index: Int) -> Double? {
        guard mayBeEmoji(isHan: tokens.isHan(index), isASCII: tokens.isASCII(index)) else { return nil }
        // The token's ``WordTable`` entry holds the valence of its key (compared as `String`s compare).
        return tokenizer.words.emojiValence(tokens.word(index))
    }

    /// False when a token with these flags cannot be an emoji key (``emojiValence(_:)`` is nil),
    /// which the caller can ask without copying the token.
    func mayBeEmoji(isHan: Bool, isASCII: Bool) -> Bool {
        if isHan, !emojiHasCJKKey { return false }
        if !emojiHasASCIIKey, isASCII { return false }
        return true
    }

    // MARK: Punctuation and proportions

    /// VADER's emphasis: +0.292 per "!" (at most four), and for two or more "?" +0.18 each (at most 0.96).
    static func punctuationEmphasis(_ text: String) -> Double {
        Tokenizer.withUTF8(text, punctuationEmphasis)
    }

    /// ``punctuationEmphasis(_:)`` of the text whose UTF-8 bytes `bytes` holds.
    static func punctuationEmphasis(_ bytes: UnsafeBufferPointer<UInt8>) -> Double {
        // On bytes: fullwidth ！ and ？ are EF BC 81 and EF BC 9F in UTF-8.
        var counts = (0, 0)
        var index = 0
        // Eight bytes at a time: most words of a text hold none of 21, 3F, 81 and 9F. All four
        // are odd with bit 6 clear, and letters are not: one test passes most words of letters.
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if ByteLanes.marks(word & 0x4141_4141_4141_4141, equalTo: 0x01) != 0,
                   ByteLanes.marks(word, equalTo: 0x21) | ByteLanes.marks(word, equalTo: 0x3F) | ByteLanes.marks(word, equalTo: 0x81)
                    | ByteLanes.marks(word, equalTo: 0x9F) != 0 {
                    countMarks(bytes, index..<(index + 8), into: &counts)
                }
                index += 8
            }
        }
        countMarks(bytes, index..<bytes.count, into: &counts)
        return punctuationEmphasis(exclamations: counts.0, questions: counts.1)
    }

    /// ``punctuationEmphasis(_:)`` of a text with `exclamations` "!" and `questions` "?".
    @inline(__always)
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        var emphasis = Double(min(exclamations, 4)) * 0.292
        if questions > 1 { emphasis += questions <= 3 ? Double(questions) * 0.18 : 0.96 }
        return emphasis
    }

    /// Adds the "!" and "?" (ASCII and fullwidth) whose last byte is in `range` to `counts`.
    static func countMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into counts: inout (Int, Int)) {
        for index in range {
            switch bytes[index] {
            case 0x21: counts.0 += 1
            case 0x3F: counts.1 += 1
            case 0x81 where index >= 2 && bytes[index - 1] == 0xBC && bytes[index - 2] == 0xEF: counts.0 += 1
            case 0x9F where index >= 2 && bytes[index - 1] == 0xBC && bytes[index - 2] == 0xEF: counts.1 += 1
            default: break
            }
        }
    }

    /// VADER's `is_cap_diff`: some tokens, but not all, are written in capitals.
    static func hasCapDifferential(_ tokens: TokenList) -> Bool {
        let upper = tokens.upperCount
        return upper > 0 && upper < tokens.count
    }

    /// Python's `str.isupper()`: at least one cased letter, and every cased letter upper case.
    static func isUpper(_ text: String) -> Bool {
        var copy = text
        // ASCII text (most words): the same test on bytes.
        let ascii: Bool? = copy.withUTF8 { bytes in
            var cased = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x61 && byte <= 0x7A { return false }
                if byte >= 0x41 && byte <= 0x5A { cased = true }
            }
            return cased
        }
        if let ascii { return ascii }
        var cased = false
        for scalar in text.unicodeScalars {
            // Unified Han characters are not cased (the common case after ASCII).
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { continue }
            if scalar.isASCII {
                if scalar.value >= 0x61 && scalar.value <= 0x7A { return false }
                if scalar.value >= 0x41 && scalar.value <= 0x5A { cased = true }
                continue
            }
            guard scalar.properties.isCased else { continue }
            guard scalar.properties.isUppercase else { return false }
            cased = true
        }
        return cased
    }

    static func proportions(valences: [Double], emphasis: Double, compound: Double) -> Sentiment {
        var positive = 0.0, negative = 0.0, neutral = 0.0
        for value in valences {
            if value > 0 { positive += value + 1 } else if value < 0 { negative += value - 1 } else { neutral += 1 }
        }
        return proportions(positive: positive, negative: negative, neutral: neutral, emphasis: emphasis, compound: compound)
    }

    /// ``proportions(valences:emphasis:compound:)`` from the sums it makes: `positive` adds
    /// `value + 1` and `negative` adds `value - 1` over the valences above and below zero, in
    /// order; `neutral` counts the zeros.
    static func proportions(positive: Double, negative: Double, neutral: Double, emphasis: Double, compound: Double) -> Sentiment {
        let sums = emphasised(positive: positive, negative: negative, neutral: neutral, emphasis: emphasis)
        guard sums.total > 0 else { return .neutral }
        func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
        return Sentiment(compound: (compound * 10000).rounded() / 10000, pos: round3(sums.positive / sums.total),
                         neu: round3(neutral / sums.total), neg: round3(abs(sums.negative) / sums.total))
    }

    /// The compound of ``proportions(positive:negative:neutral:emphasis:compound:)``, without the
    /// proportions (three roundings a text).
    static func roundedCompound(positive: Double, negative: Double, neutral: Double, emphasis: Double, compound: Double) -> Double {
        guard emphasised(positive: positive, negative: negative, neutral: neutral, emphasis: emphasis).total > 0 else { return Sentiment.neutral.compound }
        return (compound * 10000).rounded() / 10000
    }

    /// The sums with the emphasis added to the larger side (none when they are equal), and
    /// their total with `neutral`.
    @inline(__always)
    private static func emphasised(positive: Double, negative: Double, neutral: Double, emphasis: Double) -> (positive: Double, negative: Double, total: Double) {
        var positive = positive, negative = negative
        if positive > abs(negative) { positive += emphasis } else if positive < abs(negative) { negative -= emphasis }
        return (positive, negative, positive + abs(negative) + neutral)
    }
}
