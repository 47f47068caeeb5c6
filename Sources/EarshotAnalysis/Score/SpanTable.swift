/// The lexicon entries found in a token sequence, with the questions the rules ask about them:
/// which span covers a token, whether a word with two roles ("no", "pretty") acts as a term or
/// as a modifier here, and which term a post-positive booster (`bagus sangat`) belongs to.
struct SpanTable {
    let tokens: TokenList
    /// In token order, none overlapping, as ``SentimentScorer/findSpans(_:chain:entries:language:)`` found them
    /// (read in the token list, which holds them).
    let spans: TokenList.Spans

    /// The language the text is scored in: a Chinese or Malay negator with a valence of its own
    /// counts as a term by its own rule (``termValence(_:)``).
    let language: ScoreLanguage

    /// A table of the spans that ``SentimentScorer/findSpans(_:chain:entries:language:)`` found
    /// in `tokens` (it noted each token's span in the token's record, for ``spanIndex(at:)``).
    init(tokens: TokenList, language: ScoreLanguage = .english) {
        self.tokens = tokens
        spans = tokens.spans
        self.language = language
    }

    /// A table of `spans` in `tokens`, which replace the list's spans (the records' notes of
    /// them are left as they are).
    init(tokens: TokenList, spans: [TermSpan], language: ScoreLanguage = .english) {
        tokens.removeSpans()
        for span in spans { tokens.appendSpan(span) }
        self.init(tokens: tokens, language: language)
    }

    /// The text of `span`, as ``TermSpan/shown`` says; `english` is the lexicon that inflected
    /// words were read through (``TermSpan/Shown/inflectedBase``). (A parameter, not a stored
    /// reference: the table then costs no retain and release of it per text.)
    func text(of span: TermSpan, english: IndexedLexicon?) -> String {
        switch span.shown {
        case .lookupForms: return tokens.phrase(span.start..<span.end)
        case .written: return tokens.rawText(span.start)
        case .inflectedBase:
            guard let english, let (base, _) = SentimentScorer.inflectedTerm(tokens.textBytes(span.start), in: english) else {
                preconditionFailure("an inflected span without its base")
            }
            return base
        }
    }

    /// The index of the span covering `token`, or nil: read from the token's record, where the span search noted it.
    func spanIndex(at token: Int) -> Int? {
        guard token >= 0, token < tokens.count else { return nil }
        let index = tokens.spanIndex(token)
        return index < 0 ? nil : index
    }

    /// The span that starts at `token`, if any.
    func span(startingAt token: Int) -> TermSpan? {
        guard let index = spanIndex(at: token), spans[index].start == token else { return nil }
        return spans[index]
    }

    func sameClause(_ a: Int, _ b: Int) -> Bool {
        a >= 0 && b >= 0 && a < tokens.count && b < tokens.count && tokens[a].clause == tokens[b].clause
    }

    /// True when a span carrying a valence starts at `token` in the clause of `from`.
    func valenceStarts(at token: Int, clauseOf from: Int) -> Bool {
        guard sameClause(token, from), let span = span(startingAt: token) else { return false }
        switch span.kind {
        case .term: return true
        case .negator(_, let valence), .booster(_, _, let valence): return valence != nil
        case .contrast: return false
        }
    }

    /// The valence a span contributes as a sentiment term, or nil when it acts as a modifier
    /// (or is one). A negator with a valence of its own ("no") counts as a term when no
    /// sentiment word follows it, as in VADER; a booster with one ("pretty", "super") when
    /// no sentiment word follows it in its clause. A Chinese or Malay negator with a valence
    /// (不, 没有, tak: a bare negation in a review complains, 没有内置蓝牙) counts as a term only
    /// when it negates nothing: no sentiment word begins within its window (``negates(_:)``);
    /// a Malay one that ends its clause is the question tag ("ada stok tak?"), not a complaint.
    func termValence(_ span: TermSpan) -> Double? {
        switch span.kind {
        case .term(let valence): return valence
        case .negator(_, let valence?):
            switch language {
            case .chinese: return negates(span) ? nil : valence
            case .malay: return !sameClause(span.last, span.end) || negates(span) ? nil : valence
            case .english, .other: return valenceStarts(at: span.end, clauseOf: span.end) ? nil : valence
            }
        case .booster(_, _, let valence?):
            return valenceStarts(at: span.end, clauseOf: span.last) ? nil : valence
        default: return nil
        }
    }

    /// True when a sentiment word begins within the three tokens after `negator`, in its clause:
    /// the window the rules negate over, read forwards (Chinese particles do not use it up).
    func negates(_ negator: TermSpan) -> Bool {
        var position = negator.last
        for _ in 1...3 {
            position += 1
            if language == .chinese {
                while sameClause(position, negator.last), spanIndex(at: position) == nil,
                      SentimentScorer.isChineseParticle(tokens, position) { position += 1 }
            }
            guard sameClause(position, negator.last) else { return false }
            if valenceStarts(at: position, clauseOf: negator.last) { return true }
        }
        return false
    }

    /// The sentiment terms in order, with their lexicon valences.
    func terms() -> [(span: TermSpan, base: Double)] {
        spans.compactMap { span in termValence(span).map { (span, $0) } }
    }

    /// True when `span`, a booster written after words, modifies the term just before it:
    /// it follows a term in the same clause, and (if it can also precede a word) no term follows it.
    func attachesBackward(_ span: TermSpan) -> Bool {
        guard case .booster(let pre, let post?, _) = span.kind, post != 0 else { return false }
        guard let previous = spanIndex(at: span.start - 1), sameClause(span.start - 1, span.start),
              termValence(spans[previous]) != nil else { return false }
        return pre == nil || !valenceStarts(at: span.end, clauseOf: span.last)
    }

    /// The post-positive booster that modifies `term`, if any.
    func postBooster(of term: TermSpan) -> (span: TermSpan, weight: Double)? {
        guard let next = span(startingAt: term.end), attachesBackward(next),
              case .booster(_, let post?, _) = next.kind else { return nil }
        return (next, post)
    }

    /// The weight of `span` as a booster of a later word, or nil when it is not one here.
    func preBoosterWeight(_ span: TermSpan) -> Double? {
        guard case .booster(let pre?, _, _) = span.kind, termValence(span) == nil, !attachesBackward(span) else { return nil }
        return pre
    }
}
