/// The language a text is scored in, as the rules and the span search ask about it: decided
/// once per text from its code, so that no rule compares strings per token.
enum ScoreLanguage: Sendable {
    case english, chinese, malay
    /// Any other code: scored with the English lexicon, and not English for the rules.
    case other

    /// (`en` first: equal strings compare fast, unequal ones with a library call.)
    init(_ code: String) {
        switch code {
        case "en": self = .english
        case "zh": self = .chinese
        case "ms": self = .malay
        default: self = .other
        }
    }

    /// The code of a language that ``LanguageDetector`` decides (English, Chinese or Malay; it
    /// never decides ``other``): the detecting tokenizer hands the language on as this enum, and
    /// the scorer takes its code from here rather than the enum from a `String` (~50
    /// instructions a line, with a string compare for each line that is not English).
    var detectedCode: String {
        switch self {
        case .english: "en"
        case .chinese: "zh"
        case .malay: "ms"
        case .other: preconditionFailure("detection decides no other language")
        }
    }
}
