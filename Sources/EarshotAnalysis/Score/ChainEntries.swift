/// Each token's entry in each lexicon of a lookup chain (``SentimentScorer/lookupChain(_:)``),
/// read from the token's ``WordTable`` word (``TokenList/word(_:)``) when asked, with no
/// per-text array: the entry of a token in `chain[p]` indexes `chain[p]`'s flat arrays
/// (``IndexedLexicon/kinds``), or is -1 for none. It holds no token list and no word table,
/// which each caller passes (each held reference cost a retain and a release per text).
///
/// The chain is `[zh, en]`, `[ms, en]` or `[en]` (``SentimentScorer/chainCodes(_:)``): position
/// 0 is the text's language's ``WordTable`` slot, position 1 the English one.
struct ChainEntries {
    /// The ``WordTable`` slot of `chain[0]`.
    let firstSlot: Int

    init(language: ScoreLanguage) {
        firstSlot = language == .chinese ? WordTable.chineseSlot : language == .malay ? WordTable.malaySlot : WordTable.englishSlot
    }

    /// The ``WordTable`` role bits of the chain's lexicons and of emoji: a word with none of
    /// them (``WordTable/roles(_:)``) is no emoji and has no role in any lexicon of the chain.
    var chainRoles: UInt8 {
        UInt8(1 << firstSlot) | (firstSlot == WordTable.englishSlot ? 0 : UInt8(1 << WordTable.englishSlot)) | WordTable.emojiRole
    }

    /// The entry of word `word` (an index of `words`, the tokenizer's ``WordTable``, or -1) in
    /// `chain[position]`, or -1.
    @inline(__always)
    func entry(word: Int, _ position: Int, in words: WordTable) -> Int {
        Int(words.lexiconEntry(word, slot: position == 0 ? firstSlot : WordTable.englishSlot))
    }
}
