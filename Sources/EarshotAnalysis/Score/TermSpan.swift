/// One lexicon entry found in a token sequence: a sentiment term, a negator, a booster or a
/// contrast word, covering one token or a phrase of several.
struct TermSpan: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A sentiment term and its valence.
        case term(Double)
        /// A negator and the factor it applies; `valence` when the word is also a sentiment
        /// term on its own (English "no", as VADER scores it when no sentiment word follows).
        case negator(factor: Double, valence: Double?)
        /// A booster or dampener, written before (`pre`) and/or after (`post`) the word it
        /// modifies; `valence` when the word is also a sentiment term ("pretty", "super").
        case booster(pre: Double?, post: Double?, valence: Double?)
        case contrast

        /// The word's valence as a sentiment term, whatever its role: what the valence list
        /// holds for it (a contrast word has none).
        var valence: Double? {
            switch self {
            case .term(let valence): valence
            case .negator(_, let valence), .booster(_, _, let valence): valence
            case .contrast: nil
            }
        }
    }

    var start: Int
    var length: Int
    var kind: Kind
    /// What the span shows as its text (``SpanTable/text(of:)``).
    var shown = Shown.lookupForms

    /// Which text a span shows: nothing but numbers is stored, so that spans copy as plain values.
    enum Shown: Sendable, Equatable {
        /// Its tokens' lookup forms joined by spaces.
        case lookupForms
        /// Its one token as written (an emoji).
        case written
        /// The base form of its one inflected word (``SentimentScorer/inflectedTerm(_:in:)-(_,IndexedLexicon)``).
        case inflectedBase
    }

    var end: Int { start + length }
    /// The last token of the span.
    var last: Int { start + length - 1 }

    var isTerm: Bool {
        if case .term = kind { return true }
        return false
    }
}
