/// Tells English, Malay and Chinese apart: by script first (Han characters), then by which
/// language's words the text uses more.
///
/// Each lower-cased word votes: a function word of English or Malay counts 1 for its
/// language; failing that, a word only the Malay lexicon knows (a sentiment word, a
/// negator, a chat spelling such as `sgt` or `xpuas`) counts 1 for Malay, a word only the
/// English lexicon knows (`rude`, `seller`) 0.5 for English, and a word with a Malay prefix
/// or suffix that leaves a Malay word (`penghantaran`, `barangnya`) 0.5 for Malay. English
/// wins ties, so text with no evidence is English.
public struct LanguageDetector: Sendable {
    let normaliser: MalayNormaliser?
    /// Which of the lists below hold each word (``WordTable/wordClass(_:)``), so a word costs one
    /// lookup; the scorer shares its tokenizer's table, where a token's one lookup answers both.
    let words: WordTable

    /// The lists a word belongs to.
    struct WordClass: OptionSet, Sendable {
        let rawValue: UInt8
        static let englishFunction = WordClass(rawValue: 1)
        static let malayFunction = WordClass(rawValue: 2)
        static let malayLexicon = WordClass(rawValue: 4)
        static let englishLexicon = WordClass(rawValue: 8)
    }

    /// A detector that uses the function-word lists only.
    public init() {
        normaliser = nil
        words = WordTable(classes: LanguageDetector.functionWords())
    }

    /// A detector that also counts the words of the Malay and English lexicons: its word table
    /// is made as the scorer's is (``WordTable/init(indexed:contrastOf:emoji:classes:spellings:known:)``
    /// works out the lexicon words' classes from their entries).
    public init(lexicon: Lexicon) {
        normaliser = MalayNormaliser(lexicon: lexicon)
        words = WordTable(indexed: ["en": IndexedLexicon(lexicon["en"]), "ms": IndexedLexicon(lexicon["ms"])],
                          classes: LanguageDetector.functionWords(), spellings: lexicon["ms"].normalise)
    }

    /// A detector that uses `normaliser` and `words`, built from the same lexicon (so that the
    /// scorer builds them once).
    init(words: WordTable, normaliser: MalayNormaliser) {
        self.normaliser = normaliser
        self.words = words
    }

    /// True when `other` reads with the same tables (is a copy of this detector).
    /// (Inline: the scorer asks it once a text, ``Tokenizer/TokenStream/canBeReused(list:words:detector:)``.)
    @inline(__always)
    func isSame(as other: LanguageDetector) -> Bool {
        words === other.words && normaliser === other.normaliser
    }

    /// The function words' classes (``english`` and ``malay``); a word table given a lexicon's
    /// Malay spellings adds the lexicon words' classes to them.
    static func functionWords() -> ByteKeyTable<WordClass>.Builder {
        // Room for every word at once: growing the table places each key again.
        var classes = ByteKeyTable<WordClass>.Builder(capacity: english.count + malay.count)
        for word in english { classes.values[classes.index(of: word, adding: [])].insert(.englishFunction) }
        for word in malay { classes.values[classes.index(of: word, adding: [])].insert(.malayFunction) }
        return classes
    }

    static let english: Set<String> = [
        "the", "and", "is", "to", "of", "it", "i", "my", "for", "was", "not", "but", "with", "this", "that", "they",
        "have", "you", "are", "on", "in", "a", "an", "their", "be", "been", "has", "had", "at", "so", "very", "no",
        "we", "our", "your", "what", "when", "would", "could", "will", "just", "after", "from", "about", "still", "me",
        "it's", "i'm", "i've", "don't", "didn't", "doesn't", "can't", "won't", "isn't", "wasn't", "haven't", "hasn't",
        "were", "did", "does", "do", "there", "here", "them", "than", "then", "all", "any", "some", "too", "again",
        "why", "how", "who", "which", "where", "into", "out", "up", "by", "or", "if", "because", "only", "even",
        "never", "ever", "always", "should", "got", "get", "its", "he", "she", "him", "her", "us", "am",
    ]
    static let malay: Set<String> = [
        "yang", "dan", "tak", "tidak", "saya", "ini", "itu", "untuk", "dengan", "sangat", "tapi", "tetapi", "ke", "di",
        "dari", "ada", "nak", "lagi", "sudah", "dah", "pun", "je", "la", "lah", "kami", "kita", "mereka", "boleh",
        "sebab", "kerana", "atau", "juga", "belum", "masih", "apa", "aku", "ni", "tu", "x", "sgt", "dia", "kat",
        "pada", "akan", "bila", "macam", "memang", "sampai", "tiada", "takde", "namun", "bukan", "hari", "minggu",
        "pelanggan", "khidmat", "perkhidmatan", "balas", "tunggu", "ialah", "adalah", "oleh", "diorang", "dorang",
        "korang", "kau", "awak", "mana", "siapa", "bagaimana", "kenapa", "mengapa", "sini", "situ", "sana", "lepas",
        "selepas", "sebelum", "semasa", "telah", "pernah", "ia", "kalau", "jika", "walaupun", "tanpa", "dalam",
        "kepada", "daripada", "bagi", "kerja", "beli", "barang", "harga", "kedai", "pesanan", "penghantaran", "terima",
        "kasih", "sahaja", "saja", "jugak", "pulak", "pula", "kah", "ya", "tau", "tahu", "nanti", "esok", "semalam",
        "tadi", "baru", "dapat", "buat", "guna", "pakai", "cakap", "kata", "orang", "sekarang", "bulan", "tahun",
        "jam", "minit", "pagi", "petang", "malam", "sama", "lain", "semua", "banyak", "sikit", "sedikit",
        "asyik", "masa", "berapa", "lama", "biasanya", "selalu", "terus", "hanya", "cuma", "mesti", "perlu", "kena",
        "tolong", "sila", "mohon", "jangan", "dulu", "lebih", "kurang", "agak", "rasa", "nya", "punya", "mau",
        "tengok", "sebelah", "antara", "hingga", "atas", "bawah", "setiap", "sentiasa", "langsung",
    ]

    /// `zh`, `ms` or `en` (the default when nothing decides).
    public func detect(_ text: String) -> String {
        // ASCII text has no Han characters: go straight to its words, read from the bytes.
        // A closure, not the method itself: a partially applied method copies the detector (every table retained).
        if let decided = text.utf8.withContiguousStorageIfAvailable({ detectASCII($0) }), let decided {
            return decided
        }
        var han = 0, letters = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A { letters += 1 }
            } else if (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) {
                han += 1
            } else if scalar.properties.isAlphabetic {
                letters += 1
            }
        }
        // Han characters are words or halves of words; Latin letters come five or so to a word.
        if han > 0, han * 6 >= letters { return "zh" }
        var words: [String] = []
        for word in text.lowercased().split(whereSeparator: LanguageDetector.separatesWords) {
            var word = Substring(word)
            while word.first == "'" || word.first == "’" { word = word.dropFirst() }
            while word.last == "'" || word.last == "’" { word = word.dropLast() }
            guard !word.isEmpty else { continue }
            words.append(word.unicodeScalars.contains("\u{2019}") ? String(word.map { $0 == "’" ? "'" : $0 }) : String(word))
        }
        return detect(words: words)
    }

    /// ``detect(words:)`` of ASCII text's words as ``detect(_:)`` splits them (letters and
    /// apostrophes, apostrophes trimmed at the edges, lower-cased), read from its bytes: each
    /// word is looked up by its bytes, and only words no list holds become `String`s.
    /// Nil when the text is not ASCII with lone emoji (``count(_:into:)``).
    private func detectASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Counts first; the words no list holds become strings only when the vote is close.
        var tally = Tally(collects: false)
        guard count(bytes, into: &tally) else { return nil }
        if let decided = decision(tally) { return decided.detectedCode }
        return decisionCollectingUnknown(bytes).detectedCode
    }

    /// The decision on ASCII text with lone emoji (``count(_:into:)`` is true for it) whose vote
    /// is close (``decision(_:)`` is nil): its words counted again, those no list holds collected.
    func decisionCollectingUnknown(_ bytes: UnsafeBufferPointer<UInt8>) -> ScoreLanguage {
        var tally = Tally(collects: true)
        _ = count(bytes, into: &tally)
        return tally.decision(normaliser)
    }

    /// The language that `tally` decides, or nil when the vote is close enough that the words
    /// no list holds decide it (they were not collected).
    /// (Inline, and without a call to ``Tally/decision(_:)``: when the unknown words do not
    /// decide, that is the plain vote. Once a text, the call cost ~30 instructions.)
    @inline(__always)
    func decision(_ tally: Tally) -> ScoreLanguage? {
        tally.needsUnknown(normaliser) ? nil : tally.vote
    }

    /// Adds the votes of the words of `bytes` to `tally`, in one pass that also checks that the
    /// text is ASCII apart from emoji of the supplementary planes that stand alone (ASCII or
    /// nothing after them, no modifier) and are not alphabetic: text with no Han characters
    /// whose words ``detect(_:)`` splits at each emoji. False for other text (the tally is
    /// then partly counted).
    func count(_ bytes: UnsafeBufferPointer<UInt8>, into tally: inout Tally) -> Bool {
        // Each word is lower-cased into one scratch buffer as long as the text.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { word -> Bool in
            let count = bytes.count
            var index = 0, length = 0
            while true {
                // An emoji's bytes (0x80 and up) separate words, as the emoji does; so does the end.
                let byte = index < count ? bytes[index] : 0
                if (byte | 0x20) &- 0x61 < 26 {
                    word[length] = byte | 0x20
                    length += 1
                    index += 1
                    continue
                }
                if byte == 0x27 {
                    // Apostrophes join a word, but not at its start (nor at its end, below).
                    if length > 0 {
                        word[length] = byte
                        length += 1
                    }
                    index += 1
                    continue
                }
                while length > 0, word[length - 1] == 0x27 { length -= 1 }
                if length > 0 {
                    let lower = UnsafeBufferPointer(rebasing: word[0..<length])
                    tally.add(words.wordClass(words.index(of: lower, plain: true))) { String(decoding: lower, as: UTF8.self) }
                    length = 0
                }
                if index >= count { return true }
                if byte >= 0x80 {
                    guard LanguageDetector.isLoneEmoji(bytes, at: index) else { return false }
                    index += 4
                } else {
                    index += 1
                }
            }
        }
    }

    /// True when the bytes at `index` are an emoji of U+1F300–U+1FAFF other than a skin tone,
    /// not alphabetic, with ASCII or nothing after it.
    static func isLoneEmoji(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        guard byte & 0xF8 == 0xF0, index + 3 < bytes.count, index + 4 == bytes.count || bytes[index + 4] < 0x80 else { return false }
        let value = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
            | UInt32(bytes[index + 3] & 0x3F)
        // No scalar of this range is alphabetic or a letter (``isLoneEmojiRangeWithoutLetters``, which a
        // test checks on every scalar): the range test alone, without two Unicode property lookups per emoji.
        return (0x1F300...0x1FAFF).contains(value) && !(0x1F3FB...0x1F3FF).contains(value)
    }

    /// What ``isLoneEmoji(_:at:)`` assumes of the Unicode data: no scalar of U+1F300–U+1FAFF
    /// (skin tones aside) is alphabetic or, as a `Character`, a letter. (For the tests.)
    static var isLoneEmojiRangeWithoutLetters: Bool {
        (UInt32(0x1F300)...0x1FAFF).allSatisfy { value in
            guard !(0x1F3FB...0x1F3FF).contains(value), let scalar = Unicode.Scalar(value) else { return true }
            return !scalar.properties.isAlphabetic && !Character(scalar).isLetter
        }
    }

    /// The votes of ``detect(words:)``.
    struct Tally {
        /// The votes in half-votes: every vote is 1 or 0.5, so integers hold them exactly, and
        /// the scan adds integers for each word rather than Doubles in memory; ``en`` and ``ms`` are exact.
        var enHalves = 0, msHalves = 0
        var en: Double { Double(enHalves) * 0.5 }
        var ms: Double { Double(msHalves) * 0.5 }
        /// How many words no list holds, and those words when ``collects``.
        var unknownCount = 0
        var unknown: [String] = []
        let collects: Bool

        init(collects: Bool = true) {
            self.collects = collects
        }

        /// Back to no votes, as ``init(collects:)`` made it.
        mutating func reset() {
            enHalves = 0
            msHalves = 0
            unknownCount = 0
            if !unknown.isEmpty { unknown.removeAll(keepingCapacity: true) }
        }

        /// Counts one word of classes `found`; `word` makes it, for a word no list holds.
        /// (Inline: the tokenizer counts each word of a line while it detects; as a call, which
        /// the compiler sometimes chose, it cost ~9 instructions a word more.)
        @inline(__always)
        mutating func add(_ found: WordClass, _ word: () -> String) {
            let isEnglish = found.contains(.englishFunction), isMalay = found.contains(.malayFunction)
            if isEnglish || isMalay {
                if isEnglish { enHalves &+= 2 }
                if isMalay { msHalves &+= 2 }
            } else if found.contains(.malayLexicon) {
                msHalves &+= 2
            } else if found.contains(.englishLexicon) {
                enHalves &+= 1
            } else {
                unknownCount &+= 1
                if collects { unknown.append(word()) }
            }
        }

        /// True when ``decision(_:)`` reads the unknown words (it does when the vote is close).
        @inline(__always)
        func needsUnknown(_ normaliser: MalayNormaliser?) -> Bool {
            // abs(ms - en) < unknownCount * 0.5 + 0.5, in halves (exact either way).
            normaliser != nil && abs(msHalves &- enHalves) < unknownCount &+ 1
        }

        /// ``ScoreLanguage/malay`` or ``ScoreLanguage/english`` (whose ``ScoreLanguage/detectedCode`` ``detect(_:)`` gives).
        func decision(_ normaliser: MalayNormaliser?) -> ScoreLanguage {
            var msHalves = msHalves
            // Affixes only matter when the words above leave it close.
            if let normaliser, needsUnknown(normaliser) {
                // `normaliser.words(word) != [word]`, without the two arrays per word.
                for word in unknown {
                    if let changed = normaliser.changedWords(word), changed != [word] { msHalves += 1 }
                }
            }
            return msHalves > enHalves ? .malay : .english
        }

        /// ``decision(_:)`` when the unknown words do not decide (``needsUnknown(_:)`` is false).
        var vote: ScoreLanguage { msHalves > enHalves ? .malay : .english }
    }

    private static func separatesWords(_ character: Character) -> Bool {
        if let ascii = character.asciiValue {
            return !((ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A) || ascii == 0x27)
        }
        return !character.isLetter && character != "’"
    }

    /// Decides between English and Malay from lower-cased words.
    public func detect(words: [String]) -> String {
        var tally = Tally()
        for word in words where !word.isEmpty { tally.add(self.words.wordClass(self.words.index(of: word))) { word } }
        return tally.decision(normaliser).detectedCode
    }
}
