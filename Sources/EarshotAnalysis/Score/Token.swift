/// One word, emoji or emoticon of a text, as the scorer reads it.
public struct Token: Sendable, Equatable {
    /// The form used for lookups: lower-cased, for Malay normalised, for emoji the key without
    /// skin tone or variation selector (``Lexicon/emojiKey(_:)``).
    public var text: String {
        didSet { isASCII = Token.isASCII(text) }
    }
    /// The form as written, for ALL-CAPS emphasis.
    public var raw: String {
        didSet { isUpper = SentimentScorer.isUpper(raw) }
    }
    /// Which clause the token is in; clauses break at sentence punctuation, commas and contrast words.
    public var clause: Int
    /// True for Chinese words (found by segmentation), false for words of spaced scripts, emoji and emoticons.
    public var isHan: Bool
    /// True when ``text`` is all ASCII, worked out once for the scorer's per-token checks.
    private(set) var isASCII: Bool
    /// ``SentimentScorer/isUpper(_:)`` of ``raw``, worked out once.
    private(set) var isUpper: Bool

    public init(text: String, raw: String, clause: Int, isHan: Bool = false) {
        self.text = text
        self.raw = raw
        self.clause = clause
        self.isHan = isHan
        isASCII = Token.isASCII(text)
        isUpper = SentimentScorer.isUpper(raw)
    }

    /// A token whose flags the caller has worked out from its bytes: `isASCII` must be
    /// `Token.isASCII(text)` and `isUpper` `SentimentScorer.isUpper(raw)`.
    init(text: String, raw: String, clause: Int, isHan: Bool, isASCII: Bool, isUpper: Bool) {
        self.text = text
        self.raw = raw
        self.clause = clause
        self.isHan = isHan
        self.isASCII = isASCII
        self.isUpper = isUpper
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

    static func isASCII(_ text: String) -> Bool {
        if text.isEmpty { return true }
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return false }
            return true
        }
    }
}
