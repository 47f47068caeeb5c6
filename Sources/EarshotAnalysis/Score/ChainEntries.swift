/// Each token's entry in each lexicon of a lookup chain (``SentimentScorer/lookupChain(_:)``),
/// read from the token's ``WordTable`` word when asked, with no per-text array: the entry of
/// token `t` in `chain[p]` indexes `chain[p]`'s flat arrays (``IndexedLexicon/kinds``), or is
/// -1 for none.
///
/// The chain is `[zh, en]`, `[ms, en]` or `[en]` (``SentimentScorer/chainCodes(_:)``): position
/// 0 is the text's language's ``WordTable`` slot, position 1 the English one.
struct ChainEntries {
    let tokens: TokenList
    let words: WordTable
    /// The ``WordTable`` slot of `chain[0]`.
    let firstSlot: Int

    init(tokens: TokenList, words: WordTable, language: ScoreLanguage) {
        self.tokens = tokens
        self.words = words
        firstSlot = language == .chinese ? WordTable.chineseSlot : language == .malay ? WordTable.malaySlot : WordTable.englishSlot
    }

    /// The ``WordTable`` role bits of the chain's lexicons and of emoji: a word with none of
    /// them (``WordTable/roles(_:)``) is no emoji and has no role in any lexicon of the chain.
    var chainRoles: UInt8 {
        UInt8(1 << firstSlot) | (firstSlot == WordTable.englishSlot ? 0 : UInt8(1 << WordTable.englishSlot)) | WordTable.emojiRole
    }

    /// The entry of word `word` (a ``WordTable`` index, or -1) in `chain[position]`, or -1.
    @inline(__always)
    func entry(word: Int, _ position: Int) -> Int {
        Int(words.lexiconEntry(word, slot: position == 0 ? firstSlot : WordTable.englishSlot))
    }

    /// The entry of token `index` in `chain[position]`, or -1.
    @inline(__always)
    subscript(_ index: Int, _ position: Int) -> Int {
        entry(word: tokens.word(index), position)
    }
}
