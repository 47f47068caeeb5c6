/// One language's lexicon with the lookup tables the scorer precomputes: which words begin a
/// multi-word entry, and how long the longest such entry is, so that phrases are only tried
/// where one can start.
struct IndexedLexicon: Sendable {
    let lexicon: LanguageLexicon
    /// First word of a multi-word valence, negator, booster or contrast entry → its most words.
    let phraseStarts: [String: Int]
    /// First word of a multi-word aspect entry → its most words.
    let aspectStarts: [String: Int]

    init(_ lexicon: LanguageLexicon) {
        self.lexicon = lexicon
        var starts: [String: Int] = [:]
        func note<S: Sequence>(_ terms: S) where S.Element == String {
            for term in terms where term.contains(" ") {
                let words = term.split(separator: " ")
                starts[String(words[0]), default: 1] = max(starts[String(words[0]), default: 1], words.count)
            }
        }
        note(lexicon.valence.keys)
        note(lexicon.negators.keys)
        note(lexicon.boosters.keys)
        note(lexicon.postBoosters.keys)
        note(lexicon.contrast)
        phraseStarts = starts
        starts = [:]
        note(lexicon.aspects.keys)
        aspectStarts = starts
    }
}
