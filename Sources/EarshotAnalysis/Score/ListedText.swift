/// A span's or token's text as the negation rules compare it with their listed words
/// (``SentimentScorer/neverNegators``, ``SentimentScorer/emphaticWords``, …), each ASCII or
/// unified Han: equal as `String`s compare. On the lookup forms' bytes when they have no other
/// canonical spelling (all ASCII, or ``ByteKeyTable/isByteComparable(_:)``: then they are equal to
/// a listed word exactly when their bytes are); otherwise, as for 不 written as the compatibility
/// ideograph U+F967, through the `String` and the lists' sets.
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

    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        bytes.count == word.utf8CodeUnitCount && word.withUTF8Buffer { bytes.elementsEqual($0) }
    }

    /// True when `text` is in `set`, or (the bytes) when `listed` says they are one of its words.
    @inline(__always)
    private func isListed(in set: @autoclosure () -> Set<String>, _ listed: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let text { return set().contains(text) }
        return listed(bytes)
    }

    /// One of ``SentimentScorer/neverNegators``.
    var isNeverNegator: Bool {
        isListed(in: SentimentScorer.neverNegators) { bytes in
            ListedText.equal(bytes, "never") || ListedText.equal(bytes, "tak pernah") || ListedText.equal(bytes, "tidak pernah") || ListedText.equal(bytes, "belum pernah")
                || ListedText.equal(bytes, "从来没") || ListedText.equal(bytes, "从没") || ListedText.equal(bytes, "从来没有") || ListedText.equal(bytes, "从没有") || ListedText.equal(bytes, "从未")
                || ListedText.equal(bytes, "从来不")
        }
    }

    /// One of ``SentimentScorer/emphaticWords``.
    var isEmphatic: Bool {
        isListed(in: SentimentScorer.emphaticWords) { bytes in
            ListedText.equal(bytes, "so") || ListedText.equal(bytes, "this") || ListedText.equal(bytes, "such") || ListedText.equal(bytes, "begini") || ListedText.equal(bytes, "sebegini")
                || ListedText.equal(bytes, "这么") || ListedText.equal(bytes, "那么") || ListedText.equal(bytes, "如此") || ListedText.equal(bytes, "这样") || ListedText.equal(bytes, "这种")
        }
    }

    /// One of ``SentimentScorer/emphaticAfter``.
    var isEmphaticAfter: Bool {
        isListed(in: SentimentScorer.emphaticAfter) { bytes in ListedText.equal(bytes, "ini") || ListedText.equal(bytes, "begini") }
    }

    /// 这么, 如此 or 这样 (the words of 没有这么好的: "such a good … as this").
    var isChineseSuch: Bool {
        `is`("这么") || `is`("如此") || `is`("这样")
    }

    /// ``SentimentScorer/isModalNegation(_:)``.
    var isModalNegation: Bool {
        if let text { return SentimentScorer.isModalNegation(text) }
        return ListedText.equal(bytes, "can't") || ListedText.equal(bytes, "cannot") || ListedText.equal(bytes, "couldn't")
            || ListedText.equal(bytes, "cant") || ListedText.equal(bytes, "couldnt") || ListedText.equal(bytes, "can not")
            || ListedText.equal(bytes, "could not")
    }
}
