import EarshotCore

/// The word lists of one language: valences, negators, boosters, contrast words and aspect terms.
///
/// Multi-word entries are kept in the same dictionaries with their words joined by one
/// space; ``maxPhraseWords`` says how far a lookup must look ahead.
public struct LanguageLexicon: Sendable {
    public var valence: [String: Double] = [:]
    public var negators: Set<String> = []
    /// Positive weights intensify, negative ones dampen (VADER's 0.293).
    public var boosters: [String: Double] = [:]
    public var contrast: Set<String> = []
    public var aspects: [String: AspectTerm] = [:]
    /// Extra words for Chinese segmentation.
    public var words: Set<String> = []
    /// Colloquial spellings and their standard form (Malay `x` → `tak`).
    public var normalise: [String: String] = [:]
    /// The most words any multi-word entry has.
    public var maxPhraseWords = 1
    /// The most characters any entry has (for Chinese maximum matching).
    public var maxEntryCharacters = 1

    public init() {}

    mutating func noteEntry(_ term: String) {
        maxPhraseWords = max(maxPhraseWords, term.split(separator: " ").count)
        maxEntryCharacters = max(maxEntryCharacters, term.count)
    }
}

/// A word that names a touchpoint aspect ("refund" → refunds, service).
public struct AspectTerm: Sendable, Equatable {
    public var aspect: String
    public var touchpoint: Touchpoint

    public init(aspect: String, touchpoint: Touchpoint) {
        self.aspect = aspect
        self.touchpoint = touchpoint
    }
}

/// All lexicons earshot scores with: one per language plus the shared emoji valences.
public struct Lexicon: Sendable {
    public var languages: [String: LanguageLexicon]
    public var emoji: [String: Double]

    public init(languages: [String: LanguageLexicon], emoji: [String: Double]) {
        self.languages = languages
        self.emoji = emoji
    }

    public subscript(language: String) -> LanguageLexicon {
        languages[language] ?? LanguageLexicon()
    }

    /// Adds brand-specific terms (config `brands[].terms`) to every language, overriding the files.
    public mutating func add(terms: [String: Double]) {
        for (term, valence) in terms {
            let key = term.lowercased()
            for language in languages.keys {
                languages[language]?.valence[key] = valence
                languages[language]?.noteEntry(key)
            }
        }
    }
}
