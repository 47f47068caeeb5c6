/// One word, emoji or emoticon of a text, as the scorer reads it.
public struct Token: Sendable, Equatable {
    /// The form used for lookups: lower-cased, for Malay normalised, for emoji the key without
    /// skin tone or variation selector (``Lexicon/emojiKey(_:)``).
    public var text: String
    /// The form as written, for ALL-CAPS emphasis.
    public var raw: String
    /// Which clause the token is in; clauses break at sentence punctuation, commas and contrast words.
    public var clause: Int
    /// True for Chinese words (found by segmentation), false for words of spaced scripts, emoji and emoticons.
    public var isHan: Bool

    public init(text: String, raw: String, clause: Int, isHan: Bool = false) {
        self.text = text
        self.raw = raw
        self.clause = clause
        self.isHan = isHan
    }

    /// True when the raw form has letters and all of them are upper case ("NEVER").
    public var isAllCaps: Bool {
        var letters = 0
        for scalar in raw.unicodeScalars where scalar.properties.isAlphabetic {
            guard scalar.properties.isUppercase else { return false }
            letters += 1
        }
        return letters > 1
    }
}
