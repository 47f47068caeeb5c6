extension SentimentScorer {
    // The rules' word lists, each ASCII or unified Han, read by ``ListedText`` (on bytes, or as
    // `String`s where a canonically equal spelling could differ in its bytes).
    /// Negators that mean "never": with an emphatic word they emphasise instead of negating.
    static let neverNegators: [StaticString] = [
        "never", "tak pernah", "tidak pernah", "belum pernah", "从来没", "从没", "从来没有", "从没有", "从未", "从来不",
    ]
    /// Emphatic words between "never" and a term (VADER's "so" and "this", and their kin).
    static let emphaticWords: [StaticString] = ["so", "this", "such", "begini", "sebegini", "这么", "那么", "如此", "这样", "这种"]
    /// Emphatic words right after the term (Malay "seteruk ini").
    static let emphaticAfter: [StaticString] = ["ini", "begini"]
    /// 这么, 如此 and 这样, the words of 没有这么好的 ("such a good … as this").
    static let chineseSuch: [StaticString] = ["这么", "如此", "这样"]
    /// "can't" and its kin: "couldn't be happier" praises.
    static let modalNegations: [StaticString] = ["can't", "cannot", "couldn't", "cant", "couldnt", "can not", "could not"]
    /// True when token `index` is a Chinese particle that a negator or booster reaches across
    /// without using up its window (``isChineseParticleCode(_:)``), tested on its bytes without
    /// making its `String`.
    static func isChineseParticle(_ tokens: TokenList, _ index: Int) -> Bool {
        let bytes = tokens.textBytes(index)
        guard bytes.count == 3 else { return false }
        return isChineseParticleCode(UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2]))
    }

    /// True when `code`, three UTF-8 bytes as a number, is one of the particles 的 了 地 得 着 过
    /// 也 都 还 又 就 (each one Han character). Written out: a search of an array of the codes,
    /// after its `swift_once`, cost ~50 instructions a token.
    static func isChineseParticleCode(_ code: UInt32) -> Bool {
        switch code {
        // 的 了 地 得 着 过 也 都 还 又 就
        case 0xE79A84, 0xE4BA86, 0xE59CB0, 0xE5BE97, 0xE79D80, 0xE8BF87, 0xE4B99F, 0xE983BD, 0xE8BF98, 0xE58F88, 0xE5B0B1: true
        default: false
        }
    }

    /// The negators that open a Chinese comparison with a marker (没有 X 那么好, 不像 X 那样).
    static let comparisonNegators: Set<String> = ["没有", "没", "不像", "不如", "不如想象中", "没有想象中"]
    /// True when token `index` opens a Chinese comparison without a marker: 不如 X 好 ("not as
    /// good as X"), 不比 X 差 ("no worse than X"), 远不如, 并不如. (Tested on bytes: the scan
    /// runs back from every Chinese sentiment term.)
    static func isDirectComparisonNegator(_ tokens: TokenList, _ index: Int) -> Bool {
        tokens.isText(index, "不如") || tokens.isText(index, "不比") || tokens.isText(index, "远不如") || tokens.isText(index, "并不如")
    }

    /// The negator, and the marker if there is one, of a "not as … as" comparison that ends at
    /// `term`: either the token before the term, particles aside, is 那么, 那样 or 那般 and one of
    /// ``comparisonNegators`` stands up to eight tokens before it (没有别人说的那么好), or one of
    /// ``isDirectComparisonNegator(_:_:)``'s words does with no marker (不如上次好吃; not 不如说, "rather say");
    /// in the same clause, with no other sentiment term between.
    static func comparison(before term: TermSpan, table: SpanTable) -> (negator: Int, marker: Int?)? {
        let tokens = table.tokens
        var marker = term.start - 1
        while table.sameClause(marker, term.start), isChineseParticle(tokens, marker) { marker -= 1 }
        let hasMarker = table.sameClause(marker, term.start)
            && (tokens.isText(marker, "那么") || tokens.isText(marker, "那样") || tokens.isText(marker, "那般"))
        var position = (hasMarker ? marker : term.start) - 1
        let limit = position - 8
        while position >= limit, table.sameClause(position, term.start) {
            if hasMarker, comparisonNegators.contains(tokens.text(position)) { return (position, marker) }
            // 不如说 is "rather say", no comparison.
            if isDirectComparisonNegator(tokens, position), !tokens.isText(position + 1, "说") { return (position, hasMarker ? marker : nil) }
            if let index = table.spanIndex(at: position), table.termValence(table.spans[index]) != nil { return nil }
            position -= 1
        }
        return nil
    }

    /// False when ``comparison(before:table:)`` finds no comparison before `term`: no token of
    /// the positions it reads (its clause, back from the term over a run of particles and nine
    /// tokens more) starts as its negators start, with 没, 不, 远 or 并, or with a compatibility
    /// ideograph (U+F900 on, which may be one of them canonically: 不 is also U+F967). On each
    /// token's first bytes, with no `String`.
    static func mayFindComparison(before term: TermSpan, tokens: TokenList) -> Bool {
        let clause = tokens.clause(term.start)
        var position = term.start - 1
        while position >= 0, tokens.clause(position) == clause, isChineseParticle(tokens, position) { position -= 1 }
        let limit = max(position - 9, 0)
        position = term.start - 1
        while position >= limit, tokens.clause(position) == clause {
            let bytes = tokens.textBytes(position)
            if let lead = bytes.first, lead >= 0xEF { return true }
            if bytes.count >= 3 {
                let character = UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2])
                // 没, 不, 远, 并.
                if character == 0xE6B2A1 || character == 0xE4B88D || character == 0xE8BF9C || character == 0xE5B9B6 { return true }
            }
            position -= 1
        }
        return false
    }

    /// "couldn't be happier / more pleased / worse" (a comparative right after "be"), or
    /// "can't thank them enough" ("enough" within three words after the term, in its clause).
    static func isUnsurpassable(_ term: TermSpan, negator: TermSpan, tokens: TokenList) -> Bool {
        let between = (negator.end..<term.start).map(tokens.text)
        if between.last == "be" || (between.suffix(2) == ["be", "more"]) {
            let word = tokens.text(term.last)
            if between.last == "more" || word.hasSuffix("er") || word == "better" || word == "worse" { return true }
        }
        let clause = tokens.clause(term.start)
        return (term.end..<min(term.end + 3, tokens.count)).contains { tokens.clause($0) == clause && tokens.isText($0, "enough") }
    }

    /// The valence of one sentiment term after the rules that look around it: ALL CAPS,
    /// boosters after and before it, negation, and "least". Returns the value, and adds to
    /// `rules` the rules that changed it, for `--explain` (none when the log is disabled: their
    /// text is not built). (The caller's log, not a returned array: an empty array returned
    /// per term was released per term, ~1.8 releases a line.)
    /// (Inline, with the rules out of line: most terms have nothing near them that a rule reads,
    /// ``isUnmodified(_:base:table:language:capDifferential:)``, and keep their base; the rules'
    /// call, its frame and its state cost ~200 instructions a term.)
    @inline(__always)
    func valence(of term: TermSpan, base: Double, table: SpanTable, language: ScoreLanguage, capDifferential: Bool, rules: inout RuleLog) -> Double {
        // A neutral entry (valence 0, such as `help desk`) stays as the rules leave it: an emoji
        // its base, any other word 0, no rule written (about one term in twelve).
        if base == 0 {
            let tokens = table.tokens
            return mayBeEmoji(isHan: tokens.isHan(term.start), isASCII: tokens.isASCII(term.start)) && emojiValence(tokens, term.start) != nil ? base : 0
        }
        if SentimentScorer.isUnmodified(term, base: base, table: table, language: language, capDifferential: capDifferential) { return base }
        return modifiedValence(of: term, base: base, table: table, language: language, capDifferential: capDifferential, rules: &rules)
    }

    /// True when no rule of ``valence(of:base:table:language:capDifferential:rules:)`` can change
    /// `term`'s valence (it is `base`, and no rule is written down), as a few cheap tests show:
    /// a non-zero base, no capitals at its start that would make it shout, no booster at the
    /// token after it (a post-positive one), no "least" before it, and no booster nor negator in
    /// the window of three tokens before it in its clause; in Chinese, the tests of
    /// ``isUnmodifiedChinese(_:table:)``. False may also mean that no rule applies after all.
    static func isUnmodified(_ term: TermSpan, base: Double, table: SpanTable, language: ScoreLanguage, capDifferential: Bool) -> Bool {
        // (A neutral entry returns +0 by its own rule, an emoji its base: the caller tells them apart.)
        guard base != 0 else { return false }
        // (Out of line: its loop over particles cost the other languages' unrolled window ~20
        // instructions a term.)
        if language == .chinese { return isUnmodifiedChinese(term, table: table) }
        let tokens = table.tokens
        let first = tokens[term.start]
        if capDifferential, first.flags.contains(.upper) { return false }
        if term.end < tokens.count, isModifier(tokens[term.end].span, table.spans) { return false }
        var position = term.start
        for distance in 1...3 {
            position -= 1
            guard position >= 0 else { break }
            let record = tokens[position]
            if distance == 1, record.textCount == 5, tokens.isText(position, "least") { return false }
            guard record.clause == first.clause else { break }
            if isModifier(record.span, table.spans) { return false }
        }
        return true
    }

    /// ``isUnmodified(_:base:table:language:capDifferential:)`` of a Chinese term with a non-zero
    /// base: no booster at the token after it, no "least" before it, no booster nor negator in
    /// the window of three tokens before it in its clause (particles stepped over as the rules
    /// step over them), and no word before it that may open a comparison
    /// (``mayFindComparison(before:tokens:)``). (Capitals do not count in Chinese.)
    @inline(never)
    static func isUnmodifiedChinese(_ term: TermSpan, table: SpanTable) -> Bool {
        let tokens = table.tokens
        let clause = tokens.clause(term.start)
        if term.end < tokens.count, isModifier(tokens[term.end].span, table.spans) { return false }
        if term.start > 0, tokens[term.start - 1].textCount == 5, tokens.isText(term.start - 1, "least") { return false }
        if mayFindComparison(before: term, tokens: tokens) { return false }
        var position = term.start
        for _ in 1...3 {
            position -= 1
            while position >= 0, tokens[position].clause == clause, tokens[position].span < 0, isChineseParticle(tokens, position) { position -= 1 }
            guard position >= 0 else { break }
            let record = tokens[position]
            guard record.clause == clause else { break }
            if isModifier(record.span, table.spans) { return false }
        }
        return true
    }

    /// True when a token's span `span` (an index of `spans`, or -1 for none) is a booster or a
    /// negator: sentiment terms and contrast words change no valence there.
    @inline(__always)
    private static func isModifier(_ span: Int32, _ spans: TokenList.Spans) -> Bool {
        guard span >= 0 else { return false }
        guard Int(span) < spans.count else { return true }
        switch spans[Int(span)].kind {
        case .booster, .negator: return true
        case .term, .contrast: return false
        }
    }

    /// ``valence(of:base:table:language:capDifferential:rules:)`` by all its rules.
    @inline(never)
    func modifiedValence(of term: TermSpan, base: Double, table: SpanTable, language: ScoreLanguage, capDifferential: Bool,
                                 rules: inout RuleLog) -> Double {
        let tokens = table.tokens
        var value = base
        // An emoji says what it says: no word before it negates or boosts it ("couldn't be happier 👍").
        // (The flags first: most terms are no emoji, and asking needs no copy of the token.)
        if mayBeEmoji(isHan: tokens.isHan(term.start), isASCII: tokens.isASCII(term.start)), emojiValence(tokens, term.start) != nil {
            return value
        }
        // A neutral entry (valence 0: a word listed to say it carries no sentiment here, such as
        // Malay `hak` or `customer service`) stays neutral: capitals, boosters and negators give
        // it no sign. (VADER's lexicon has no such entry; its rules would make one negative.)
        if base == 0 { return 0 }
        let isHan = tokens.isHan(term.start)
        // Latin words in capitals inside Chinese text (OK, XP, CPU) are how they are written, not shouting.
        if capDifferential, !isHan, language != .chinese, (term.start..<term.end).allSatisfy(tokens.isUpper) {
            value += value > 0 ? SentimentScorer.capsIncrement : -SentimentScorer.capsIncrement
            rules.append("ALL CAPS")
        }
        // 没有别人说的那么好, 不像广告那样好用: "not as good as …", a comparison whose negator sits
        // beyond the window; it negates the term, and 那么 is no booster here.
        if language == .chinese, let (negator, marker) = SentimentScorer.comparison(before: term, table: table) {
            value *= SentimentScorer.negationScalar
            let markerText = marker.map { " … \(tokens.text($0))" } ?? ""
            rules.append("negated by '\(tokens.text(negator))\(markerText)' (not as … as)")
            return value
        }
        // Intensifiers that sit between a negator and the term, or after the term: a negator
        // before them reads "not very" (Chinese and Malay).
        var intensifiers = Intensifiers()
        if let post = table.postBooster(of: term) {
            let amount = post.weight * (value < 0 ? -1 : 1)
            value += amount
            // (The booster's span starts at the term's end: its index is that token's.)
            if post.weight > 0 { intensifiers.append(.init(start: term.end, amount: amount, span: tokens.spanIndex(term.end))) }
            rules.append("\(post.weight > 0 ? "boosted" : "dampened") by '\(text(of: post.span, in: table))' after it")
        }
        // VADER's window: boosters and negators up to three tokens back, nearest first,
        // stepping over other sentiment words, never across a clause break.
        // Spans own contiguous tokens, so a span met again is the one met last.
        var lastSeen: Int?
        var position = term.start
        for distance in 1...3 {
            position -= 1
            // Chinese particles (了, 的, 也 …) do not use up the window: 没有了四星级的气派.
            if language == .chinese {
                while position >= 0, table.sameClause(position, term.start), table.spanIndex(at: position) == nil,
                      SentimentScorer.isChineseParticle(tokens, position) { position -= 1 }
            }
            guard position >= 0, table.sameClause(position, term.start) else { break }
            guard let index = table.spanIndex(at: position), index != lastSeen else { continue }
            lastSeen = index
            let span = table.spans[index]
            // In Chinese and Malay a modifier belongs to the nearest sentiment word: the scan stops
            // at one ("bukan nak selesaikan masalah" negates selesai, not masalah). English keeps
            // VADER's window, which steps over it.
            if language != .english, table.termValence(span) != nil { break }
            if let weight = table.preBoosterWeight(span) {
                var scalar = weight * (value < 0 ? -1 : 1)
                if capDifferential, language != .chinese, tokens.isUpper(position) {
                    scalar += value > 0 ? SentimentScorer.capsIncrement : -SentimentScorer.capsIncrement
                }
                scalar *= distance == 1 ? 1 : distance == 2 ? 0.95 : 0.9
                value += scalar
                if weight > 0 { intensifiers.append(.init(start: span.start, amount: scalar, span: index)) }
                rules.append("\(weight > 0 ? "boosted" : "dampened") by '\(text(of: span, in: table))'")
            } else if case .negator(let factor, _) = span.kind {
                // VADER: "never so good" and "never this happy" emphasise; "without doubt" is no negation.
                // Likewise "never had such a smooth return", 从来没用过这么好用的, tak pernah jumpa
                // servis seteruk ini.
                // The negator and the words around it are compared with the listed words on their
                // lookup forms' bytes, with no `String` (their `String`s, the sets' hashes and the
                // lists cost ~1,000 instructions a negation): ``ListedText``.
                let negator = span.shown == .lookupForms ? ListedText(tokens, span.start..<span.end) : ListedText(text(of: span, in: table))
                let between = span.end..<term.start
                let after = term.end < tokens.count && table.sameClause(term.last, term.end) ? term.end : -1
                // 很久没有这么好的体验: "such a good … as this", where 没那么好 is "not that good".
                let chineseSuch = language == .chinese && after >= 0 && ListedText(tokens, after).is("的")
                    && between.contains { ListedText(tokens, $0).isChineseSuch }
                if negator.isNeverNegator || chineseSuch,
                   let word = between.first(where: { ListedText(tokens, $0).isEmphatic }).map(tokens.text)
                    ?? (after >= 0 && ListedText(tokens, after).isEmphaticAfter ? tokens.text(after) : nil) {
                    value *= 1.25
                    rules.append("emphasised by '\(text(of: span, in: table)) … \(word)'")
                    continue
                }
                if negator.is("without"), between.contains(where: { ListedText(tokens, $0).is("doubt") }) { continue }
                // VADER's "no": it negates the next word or the one after; three words back only
                // across "or"/"nor" ("no X or Y"). "no one …" keeps the window, as "nobody" does.
                if negator.is("no"), distance == 3, !tokens.isText(span.end, "one"),
                   !tokens.isText(term.start - 1, "or"), !tokens.isText(term.start - 1, "nor") { continue }
                // "couldn't be happier", "can't recommend them enough": praise, not negation.
                if negator.isModalNegation, SentimentScorer.isUnsurpassable(term, negator: span, tokens: tokens) {
                    value *= 1.25
                    rules.append("emphasised by '\(text(of: span, in: table)) … \((term.end..<min(term.end + 3, tokens.count)).contains { tokens.isText($0, "enough") } ? "enough" : "be")'")
                    continue
                }
                let negatedIntensifiers = intensifiers.after(span.last)
                if language != .english, negatedIntensifiers.count > 0 {
                    value = (value - negatedIntensifiers.total) * SentimentScorer.partialNegationScalar
                    intensifiers = intensifiers.notAfter(span.last)
                    rules.append("negated intensifier '\(text(of: span, in: table)) … \((0..<negatedIntensifiers.count).map { text(of: table.spans[negatedIntensifiers[$0].span], in: table) }.joined(separator: " "))' (×\(SentimentScorer.partialNegationScalar))")
                } else {
                    value *= factor
                    rules.append(factor == SentimentScorer.negationScalar ? "negated by '\(text(of: span, in: table))'" : "negated by '\(text(of: span, in: table))' (×\(factor))")
                }
            }
        }
        // VADER's "least": "least helpful" flips, "at least" and "very least" do not.
        if term.start > 0, tokens.isText(term.start - 1, "least"), table.sameClause(term.start - 1, term.start),
           term.start < 2 || !(tokens.isText(term.start - 2, "at") || tokens.isText(term.start - 2, "very")) {
            value *= SentimentScorer.negationScalar
            rules.append("negated by 'least'")
        }
        return value
    }
}

/// The intensifiers a term's valence counted, held in place: at most four (one after the term,
/// three in its window before it), so that no array is allocated per term.
/// (Three numbers an item, not optionals holding the span: making four of those cost each
/// term the rules read ~70 instructions.)
struct Intensifiers {
    struct Item {
        /// The intensifier's first token.
        var start: Int
        /// What it added to the valence.
        var amount: Double
        /// The index of its span in the table.
        var span: Int
    }

    private static let unused = Item(start: 0, amount: 0, span: -1)
    private var items: (Item, Item, Item, Item) = (unused, unused, unused, unused)
    private(set) var count = 0

    subscript(index: Int) -> Item {
        precondition(index >= 0 && index < count, "intensifier index out of range")
        switch index {
        case 0: return items.0
        case 1: return items.1
        case 2: return items.2
        default: return items.3
        }
    }

    mutating func append(_ item: Item) {
        switch count {
        case 0: items.0 = item
        case 1: items.1 = item
        case 2: items.2 = item
        case 3: items.3 = item
        default: preconditionFailure("more than four intensifiers")
        }
        count += 1
    }

    /// The sum of the amounts, added in order.
    var total: Double {
        var sum = 0.0
        for index in 0..<count { sum += self[index].amount }
        return sum
    }

    /// The intensifiers that start after token `last`, in order.
    func after(_ last: Int) -> Intensifiers {
        filtered { $0.start > last }
    }

    /// The intensifiers that start at or before token `last`, in order.
    func notAfter(_ last: Int) -> Intensifiers {
        filtered { $0.start <= last }
    }

    private func filtered(_ keep: (Item) -> Bool) -> Intensifiers {
        var kept = Intensifiers()
        for index in 0..<count where keep(self[index]) { kept.append(self[index]) }
        return kept
    }
}

/// The rules that changed a valence, written down only when asked (`--explain`): each
/// rule's text is an autoclosure, built only when the log is enabled.
struct RuleLog {
    let enabled: Bool
    private(set) var rules: [String] = []

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func append(_ rule: @autoclosure () -> String) {
        if enabled { rules.append(rule()) }
    }
}
