/// The word lists of one language: valences, negators, boosters, contrast words, aspect terms,
/// the Chinese segmentation dictionary and the Malay spelling normalisations.
///
/// Multi-word entries are kept in the same dictionaries with their words joined by one
/// space; ``maxPhraseWords`` says how far a lookup must look ahead.
public struct LanguageLexicon: Sendable {
    /// Term → valence on VADER's scale (-4...4).
    public var valence: [String: Double] = [:]
    /// Negator → the factor it multiplies a valence by: VADER's -0.74, or about -0.5 for the
    /// partial negators that mean "not very" (不太, tak berapa).
    public var negators: [String: Double] = [:]
    /// Boosters written before the word they modify ("very", 很, sangat). Positive weights
    /// intensify, negative ones dampen (VADER's ±0.293).
    public var boosters: [String: Double] = [:]
    /// Boosters written after the word they modify (慢死了, bagus sangat, teruk gila).
    public var postBoosters: [String: Double] = [:]
    /// Contrast words: the text before the first one weighs half, the text after it 1.5 times.
    public var contrast: Set<String> = []
    /// Aspect terms that tie a clause to a touchpoint.
    public var aspects: [String: AspectTerm] = [:]
    /// Neutral words for Chinese segmentation.
    public var words: Set<String> = []
    /// Colloquial spellings and their standard words (Malay `x` → [`tak`], `xpuas` → [`tak`, `puas`]).
    public var normalise: [String: [String]] = [:]
    /// The most words any multi-word entry has.
    public var maxPhraseWords = 1
    /// The most characters any entry has (for Chinese maximum matching).
    public var maxEntryCharacters = 1

    public init() {}

    mutating func noteEntry(_ term: String) {
        let (words, characters) = Tokenizer.withUTF8(term) { bytes in (LanguageLexicon.wordCount(bytes), ByteKeyTable<Bool>.characterCount(bytes)) }
        noteEntry(words: words ?? term.split(separator: " ").count, characters: characters)
    }

    /// ``noteEntry(_:)`` of a term of `words` words and `characters` characters.
    mutating func noteEntry(words: Int, characters: Int) {
        maxPhraseWords = max(maxPhraseWords, words)
        maxEntryCharacters = max(maxEntryCharacters, characters)
    }

    /// `term.split(separator: " ").count` read from the bytes, or nil when a space byte has a
    /// non-ASCII neighbour (a combining mark after it, or a prepend mark before it, would join
    /// it into a larger character that is not " "). String's split cost ~6,500 instructions a
    /// spaced term at start-up.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // No space byte means no space character: one word, as terms are never empty.
        guard bytes.contains(0x20) else { return 1 }
        var words = 0, inWord = false
        for index in bytes.indices {
            if bytes[index] == 0x20 {
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    /// True when `term` is an entry of any list (valence, negator, booster, contrast, aspect or word).
    func contains(_ term: String) -> Bool {
        valence[term] != nil || negators[term] != nil || boosters[term] != nil || postBoosters[term] != nil
            || contrast.contains(term) || aspects[term] != nil || words.contains(term)
    }
}
