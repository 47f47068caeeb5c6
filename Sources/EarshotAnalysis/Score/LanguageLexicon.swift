import Foundation

/// The word lists of one language: valences, negators, boosters, contrast words, aspect terms,
/// the Chinese segmentation dictionary and the Malay spelling normalisations.
///
/// Multi-word entries are kept in the same dictionaries with their words joined by one
/// space; ``maxPhraseWords`` says how far a lookup must look ahead.
///
/// The scorer reads the lists as one table of their keys' bytes, which a change of any list
/// makes anew from all of them: change a list as a whole (or add terms with
/// ``Lexicon/add(terms:)``), not term by term in a loop.
public struct LanguageLexicon: Sendable {
    /// Term → valence on VADER's scale (-4...4).
    public var valence: [String: Double] {
        get { storage.read(\.valence) { Storage.dictionary($0) { $0.value(.valence, $0.valence) } } }
        set { change { $0.valence = newValue } }
    }
    /// Negator → the factor it multiplies a valence by: VADER's -0.74, or about -0.5 for the
    /// partial negators that mean "not very" (不太, tak berapa).
    public var negators: [String: Double] {
        get { storage.read(\.negators) { Storage.dictionary($0) { $0.value(.negators, $0.negator) } } }
        set { change { $0.negators = newValue } }
    }
    /// Boosters written before the word they modify ("very", 很, sangat). Positive weights
    /// intensify, negative ones dampen (VADER's ±0.293).
    public var boosters: [String: Double] {
        get { storage.read(\.boosters) { Storage.dictionary($0) { $0.value(.boosters, $0.pre) } } }
        set { change { $0.boosters = newValue } }
    }
    /// Boosters written after the word they modify (慢死了, bagus sangat, teruk gila).
    public var postBoosters: [String: Double] {
        get { storage.read(\.postBoosters) { Storage.dictionary($0) { $0.value(.postBoosters, $0.post) } } }
        set { change { $0.postBoosters = newValue } }
    }
    /// Contrast words: the text before the first one weighs half, the text after it 1.5 times.
    public var contrast: Set<String> {
        get { storage.read(\.contrast) { Set(Storage.dictionary($0) { $0.lists.contains(.contrast) ? true : nil }.keys) } }
        set { change { $0.contrast = newValue } }
    }
    /// Aspect terms that tie a clause to a touchpoint.
    public var aspects: [String: AspectTerm] {
        get { storage.read(\.aspects) { loaded in Storage.dictionary(loaded) { $0.lists.contains(.aspects) ? loaded.aspectTerms[Int($0.aspect)] : nil } } }
        set { change { $0.aspects = newValue } }
    }
    /// Neutral words for Chinese segmentation.
    public var words: Set<String> {
        get { storage.read(\.words) { loaded in Set(loaded.words.values.indices.map { index in loaded.words.withKey(index) { String(decoding: $0, as: UTF8.self) } }) } }
        set { change { $0.words = newValue } }
    }
    /// Colloquial spellings and their standard words (Malay `x` → [`tak`], `xpuas` → [`tak`, `puas`]).
    public var normalise: [String: [String]] {
        // (The table holds this dictionary as it is.)
        get { storage.loaded.normalise }
        set { change { $0.normalise = newValue } }
    }
    /// The most words any multi-word entry has.
    public var maxPhraseWords = 1
    /// The most characters any entry has (for Chinese maximum matching).
    public var maxEntryCharacters = 1

    /// The lists: their table of key bytes (``Loaded``) and their dictionaries.
    private var storage = Storage(lists: Lists())

    public init() {}

    /// The lists the loader read, by their keys' bytes: each list's dictionary is made from them
    /// when it is first read.
    init(loaded: Loaded) {
        storage = Storage(loaded: loaded)
    }

    /// The lists by their keys' bytes, as the loader read them (or, once a list was changed,
    /// as made from the dictionaries): the scorer's tables are built from them (building them
    /// from the dictionaries, and hashing their `String`s again, cost ~25M instructions at start-up).
    var loaded: Loaded { storage.loaded }

    /// Changes the lists' dictionaries (made from ``loaded`` first), and makes ``loaded`` anew from them.
    private mutating func change(_ body: (inout Lists) -> Void) {
        var lists = Lists(valence: valence, negators: negators, boosters: boosters, postBoosters: postBoosters,
                          contrast: contrast, aspects: aspects, words: words, normalise: normalise)
        body(&lists)
        storage = Storage(lists: lists)
    }

    /// Adds or replaces the valence of each term (lower-cased and spaced already), noting its size.
    mutating func setValences(_ terms: [(String, Double)]) {
        change { lists in for (key, valence) in terms { lists.valence[key] = valence } }
        for (key, _) in terms { noteEntry(key) }
    }

    mutating func noteEntry(_ term: String) {
        let (words, characters) = Tokenizer.withUTF8(term) { bytes in (LanguageLexicon.wordCount(bytes), ByteKeyTable<Bool>.characterCount(bytes)) }
        noteEntry(words: words ?? term.split(separator: " ").count, characters: characters)
    }

    /// ``noteEntry(_:)`` of a term of `words` words and `characters` characters.
    mutating func noteEntry(words: Int, characters: Int) {
        maxPhraseWords = max(maxPhraseWords, words)
        maxEntryCharacters = max(maxEntryCharacters, characters)
    }

    /// `term.split(separator: " ").count` read from the bytes, or nil when a space byte has a
    /// non-ASCII neighbour (a combining mark after it, or a prepend mark before it, would join
    /// it into a larger character that is not " "). String's split cost ~6,500 instructions a
    /// spaced term at start-up.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // No space byte means no space character: one word, as terms are never empty.
        guard bytes.contains(0x20) else { return 1 }
        var words = 0, inWord = false
        for index in bytes.indices {
            if bytes[index] == 0x20 {
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
        }
        return words
    }

    /// True when `term` is an entry of any list (valence, negator, booster, contrast, aspect or word).
    func contains(_ term: String) -> Bool {
        valence[term] != nil || negators[term] != nil || boosters[term] != nil || postBoosters[term] != nil
            || contrast.contains(term) || aspects[term] != nil || words.contains(term)
    }
}

extension LanguageLexicon {
    /// The lists as dictionaries.
    struct Lists {
        var valence: [String: Double] = [:]
        var negators: [String: Double] = [:]
        var boosters: [String: Double] = [:]
        var postBoosters: [String: Double] = [:]
        var contrast: Set<String> = []
        var aspects: [String: AspectTerm] = [:]
        var words: Set<String> = []
        var normalise: [String: [String]] = [:]
    }

    /// What the six lists of valences, negators, boosters, post-boosters, contrast words and
    /// aspect terms say of one key: each number is set when ``lists`` holds its list. (Plain
    /// numbers, so that the tables copy the values as bytes: with optionals and an
    /// ``AspectTerm``, copying them cost ~3M instructions at start-up.)
    struct Roles: Sendable {
        var valence = 0.0, negator = 0.0, pre = 0.0, post = 0.0
        /// The index of the key's aspect term in the aspect terms (``Loaded/aspectTerms``).
        var aspect: Int32 = -1
        var lists: IndexedLexicon.Lists = []

        func value(_ list: IndexedLexicon.Lists, _ number: Double) -> Double? {
            lists.contains(list) ? number : nil
        }
    }

    /// The lists as the loader reads them: the keys' NFC bytes (lower-cased, as the
    /// dictionaries' keys) with what each list says of them.
    struct Loaded: Sendable {
        /// Every key of the six lists of ``Roles``.
        var entries = ByteKeyTable<Roles>.Builder()
        /// The aspect terms that ``Roles/aspect`` points at.
        var aspectTerms: [AspectTerm] = []
        /// The segmentation words.
        var words = ByteKeyTable<Bool>.Builder()
        var normalise: [String: [String]] = [:]

        init() {}

        /// The table of `lists`, as the loader would read them from files that hold them.
        init(_ lists: Lists) {
            let count = lists.valence.count + lists.negators.count + lists.boosters.count + lists.postBoosters.count
                + lists.contrast.count + lists.aspects.count
            // Room for the phrases' first words too, which the index adds as keys of their own.
            entries = ByteKeyTable<Roles>.Builder(capacity: count + count / 4 + 16)
            func note(_ term: String, _ set: (inout Roles) -> Void) {
                set(&entries.values[entries.index(of: term, adding: Roles())])
            }
            for (term, valence) in lists.valence { note(term) { $0.valence = valence; $0.lists.insert(.valence) } }
            for (term, factor) in lists.negators { note(term) { $0.negator = factor; $0.lists.insert(.negators) } }
            for (term, weight) in lists.boosters { note(term) { $0.pre = weight; $0.lists.insert(.boosters) } }
            for (term, weight) in lists.postBoosters { note(term) { $0.post = weight; $0.lists.insert(.postBoosters) } }
            for term in lists.contrast { note(term) { $0.lists.insert(.contrast) } }
            for (term, aspect) in lists.aspects {
                note(term) { $0.aspect = Int32(aspectTerms.count); $0.lists.insert(.aspects) }
                aspectTerms.append(aspect)
            }
            words = ByteKeyTable<Bool>.Builder(capacity: lists.words.count)
            for word in lists.words { _ = words.index(of: word, adding: true) }
            normalise = lists.normalise
        }
    }

    /// The lists of one ``LanguageLexicon`` value: the table of their keys' bytes, and their
    /// dictionaries (as the loader read them, each dictionary is made when first read; as
    /// changed, the dictionaries come first and the table is made from them). Shared by copies
    /// of the value and never changed but for those caches (a change of a list makes new storage).
    private final class Storage: @unchecked Sendable {
        let loaded: Loaded
        private let lock = NSLock()
        /// The dictionaries made so far: all of them when the storage was made from them, else
        /// those whose key paths ``madeLists`` holds.
        private var made: Lists
        private var madeAll: Bool
        /// (An array: a `Set` of key paths cost ~1M instructions at start-up, most of it the
        /// run-time lookup of their `Hashable` conformance.)
        private var madeLists: [PartialKeyPath<Lists>] = []

        init(lists: Lists) {
            loaded = Loaded(lists)
            made = lists
            madeAll = true
        }

        init(loaded: Loaded) {
            self.loaded = loaded
            made = Lists()
            madeAll = false
        }

        /// The dictionary `list`, made first from ``loaded`` with `make` when it was not yet.
        func read<List>(_ list: WritableKeyPath<Lists, List>, make: (Loaded) -> List) -> List {
            lock.lock()
            defer { lock.unlock() }
            if !madeAll, !madeLists.contains(where: { $0 == list }) {
                made[keyPath: list] = make(loaded)
                madeLists.append(list)
            }
            return made[keyPath: list]
        }

        /// The dictionary of the values that `value` picks from the entries.
        static func dictionary<Value>(_ loaded: Loaded, _ value: (Roles) -> Value?) -> [String: Value] {
            var dictionary: [String: Value] = [:]
            for index in loaded.entries.values.indices {
                guard let found = value(loaded.entries.values[index]) else { continue }
                dictionary[loaded.entries.withKey(index) { String(decoding: $0, as: UTF8.self) }] = found
            }
            return dictionary
        }
    }
}
