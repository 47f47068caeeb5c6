/// A span's or token's text as the negation rules compare it with their listed words
/// (``SentimentScorer/neverNegators``, ``SentimentScorer/emphaticWords``, …), each ASCII or
/// unified Han: equal as `String`s compare. On the lookup forms' bytes when they have no other
/// canonical spelling (all ASCII, or ``ByteKeyTable/isByteComparable(_:)``: then they are equal to
/// a listed word exactly when their bytes are); otherwise, as for 不 written as the compatibility
/// ideograph U+F967, through the `String`.
struct ListedText {
    /// The lookup forms' bytes, when ``text`` is nil.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The text, when its bytes may differ from a listed word that it equals.
    let text: String?

    /// The text `text`, compared as a `String`.
    init(_ text: String) {
        bytes = UnsafeBufferPointer(start: nil, count: 0)
        self.text = text
    }

    /// The lookup forms of tokens `range` joined by spaces (valid until the list changes).
    init(_ tokens: TokenList, _ range: Range<Int>) {
        let bytes = tokens.phraseBytes(range)
        self.bytes = bytes
        text = range.allSatisfy(tokens.isASCII) || ByteKeyTable<Bool>.isByteComparable(bytes) ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The lookup form of token `index`.
    init(_ tokens: TokenList, _ index: Int) {
        self.init(tokens, index..<(index + 1))
    }

    /// True when the text is `word` (ASCII or unified Han).
    func `is`(_ word: StaticString) -> Bool {
        if let text { return text == word.description }
        return ListedText.equal(bytes, word)
    }

    /// True when `bytes` are the UTF-8 bytes of `word` (for lookup forms that are byte-comparable).
    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && word.withUTF8Buffer { bytes.elementsEqual($0) }
    }

    /// True when the text is one of `words` (each ASCII or unified Han).
    @inline(__always)
    private func isListed(_ words: [StaticString]) -> Bool {
        if let text { return words.contains { $0.description == text } }
        return words.contains { ListedText.equal(bytes, $0) }
    }

    /// One of ``SentimentScorer/neverNegators``.
    var isNeverNegator: Bool { isListed(SentimentScorer.neverNegators) }

    /// One of ``SentimentScorer/emphaticWords``.
    var isEmphatic: Bool { isListed(SentimentScorer.emphaticWords) }

    /// One of ``SentimentScorer/emphaticAfter``.
    var isEmphaticAfter: Bool { isListed(SentimentScorer.emphaticAfter) }

    /// One of ``SentimentScorer/chineseSuch``.
    var isChineseSuch: Bool { isListed(SentimentScorer.chineseSuch) }

    /// One of ``SentimentScorer/modalNegations``.
    var isModalNegation: Bool { isListed(SentimentScorer.modalNegations) }
}
