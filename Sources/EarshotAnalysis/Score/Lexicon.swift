/// All lexicons earshot scores with: one per language plus the shared emoji valences.
///
/// Emoji keys are stored without skin-tone modifiers and variation selectors (see
/// ``emojiKey(_:)``), so 👍🏽 and ❤️ find the entries for 👍 and ❤.
public struct Lexicon: Sendable {
    public var languages: [String: LanguageLexicon]
    public var emoji: [String: Double]

    public init(languages: [String: LanguageLexicon], emoji: [String: Double]) {
        self.languages = languages
        self.emoji = [:]
        for (key, value) in emoji { self.emoji[Lexicon.emojiKey(key)] = value }
    }

    public subscript(language: String) -> LanguageLexicon {
        languages[language] ?? LanguageLexicon()
    }

    /// Adds brand-specific terms (config `brands[].terms`) to every language, overriding the files.
    ///
    /// Build the ``SentimentScorer`` after adding terms: its Chinese segmenter takes its
    /// dictionary from the lexicon when it is created.
    public mutating func add(terms: [String: Double]) {
        var keyed: [(String, Double)] = []
        for (term, valence) in terms {
            let key = term.lowercased().split(separator: " ").joined(separator: " ")
            guard !key.isEmpty else { continue }
            keyed.append((key, valence))
        }
        // All terms at once: each change of a list makes its dictionaries anew.
        guard !keyed.isEmpty else { return }
        for language in languages.keys { languages[language]?.setValences(keyed) }
    }

    /// The lookup form of an emoji: without skin-tone modifiers (U+1F3FB–U+1F3FF) and
    /// variation selectors (U+FE0E, U+FE0F).
    public static func emojiKey(_ emoji: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in emoji.unicodeScalars {
            switch scalar.value {
            case 0x1F3FB...0x1F3FF, 0xFE0E, 0xFE0F: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
