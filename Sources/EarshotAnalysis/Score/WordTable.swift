/// Every word the scorer's per-token questions are asked about, with all the answers: its
/// entry in the English, Chinese and Malay lexicons (``IndexedLexicon/table`` indices) and
/// whether it is a contrast word, its emoji valence, its lists for ``LanguageDetector`` and
/// which words can follow it in a multi-word entry. The tokenizer hashes each token once and looks it up here
/// once; the lexicon entries, the span search and the clause breaks then read the answers.
/// A class, so that each text's token stream holds it without retaining each array.
final class WordTable: Sendable {
    /// What one word is in each list (-1: not in it).
    struct Entry: Sendable {
        var lexicon: (Int32, Int32, Int32) = (-1, -1, -1)
        var isContrast = false
        /// The valence of an emoji key (``Lexicon/emoji``).
        var emoji: Double?
        /// The language detector's lists that hold the word.
        var classes: LanguageDetector.WordClass = []
        /// ``WordTable/roles``' bits of the word.
        var roles: UInt8 = 0
        /// Some lexicon gives the word a kind (``kindlessRole``).
        var hasKind = false
        /// Bit `1 << slot` when the word's entry in that slot's lexicon begins a longer entry
        /// (``IndexedLexicon/phraseStarts`` above 1): ``phraseStartBit(slot:)``.
        var phraseSlots: UInt8 = 0
    }

    /// The languages with a slot in ``Entry``, in slot order.
    static let languages = ["en", "zh", "ms"]
    static let englishSlot = 0, chineseSlot = 1, malaySlot = 2

    let table: ByteKeyTable<Entry>
    /// ``Entry`` fields in flat arrays indexed as ``table``'s values: lexicon slot `s` of word
    /// `w` is `lexicons[w * 3 + s]`.
    private let lexicons: [Int32]
    private let emoji: [Double?]
    /// What the tokenizer asks of each word, packed in one value per word so that a token
    /// reads them with one load (three arrays cost three loads and bounds checks a token):
    /// the ``roles`` byte in bits 0-7, the ``LanguageDetector/WordClass`` bits in 8-11,
    /// ``contrastBit`` and ``stretchedBit``.
    ///
    /// The roles are what the span search may find at each word: bit `1 << slot` when the
    /// word's entry in that slot's lexicon has a role (``IndexedLexicon/kinds``) or begins a
    /// longer entry, ``emojiRole`` when it is an emoji key, ``aloneRole`` when the word, ASCII,
    /// ends in "n't" or is read through an inflected English base.
    private let info: [UInt32]
    static let contrastBit: UInt32 = 1 << 12
    /// The word is ASCII letters with a run of three of one letter that
    /// ``Tokenizer/unelongated(_:)`` may read as another word (with the `known` words that
    /// built the table; every such word when there were none).
    static let stretchedBit: UInt32 = 1 << 13

    /// The ``info(_:)`` bit of a word whose entry in the lexicon of slot `slot` begins a longer
    /// valence, negator, booster or contrast entry (``IndexedLexicon/phraseStart(_:)`` above 1):
    /// the span search tests a word's chain with one load, not each lexicon's entry and phrase
    /// starts (~35 instructions a line).
    @inline(__always)
    static func phraseStartBit(slot: Int) -> UInt32 {
        1 << (14 + UInt32(truncatingIfNeeded: slot))
    }

    /// The ``info(_:)`` bit of a word that is the second word of a pair of ``phraseStarts``
    /// (``phrasePair(_:_:)``).
    static let pairSecondBit: UInt32 = 1 << 17

    static let emojiRole: UInt8 = 1 << 3
    /// The span search may read the word alone as a negator ending in "n't" or an inflected
    /// English term (``SentimentScorer/inflectedValence(_:in:)``). Set for the ASCII words of the
    /// table; the tokenizer sets it for every other token that ends in `t`, `s` or `g`.
    static let aloneRole: UInt8 = 1 << 4
    /// The word is the first word of a multi-word entry of some lexicon (of ``phraseStarts``):
    /// the span search asks the pair set and the lexicons for a phrase only at such words.
    static let phraseRole: UInt8 = 1 << 5
    /// The word begins a multi-word entry (``phraseRole``) but is no entry of its own: no
    /// lexicon gives it a kind, and it ends in none of `t`, `s`, `g` (so it is read alone as no
    /// "n't" negator nor inflected word). When its pair lookup fails, the span search drops it
    /// at once instead of asking each lexicon of the chain (~1.3 such words a line).
    static let kindlessRole: UInt8 = 1 << 6
    /// The first two words of every multi-word entry of the lexicons.
    private let phraseStarts: WordPairSet

    /// - Parameters:
    ///   - indexed: the indexed lexicons by language code (a language missing has no entries).
    ///   - contrastOf: the languages whose contrast words (of `indexed`) are contrast words.
    ///   - emoji: the emoji valences by key.
    ///   - classes: the language detector's lists of each word (``LanguageDetector/functionWords()``).
    ///   - spellings: the Malay spellings (`ms/normalise.tsv`): the lexicon words' classes are then
    ///     added to `classes`, worked out from `indexed`'s `en` and `ms` lists (``addLexiconClasses(to:indexed:spellings:)``).
    ///   - known: the tokenizer's ``Tokenizer/knownWords``, which decide ``stretchedBit``.
    init(indexed: [String: IndexedLexicon] = [:], contrastOf contrastLanguages: [String] = [], emoji: [String: Double] = [:],
         classes: ByteKeyTable<LanguageDetector.WordClass>.Builder, spellings: [String: [String]]? = nil, known: ByteKeyTable<Bool>? = nil) {
        // Room for every key at once: growing the table would place each key again.
        var builder = ByteKeyTable<Entry>.Builder(capacity: WordTable.languages.reduce(emoji.count + classes.values.count + (spellings?.count ?? 0)) {
            $0 + (indexed[$1]?.table.values.count ?? 0)
        })
        // Every word of a multi-word entry has an index, so that a phrase's first two words do.
        // Split at space bytes, as the span search joins a phrase's tokens. (Read in the same
        // walk of the keys, without an array per phrase: a second walk with `split` cost ~2M
        // instructions at start-up.)
        var pairs: [UInt64: WordPairSet.Pair] = [:]
        for (slot, code) in WordTable.languages.enumerated() {
            guard let lexicon = indexed[code] else { continue }
            for index in lexicon.table.values.indices {
                let value = Int32(truncatingIfNeeded: index)
                let word = lexicon.table.withKey(index) { key in
                    let word = builder.index(ofCanonical: key, adding: Entry())
                    if key.contains(0x20) { WordTable.addWords(of: key, to: &builder, pairs: &pairs, slot: slot, entry: value) }
                    return word
                }
                // The word's entry read and written once: a checked access per field cost ~0.7M
                // instructions at start-up.
                let hasKind = lexicon.kinds[index] != nil
                var entry = builder.values[word]
                if hasKind { entry.hasKind = true }
                let beginsPhrase = lexicon.phraseStarts[index] > 1
                if hasKind || beginsPhrase { entry.roles |= 1 << UInt8(slot) }
                if beginsPhrase { entry.phraseSlots |= 1 << UInt8(slot) }
                switch slot {
                case 0: entry.lexicon.0 = value
                case 1: entry.lexicon.1 = value
                default: entry.lexicon.2 = value
                }
                builder.values[word] = entry
            }
        }
        // A language without a slot still has its phrases' words.
        for (code, lexicon) in indexed where !WordTable.languages.contains(code) {
            lexicon.table.forEachKey { _, key in if key.contains(0x20) { WordTable.addWords(of: key, to: &builder, pairs: &pairs, slot: -1, entry: -1) } }
        }
        for code in contrastLanguages {
            indexed[code]?.forEachKey(in: .contrast) { _, word in builder.values[builder.index(ofCanonical: word, adding: Entry())].isContrast = true }
        }
        for (key, valence) in emoji {
            let word = builder.index(of: key, adding: Entry())
            builder.values[word].emoji = valence
            builder.values[word].roles |= WordTable.emojiRole
        }
        for index in classes.values.indices {
            classes.withKey(index) { builder.values[builder.index(ofCanonical: $0, adding: Entry())].classes = classes.values[index] }
        }
        if let spellings { WordTable.addLexiconClasses(to: &builder, indexed: indexed, spellings: spellings) }
        let table = ByteKeyTable(builder)
        self.table = table
        phraseStarts = WordPairSet(pairs: pairs)
        var lexicons: [Int32] = []
        lexicons.reserveCapacity(table.values.count * 3)
        for entry in table.values {
            lexicons.append(entry.lexicon.0)
            lexicons.append(entry.lexicon.1)
            lexicons.append(entry.lexicon.2)
        }
        self.lexicons = lexicons
        var roles = table.values.map(\.roles)
        if let english = indexed["en"] {
            // Every chain ends in English: a word with an English role is never skipped.
            for index in roles.indices where roles[index] & 1 << WordTable.englishSlot == 0 {
                table.withKey(index) { key in
                    if WordTable.mayBeReadAlone(key, english: english) { roles[index] |= WordTable.aloneRole }
                }
            }
        }
        // Each entry read once, in order (a subscript of the values per field cost ~0.3M instructions at start-up).
        var info = zip(table.values, roles).map { entry, roles in
            UInt32(roles) | UInt32(entry.classes.rawValue) << 8 | (entry.isContrast ? WordTable.contrastBit : 0) | UInt32(entry.phraseSlots) << 14
        }
        for pair in pairs.keys {
            info[Int(truncatingIfNeeded: pair >> 32)] |= UInt32(WordTable.phraseRole)
            info[Int(truncatingIfNeeded: pair & 0xFFFF_FFFF)] |= WordTable.pairSecondBit
        }
        for index in info.indices where info[index] & UInt32(WordTable.phraseRole) != 0 && !table.values[index].hasKind
            && table.values[index].emoji == nil {
            let mayBeAlone = table.withKey(index) { key in
                key.last.map { $0 == UInt8(ascii: "t") || $0 == UInt8(ascii: "s") || $0 == UInt8(ascii: "g") } ?? true
            }
            if !mayBeAlone { info[index] |= UInt32(WordTable.kindlessRole) }
        }
        table.forEachKey { index, key in
            if Tokenizer.hasLetterRun(key), known.map({ Tokenizer.unelongated(key, known: $0) != nil }) ?? true {
                info[index] |= WordTable.stretchedBit
            }
        }
        self.info = info
        self.emoji = table.values.map(\.emoji)
    }

    /// Adds the lexicon words' classes to the words of `builder`, which holds every key of
    /// `indexed`'s `en` and `ms` lexicons with their entries. The Malay words are the keys of every
    /// Malay list and the spellings; the English words the keys of the English valences,
    /// boosters, negators and aspect terms. A single word (no space) that is Malay and not English
    /// is ``LanguageDetector/WordClass/malayLexicon`` when it has two characters or more; one that
    /// is English and not Malay is ``LanguageDetector/WordClass/englishLexicon``. (Read from the
    /// entries the words hold: a table of the classes of its own cost two more lookups a word,
    /// ~4M instructions at start-up.)
    private static func addLexiconClasses(to builder: inout ByteKeyTable<Entry>.Builder, indexed: [String: IndexedLexicon],
                                          spellings: [String: [String]]) {
        let english = indexed["en"], malay = indexed["ms"]
        let englishLists: IndexedLexicon.Lists = [.valence, .boosters, .negators, .aspects]
        // A spelling that is a word already is marked; one that is not (no English list holds
        // it) is added as a Malay word when it is one.
        var spelled = [Bool](repeating: false, count: builder.values.count)
        for word in spellings.keys {
            ByteKeyTable<Entry>.withCanonicalBytes(word) { key in
                let found = builder.index(ofCanonical: key)
                if found >= 0 {
                    spelled[found] = true
                } else if !key.contains(0x20), ByteKeyTable<Bool>.characterCount(key) > 1 {
                    builder.values[builder.index(ofCanonical: key, adding: Entry())].classes.insert(.malayLexicon)
                }
            }
        }
        for index in spelled.indices {
            let entry = builder.values[index]
            let inEnglish = entry.lexicon.0 >= 0 && !(english?.lists[Int(entry.lexicon.0)].isDisjoint(with: englishLists) ?? true)
            let inMalay = (entry.lexicon.2 >= 0 && !(malay?.lists[Int(entry.lexicon.2)].isEmpty ?? true)) || spelled[index]
            guard inEnglish != inMalay else { continue }
            let wordClass: LanguageDetector.WordClass? = builder.withKey(index) { word in
                guard !word.contains(0x20) else { return nil }
                if inEnglish { return .englishLexicon }
                return ByteKeyTable<Bool>.characterCount(word) > 1 ? .malayLexicon : nil
            }
            if let wordClass { builder.values[index].classes.insert(wordClass) }
        }
    }

    /// Adds every word of the multi-word key `key` (NFC bytes split at space bytes) to
    /// `builder`, and its first two words' pair to `pairs`; when `key` is the two words alone,
    /// joined by one space (no other space byte), `entry` as the pair's entry in lexicon slot
    /// `slot` (-1: none). Two tokens of those words (compared as `String`s compare) joined by a
    /// space are then `key` as the lexicon compares keys, and no other key is.
    /// (A static function taking the tables inout: a nested function capturing them made every
    /// access to the builder a checked one, ~4.5M instructions at start-up.)
    private static func addWords(of key: UnsafeBufferPointer<UInt8>, to builder: inout ByteKeyTable<Entry>.Builder,
                                 pairs: inout [UInt64: WordPairSet.Pair], slot: Int, entry: Int32) {
        var first = -1, second = -1, count = 0, start = 0, pieces = 0
        for end in 0...key.count where end == key.count || key[end] == 0x20 {
            defer { start = end + 1 }
            pieces += 1
            guard end > start else { continue }
            let word = builder.index(ofCanonical: UnsafeBufferPointer(rebasing: key[start..<end]), adding: Entry())
            if count == 0 { first = word } else if count == 1 { second = word }
            count += 1
        }
        guard count >= 2 else { return }
        // One access to the pair's value (a second dictionary of the two-word entries cost ~0.5M instructions at start-up).
        pairs[WordPairSet.key(first, second), default: WordPairSet.Pair()].note(words: count, twoWordEntry: count == 2 && pieces == 2 ? entry : -1, slot: slot)
    }

    /// The packed ``info`` of word `word` (an index, or -1: 0).
    @inline(__always)
    func info(_ word: Int) -> UInt32 {
        word < 0 ? 0 : info.withUnsafeBufferPointer { $0[word] }
    }

    /// The index of the word whose UTF-8 bytes `bytes` holds (compared as `String`s compare), or -1.
    /// - Parameter plain: true when the caller knows the bytes are ``ByteKeyTable/isByteComparable(_:)``.
    func index(of bytes: UnsafeBufferPointer<UInt8>, plain: Bool) -> Int {
        plain ? table.index(forBytes: bytes) : table.index(forKeyBytes: bytes)
    }

    /// The index of `text` (compared as `String`s compare), or -1.
    func index(of text: String) -> Int {
        table.index(of: text)
    }

    /// ``index(of:plain:)`` of ASCII bytes whose ``ByteKeyTable/hash(_:)`` the caller worked out.
    func index(ofASCII bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        table.index(forBytes: bytes, hash: hash)
    }

    /// The entry of word `word` (an index, or -1) in the lexicon of `slot`, or -1.
    func lexiconEntry(_ word: Int, slot: Int) -> Int32 {
        word < 0 ? -1 : lexicons[word &* 3 &+ slot]
    }

    /// The emoji valence of word `word` (an index, or -1), or nil.
    func emojiValence(_ word: Int) -> Double? {
        word < 0 ? nil : emoji[word]
    }

    /// The ``roles`` bits of word `word` (an index, or -1: none).
    func roles(_ word: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: info(word))
    }

    /// ``aloneRole`` of the ASCII word `key`: it ends in "n't", or it is read through an inflected
    /// English base. (An English lexicon missing reads no inflected word.)
    static func mayBeReadAlone(_ key: UnsafeBufferPointer<UInt8>, english: IndexedLexicon) -> Bool {
        // Both need a last byte `t`, or `s` or `g`: most keys are tested on it alone.
        guard let last = key.last else { return false }
        let count = key.count
        if last == UInt8(ascii: "t") {
            return count >= 3 && key[count - 2] == UInt8(ascii: "'") && key[count - 3] == UInt8(ascii: "n") && key.allSatisfy { $0 < 0x80 }
        }
        guard last == UInt8(ascii: "s") || last == UInt8(ascii: "g") else { return false }
        return SentimentScorer.inflectedValence(key, in: english) != nil
    }

    /// The ``roles`` bits of a token whose lookup form is `text`, its word `word` (an index, or
    /// -1): for an ASCII word of the table, the table's; otherwise, ``aloneRole`` added when the
    /// token is no Chinese word and ends in `t`, `s` or `g` (the span search reads it alone).
    @inline(__always)
    func tokenRoles(_ word: Int, text: UnsafeBufferPointer<UInt8>, flags: TokenList.Flags) -> UInt8 {
        WordTable.tokenRoles(word, info: info(word), text: text, flags: flags)
    }

    /// ``tokenRoles(_:text:flags:)`` with the word's ``info(_:)`` already read.
    @inline(__always)
    static func tokenRoles(_ word: Int, info: UInt32, text: UnsafeBufferPointer<UInt8>, flags: TokenList.Flags) -> UInt8 {
        let known = UInt8(truncatingIfNeeded: info)
        if word >= 0, flags.contains(.ascii) { return known }
        guard !flags.contains(.han), let last = text.last,
              last == UInt8(ascii: "t") || last == UInt8(ascii: "s") || last == UInt8(ascii: "g") else { return known }
        return known | WordTable.aloneRole
    }

    /// The language detector's lists that hold word `word` (an index, or -1).
    func wordClass(_ word: Int) -> LanguageDetector.WordClass {
        WordTable.wordClass(info: info(word))
    }

    /// The ``LanguageDetector/WordClass`` bits of a word's ``info(_:)``.
    @inline(__always)
    static func wordClass(info: UInt32) -> LanguageDetector.WordClass {
        LanguageDetector.WordClass(rawValue: UInt8(truncatingIfNeeded: info >> 8) & 0x0F)
    }

    /// The ``WordPairSet`` slot of words `first` then `second` (indices, or -1), or -1 when no
    /// multi-word entry begins with them (then ``phraseWords(pair:)`` is 0).
    /// (A word that is no listed pair's second word (``pairSecondBit``) is answered with no probe:
    /// most pairs asked are not listed. With it and a set twice as sparse, ~26 instructions a line.)
    @inline(__always)
    func phrasePair(_ first: Int, _ second: Int) -> Int {
        first >= 0 && info(second) & WordTable.pairSecondBit != 0 ? phraseStarts.slot(first, second) : -1
    }

    /// The most words of a multi-word entry of the lexicons that begins with the pair of words
    /// in slot `pair` (``phrasePair(_:_:)`` of two word indices, compared as `String`s compare),
    /// or 0 for none (`pair` -1): no phrase begins there, and a longer phrase is not looked up.
    @inline(__always)
    func phraseWords(pair: Int) -> Int {
        phraseStarts.words(slot: pair)
    }

    /// The entry, in the lexicon of slot `slot` (``englishSlot``…), whose key is the two words
    /// of the pair in slot `pair` (a pair the set holds: ``phrasePair(_:_:)`` is not -1) joined by
    /// a space, or -1: what ``IndexedLexicon/entry(forKeyBytes:)`` finds for two tokens of those
    /// words joined by a space, with no hash of their bytes.
    @inline(__always)
    func twoWordEntry(pair: Int, slot: Int) -> Int {
        phraseStarts.twoWordEntry(pair, lexiconSlot: slot)
    }

    func isContrast(_ word: Int) -> Bool {
        info(word) & WordTable.contrastBit != 0
    }

    /// True when word `word` (an index, or -1) may be a stretched word (``stretchedBit``).
    /// (Always inline: the byte scan asks it for most words; when the scan grew, the compiler
    /// made it a call, ~54 instructions a line.)
    @inline(__always)
    func mayBeStretched(_ word: Int) -> Bool {
        info(word) & WordTable.stretchedBit != 0
    }
}
