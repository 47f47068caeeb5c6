/// One language's lexicon with the lookup tables the scorer precomputes: what each entry is
/// (one table instead of one per list, so a word costs one lookup), which words begin a
/// multi-word entry, and how long the longest such entry is, so that phrases are only tried
/// where one can start. A class, so that lookup chains share it without copying.
final class IndexedLexicon: Sendable {
    /// What one key of the lexicon is.
    struct Entry: Sendable {
        /// Its role as a valence, negator, booster or contrast entry (negator first, then
        /// booster, then valence, then contrast), or nil when it is none of them.
        var kind: TermSpan.Kind?
        /// The most words of a multi-word valence, negator, booster or contrast entry that
        /// begins with this word (1 when none does).
        var phraseStart = 1
        /// The aspect term this key names.
        var aspect: AspectTerm?
        /// The most words of a multi-word aspect entry that begins with this word (1 when none does).
        var aspectStart = 1
    }

    let lexicon: LanguageLexicon
    /// What each key is, for lookups by bytes (and by `String`: ``ByteKeyTable/index(of:)``).
    let table: ByteKeyTable<Entry>
    /// What the scorer asks of each entry, in flat arrays indexed as ``table``'s values
    /// (``ByteKeyTable/index(of:)``), so that a token is looked up once and nothing is copied.
    let kinds: [TermSpan.Kind?]
    let phraseStarts: [Int]
    let aspects: [AspectTerm?]
    let aspectStarts: [Int]
    /// True when the entry names an aspect or begins a multi-word one.
    let beginsAspect: [Bool]

    init(_ lexicon: LanguageLexicon) {
        self.lexicon = lexicon
        var entries: [String: Entry] = [:]
        func noteStarts<S: Sequence>(_ terms: S, aspect: Bool) where S.Element == String {
            for term in terms where term.utf8.contains(0x20) {
                let words = term.split(separator: " ")
                let first = String(words[0])
                if aspect {
                    entries[first, default: Entry()].aspectStart = max(entries[first]?.aspectStart ?? 1, words.count)
                } else {
                    entries[first, default: Entry()].phraseStart = max(entries[first]?.phraseStart ?? 1, words.count)
                }
            }
        }
        noteStarts(lexicon.valence.keys, aspect: false)
        noteStarts(lexicon.negators.keys, aspect: false)
        noteStarts(lexicon.boosters.keys, aspect: false)
        noteStarts(lexicon.postBoosters.keys, aspect: false)
        noteStarts(lexicon.contrast, aspect: false)
        noteStarts(lexicon.aspects.keys, aspect: true)
        var keys = Set(lexicon.valence.keys)
        keys.formUnion(lexicon.negators.keys)
        keys.formUnion(lexicon.boosters.keys)
        keys.formUnion(lexicon.postBoosters.keys)
        keys.formUnion(lexicon.contrast)
        for key in keys { entries[key, default: Entry()].kind = IndexedLexicon.kind(of: key, in: lexicon) }
        for (key, term) in lexicon.aspects { entries[key, default: Entry()].aspect = term }
        let table = ByteKeyTable(entries)
        self.table = table
        kinds = table.values.map(\.kind)
        phraseStarts = table.values.map(\.phraseStart)
        aspects = table.values.map(\.aspect)
        aspectStarts = table.values.map(\.aspectStart)
        beginsAspect = table.values.map { $0.aspect != nil || $0.aspectStart > 1 }
    }

    /// The role of `term` as the lists define it.
    static func kind(of term: String, in lexicon: LanguageLexicon) -> TermSpan.Kind? {
        let valence = lexicon.valence[term]
        if let factor = lexicon.negators[term] { return .negator(factor: factor, valence: valence) }
        let pre = lexicon.boosters[term], post = lexicon.postBoosters[term]
        if pre != nil || post != nil { return .booster(pre: pre, post: post, valence: valence) }
        if let valence { return .term(valence) }
        if lexicon.contrast.contains(term) { return .contrast }
        return nil
    }

    /// The role of `term`, or nil.
    func kind(of term: String) -> TermSpan.Kind? {
        table[term]?.kind
    }

}
