/// One language's lexicon with the lookup tables the scorer precomputes: what each entry is
/// (one table instead of one per list, so a word costs one lookup), which words begin a
/// multi-word entry, and how long the longest such entry is, so that phrases are only tried
/// where one can start. A class, so that lookup chains share it without copying.
final class IndexedLexicon: Sendable {
    let lexicon: LanguageLexicon
    /// The keys, for lookups by bytes (and by `String`: ``ByteKeyTable/index(of:)``), each with
    /// the lists of ``lexicon`` that hold it (none for a key that is only the first word of a
    /// phrase): what the tokenizer's and the normaliser's tables are built from, by bytes,
    /// instead of from the lists' `String`s.
    let table: ByteKeyTable<Lists>
    // What the scorer asks of each key, in flat arrays indexed as ``table``'s values
    // (``ByteKeyTable/index(of:)``), so that a token is looked up once and nothing is copied.

    /// The key's role as a valence, negator, booster or contrast entry (negator first, then booster,
    /// then valence, then contrast), or nil when it is none of them.
    let kinds: [TermSpan.Kind?]
    /// The most words of a multi-word valence, negator, booster or contrast entry that begins
    /// with the key (1 when none does).
    let phraseStarts: [Int]
    /// The aspect term the key names.
    let aspects: [AspectTerm?]
    /// The most words of a multi-word aspect entry that begins with the key (1 when none does).
    let aspectStarts: [Int]
    /// True when the key names an aspect or begins a multi-word one.
    let beginsAspect: [Bool]
    /// ``table``'s values: the lists that hold each key.
    var lists: [Lists] { table.values }
    /// ``LanguageLexicon/maxPhraseWords`` of ``lexicon``, read once per text (through
    /// ``lexicon`` it was read from a copy of the struct).
    let maxPhraseWords: Int

    /// The lists of a ``LanguageLexicon`` (the normalisations and Chinese words aside).
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt8
        static let valence = Lists(rawValue: 1), negators = Lists(rawValue: 2), boosters = Lists(rawValue: 4)
        static let postBoosters = Lists(rawValue: 8), contrast = Lists(rawValue: 16), aspects = Lists(rawValue: 32)
    }

    /// What the lists say of one key, gathered before the flat arrays are worked out (plain
    /// numbers, copied as bytes).
    private struct Roles {
        var phraseStart = 1, aspectStart = 1
        var lists = LanguageLexicon.Roles()
    }

    init(_ lexicon: LanguageLexicon) {
        self.lexicon = lexicon
        // The loader's table of the lists' keys, taken as it is (its keys are not hashed again).
        let loaded = lexicon.loaded
        var builder = loaded.entries.mapValues { Roles(lists: $0) }
        let aspectTerms = loaded.aspectTerms
        // Each phrase's first word is a key too, with the most words of a phrase of the lists
        // (of the aspect terms) that it begins. (The keys added here are single words.)
        for index in 0..<builder.values.count {
            guard let (firstWord, words) = builder.withKey(index, IndexedLexicon.phrase) else { continue }
            let held = builder.values[index].lists.lists
            let first = firstWord.withUnsafeBufferPointer { builder.index(ofCanonical: $0, adding: Roles()) }
            if !held.isDisjoint(with: [.valence, .negators, .boosters, .postBoosters, .contrast]) {
                builder.values[first].phraseStart = max(builder.values[first].phraseStart, words)
            }
            if held.contains(.aspects) {
                builder.values[first].aspectStart = max(builder.values[first].aspectStart, words)
            }
        }
        // The flat arrays straight from the gathered roles (the table keeps the builder's
        // order): no per-key value of them all is made and kept besides.
        let roles = builder.values
        kinds = roles.map(\.lists.kind)
        phraseStarts = roles.map(\.phraseStart)
        aspects = roles.map { $0.lists.lists.contains(.aspects) ? aspectTerms[Int($0.lists.aspect)] : nil }
        aspectStarts = roles.map(\.aspectStart)
        beginsAspect = zip(aspects, aspectStarts).map { $0 != nil || $1 > 1 }
        table = ByteKeyTable(builder.mapValues(\.lists.lists))
        maxPhraseWords = lexicon.maxPhraseWords
    }

    /// The first word (NFC bytes) and the number of words of the key whose NFC bytes `key`
    /// holds, split at " " as `String`'s `split(separator: " ")` splits it; nil for a key of
    /// one word. Read from the bytes when every space byte has ASCII neighbours (then each is
    /// the character " ", and the words' NFC forms are the key's bytes between them): String's
    /// split walked the characters of every key (~2.5M instructions at start-up).
    private static func phrase(_ key: UnsafeBufferPointer<UInt8>) -> ([UInt8], Int)? {
        guard key.contains(0x20) else { return nil }
        guard let words = LanguageLexicon.wordCount(key) else {
            let words = String(decoding: key, as: UTF8.self).split(separator: " ")
            guard let first = words.first else { return nil }
            return (ByteKeyTable<Bool>.withCanonicalBytes(String(first)) { Array($0) }, words.count)
        }
        guard let start = key.firstIndex(where: { $0 != 0x20 }) else { return nil }
        let end = key[start...].firstIndex(of: 0x20) ?? key.count
        return (Array(key[start..<end]), words)
    }

    // The per-entry reads below are methods, so that a caller holding the lexicon reads
    // through it and retains no array of it.

    /// ``phraseStarts`` of `entry`, or 1 for no entry (-1).
    @inline(__always)
    func phraseStart(_ entry: Int) -> Int {
        entry < 0 ? 1 : phraseStarts[entry]
    }

    /// The entry of the key `bytes`, or -1 (``ByteKeyTable/index(forKeyBytes:)``).
    @inline(__always)
    func entry(forKeyBytes bytes: UnsafeBufferPointer<UInt8>) -> Int {
        table.index(forKeyBytes: bytes)
    }

    /// ``entry(forKeyBytes:)`` of bytes the caller knows to be ASCII (``ByteKeyTable/isByteComparable(_:)``
    /// holds: they are not walked to ask it) when `ascii` is true.
    @inline(__always)
    func entry(forKeyBytes bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> Int {
        ascii ? table.index(forBytes: bytes) : table.index(forKeyBytes: bytes)
    }

    /// ``kinds`` of `entry` (an entry, not -1).
    @inline(__always)
    func kind(_ entry: Int) -> TermSpan.Kind? {
        kinds[entry]
    }

    /// Calls `body` with the index and NFC bytes of each key that one of `lists` holds.
    func forEachKey(in lists: Lists, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        self.lists.withUnsafeBufferPointer { held in
            table.forEachKey { index, key in if !held[index].isDisjoint(with: lists) { body(index, key) } }
        }
    }

    /// Every list.
    static let allLists: Lists = [.valence, .negators, .boosters, .postBoosters, .contrast, .aspects]
}

extension LanguageLexicon.Roles {
    /// The role the lists give the key: negator first, then booster, then valence, then contrast.
    var kind: TermSpan.Kind? {
        let valence = value(.valence, valence)
        if lists.contains(.negators) { return .negator(factor: negator, valence: valence) }
        if !lists.isDisjoint(with: [.boosters, .postBoosters]) { return .booster(pre: value(.boosters, pre), post: value(.postBoosters, post), valence: valence) }
        if let valence { return .term(valence) }
        return lists.contains(.contrast) ? .contrast : nil
    }
}
