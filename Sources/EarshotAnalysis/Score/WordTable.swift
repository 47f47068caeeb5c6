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
    }

    /// The languages with a slot in ``Entry``, in slot order.
    static let languages = ["en", "zh", "ms"]
    static let englishSlot = 0, chineseSlot = 1, malaySlot = 2

    let table: ByteKeyTable<Entry>
    /// ``Entry`` fields in flat arrays indexed as ``table``'s values: lexicon slot `s` of word
    /// `w` is `lexicons[w * 3 + s]`.
    private let lexicons: [Int32]
    private let contrast: [Bool]
    private let emoji: [Double?]
    private let classes: [LanguageDetector.WordClass]
    /// What the span search may find at each word, one byte per word: bit `1 << slot` when the
    /// word's entry in that slot's lexicon has a role (``IndexedLexicon/kinds``) or begins a
    /// longer entry, ``emojiRole`` when it is an emoji key.
    private let roles: [UInt8]
    static let emojiRole: UInt8 = 1 << 3
    /// The first two words of every multi-word entry of the lexicons.
    private let phraseStarts: WordPairSet

    /// - Parameters:
    ///   - indexed: the indexed lexicons by language code (a language missing has no entries).
    ///   - contrast: every contrast word, of all languages.
    ///   - emoji: the emoji valences by key.
    ///   - classes: the language detector's lists of each word (``LanguageDetector/wordClasses(_:)``).
    init(indexed: [String: IndexedLexicon] = [:], contrast: [String] = [], emoji: [String: Double] = [:], classes: ByteKeyTable<LanguageDetector.WordClass>.Builder) {
        // Room for every key at once: growing the table would place each key again.
        var builder = ByteKeyTable<Entry>.Builder(capacity: WordTable.languages.reduce(contrast.count + emoji.count + classes.values.count) {
            $0 + (indexed[$1]?.table.values.count ?? 0)
        })
        for (slot, code) in WordTable.languages.enumerated() {
            guard let lexicon = indexed[code] else { continue }
            for index in lexicon.table.values.indices {
                let word = lexicon.table.withKey(index) { builder.index(ofCanonical: $0, adding: Entry()) }
                let value = Int32(truncatingIfNeeded: index)
                if lexicon.kinds[index] != nil || lexicon.phraseStarts[index] > 1 { builder.values[word].roles |= 1 << UInt8(slot) }
                switch slot {
                case 0: builder.values[word].lexicon.0 = value
                case 1: builder.values[word].lexicon.1 = value
                default: builder.values[word].lexicon.2 = value
                }
            }
        }
        for word in contrast { builder.values[builder.index(of: word, adding: Entry())].isContrast = true }
        for (key, valence) in emoji {
            let word = builder.index(of: key, adding: Entry())
            builder.values[word].emoji = valence
            builder.values[word].roles |= WordTable.emojiRole
        }
        for index in classes.values.indices {
            classes.withKey(index) { builder.values[builder.index(ofCanonical: $0, adding: Entry())].classes = classes.values[index] }
        }
        // Every word of a multi-word entry has an index, so that a phrase's first two words do.
        // Split at space bytes, as the span search joins a phrase's tokens.
        var pairs = Set<UInt64>()
        for lexicon in indexed.values {
            for index in lexicon.table.values.indices {
                lexicon.table.withKey(index) { key in
                    guard key.contains(0x20) else { return }
                    let words = key.split(separator: 0x20).map { builder.index(ofCanonical: UnsafeBufferPointer(rebasing: $0), adding: Entry()) }
                    if words.count >= 2 { pairs.insert(WordPairSet.key(words[0], words[1])) }
                }
            }
        }
        let table = ByteKeyTable(builder)
        self.table = table
        phraseStarts = WordPairSet(pairs)
        var lexicons: [Int32] = []
        lexicons.reserveCapacity(table.values.count * 3)
        for entry in table.values {
            lexicons.append(entry.lexicon.0)
            lexicons.append(entry.lexicon.1)
            lexicons.append(entry.lexicon.2)
        }
        self.lexicons = lexicons
        self.roles = table.values.map(\.roles)
        self.contrast = table.values.map(\.isContrast)
        self.emoji = table.values.map(\.emoji)
        self.classes = table.values.map(\.classes)
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
        word < 0 ? 0 : roles[word]
    }

    /// The language detector's lists that hold word `word` (an index, or -1).
    func wordClass(_ word: Int) -> LanguageDetector.WordClass {
        word < 0 ? [] : classes[word]
    }

    /// False when no multi-word entry of the lexicons begins with words `first` then `second`
    /// (indices, or -1), compared as `String`s compare.
    func mayBeginPhrase(_ first: Int, _ second: Int) -> Bool {
        first >= 0 && second >= 0 && phraseStarts.contains(first, second)
    }

    func isContrast(_ word: Int) -> Bool {
        word >= 0 && contrast[word]
    }
}
