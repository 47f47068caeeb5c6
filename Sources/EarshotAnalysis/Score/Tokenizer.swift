import EarshotCore

/// Splits text into ``Token``s: words of spaced scripts (English, Malay), Chinese words by
/// bidirectional maximum matching (``ChineseSegmenter``), emoji and emoticons. Clause numbers
/// advance at sentence punctuation, commas, line breaks and contrast words.
///
/// Emoji tokens carry their lookup form (``Lexicon/emojiKey(_:)``: no skin tone, no
/// variation selector) as ``Token/text``; a ZWJ sequence the lexicon lacks falls back to its
/// first emoji (🤦‍♀️ → 🤦). For Malay, each word is normalised first (``MalayNormaliser``), and a
/// colloquial spelling that stands for several words (`xpuas`) becomes several tokens.
///
/// A class (immutable, so shared freely): the scorer's per-text call borrows it in place. As a
/// struct of 248 bytes stored in the scorer, it was copied to the stack on every text to be
/// passed as `self`.
public final class Tokenizer: Sendable {
    let segmenter: ChineseSegmenter
    let malay: MalayNormaliser
    /// Whole chunks that are tokens as written (emoticons like `:)` and `</3`).
    let emoticons: Set<String>
    /// ``emoticons`` for lookups by bytes.
    let emoticonTable: ByteKeyTable<Bool>
    /// Emoticons with letters (`:D`, `:-p`, `D:`, `:l`, `\o/`, `j/k`), keyed lower-cased as the
    /// lexicon lists them: a whole chunk that is one of them is that emoticon, as in VADER (which
    /// keeps a token whole when stripping its punctuation would leave two characters or fewer),
    /// not the letter inside it (`:l` is not the word "l").
    let letterEmoticons: ByteKeyTable<Bool>
    /// Quick "no"s for chunks that cannot be one of ``emoticons`` or ``letterEmoticons``.
    let emoticonFilter: EdgeByteFilter, letterEmoticonFilter: EdgeByteFilter
    /// For each byte, bit `n` set when a key of ``letterEmoticons`` begins with that byte (an
    /// ASCII letter, either case) and a run of `n` word bytes (``TokenList/WordScan/kind(of:)``):
    /// a word followed by more of its piece ("delivery,") can begin such a key only with a run
    /// of one of those lengths (`d:` and `d-':` give 1 and 3 for `d`). Most words have none,
    /// and skip the piece's emoticon test (~280 instructions a call).
    let letterEmoticonRuns: [UInt16]
    /// True when every key of ``emoticonTable`` and ``letterEmoticons`` begins with an ASCII
    /// byte: a piece that begins with any other byte (a Chinese character, an emoji) is then no
    /// emoticon, and skips the test (the filters pass every byte from 0x80 up). The test would
    /// at most find the piece off the byte path, which the scan then finds at the same scalar.
    let emoticonsBeginASCII: Bool
    /// English and Malay single words the lexicons know (valence, boosters, negators): what an
    /// elongated word ("loooove", "sooo", "bestttt") is read as when it is not listed itself.
    let knownWords: ByteKeyTable<Bool>
    /// Emoji lookup keys.
    let emoji: Set<String>
    /// Every word's lexicon entries and contrast flag: each token is looked up here once.
    /// Contrast words (all languages) open a new clause.
    let words: WordTable
    /// The ``words`` index (-1: none) of each key of ``segmenter``'s ``ChineseSegmenter/roles``,
    /// at the key's index there: the segmenter hands on the roles index of the dictionary
    /// words it looked up, which saves ``TokenStream/emitHan(_:plain:word:)`` a probe.
    let hanWords: [Int32]
    /// The first scalar of each emoji key: a character that starts with none of them, is not
    /// an emoji by its properties and has no presentation selector or joiner is no emoji.
    let emojiStarts: Set<Unicode.Scalar>
    /// Punctuation of Chinese text that the byte scanner handles (each a scalar of three UTF-8
    /// bytes that is no emoji, letter, number or space), with whether it breaks a clause.
    let bytePunctuation: ScalarFlags

    /// Scalars of Chinese text that the byte path may meet besides Han characters.
    private static let punctuationCandidates: [UInt32] = [
        0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF0C, 0x3001, 0xFF1A, 0x2026, 0xFF5E, 0x201C, 0x201D, 0x300C, 0x300D,
        0x300E, 0x300F, 0xFF08, 0xFF09, 0x300A, 0x300B, 0x3010, 0x3011, 0x2014, 0x00B7,
    ]

    public convenience init(lexicon: Lexicon) {
        let indexed = lexicon.languages.mapValues(IndexedLexicon.init), empty = IndexedLexicon(LanguageLexicon())
        self.init(lexicon: lexicon, malay: MalayNormaliser(lexicon: lexicon, malay: indexed["ms"] ?? empty, english: indexed["en"] ?? empty),
                  segmenter: ChineseSegmenter(lexicon: lexicon["zh"], indexed: indexed["zh"] ?? empty), indexed: indexed)
    }

    /// A tokenizer that uses `malay`, `segmenter` and `indexed` (each language's
    /// ``IndexedLexicon``), built from `lexicon` (so that the scorer builds them once).
    init(lexicon: Lexicon, malay: MalayNormaliser, segmenter: ChineseSegmenter, indexed: [String: IndexedLexicon]) {
        self.segmenter = segmenter
        self.malay = malay
        var emoticonKeys: [String] = [], letterKeys: [String] = []
        /// Files the English valence key of UTF-8 bytes `bytes` (`key` makes its text) as an emoticon.
        func file(_ bytes: UnsafeBufferPointer<UInt8>, _ key: () -> String) {
            // Most keys are lower-case ASCII letters only: a letter and no mark make them
            // neither kind, seen in one quick walk.
            if Tokenizer.isLowercaseWord(bytes) { return }
            // What the two tests below ask of the bytes, in one pass (start-up reads every
            // English key: five walks with generic predicates cost ~5M instructions).
            var space = false, plainASCII = true, printable = true, letter = false, mark = false
            for byte in bytes {
                if byte == 0x20 { space = true }
                if byte >= 0x80 || byte == 0x0D { plainASCII = false }
                if byte <= 0x20 || byte >= 0x80 { printable = false }
                if Tokenizer.isASCIILetter(byte) { letter = true }
                if Tokenizer.isEmoticonMark(byte) { mark = true }
            }
            if !space {
                // ASCII without a carriage return: one character per byte, letters are a-z and A-Z.
                if plainASCII ? !letter : !key().contains(where: \.isLetter) {
                    emoticonKeys.append(key())
                }
            }
            if bytes.count <= 12, printable, letter, mark {
                letterKeys.append(key())
            }
        }
        // The keys' bytes, read from the index (the valence dictionary would be made for this alone).
        indexed["en"]?.forEachKey(in: .valence) { _, bytes in file(bytes) { String(decoding: bytes, as: UTF8.self) } }
        emoticons = Set(emoticonKeys)
        emoticonTable = ByteKeyTable(Dictionary(uniqueKeysWithValues: emoticonKeys.map { ($0, true) }))
        letterEmoticons = ByteKeyTable(Dictionary(uniqueKeysWithValues: letterKeys.map { ($0, true) }))
        emoticonFilter = EdgeByteFilter(emoticons)
        letterEmoticonFilter = EdgeByteFilter(letterEmoticons.keys)
        var runs = [UInt16](repeating: 0, count: 256)
        for key in letterKeys {
            Tokenizer.withUTF8(key) { bytes in
                guard let first = bytes.first, Tokenizer.isASCIILetter(first) else { return }
                let run = bytes.prefix { TokenList.WordScan.kind(of: $0) != 0 }.count
                runs[Int(first | 0x20)] |= 1 << run
                runs[Int(first & ~0x20)] |= 1 << run
            }
        }
        letterEmoticonRuns = runs
        emoticonsBeginASCII = (emoticonKeys + letterKeys).allSatisfy { ($0.utf8.first ?? 0) < 0x80 }
        var known = ByteKeyTable<Bool>.Builder(capacity: (indexed["en"]?.table.values.count ?? 0) + (indexed["ms"]?.table.values.count ?? 0))
        for language in ["en", "ms"] {
            // The keys' NFC bytes, read from the index (ASCII letters only: what the lists hold).
            indexed[language]?.forEachKey(in: [.valence, .boosters, .negators]) { _, bytes in
                if bytes.allSatisfy(Tokenizer.isASCIILetter) { _ = known.index(ofCanonical: bytes, adding: true) }
            }
        }
        // Malay chat spellings too ("seremmm" → "serem", which normalisation reads as "seram");
        // of three letters or more, so that a run such as "xxx" is not read as "x" (tak).
        for key in lexicon["ms"].normalise.keys {
            Tokenizer.withUTF8(key) { bytes in
                if bytes.count >= 3, bytes.allSatisfy(Tokenizer.isASCIILetter) { _ = known.index(ofCanonical: bytes, adding: true) }
            }
        }
        knownWords = ByteKeyTable(known)
        emoji = Set(lexicon.emoji.keys)
        emojiStarts = Set(lexicon.emoji.keys.compactMap(\.unicodeScalars.first))
        words = WordTable(indexed: indexed, contrastOf: LexiconLoader.languages, emoji: lexicon.emoji,
                          classes: LanguageDetector.functionWords(), spellings: lexicon["ms"].normalise, known: knownWords)
        let roles = segmenter.roles, table = words
        var hanWords = [Int32](repeating: -1, count: roles.values.count)
        roles.forEachKey { index, key in hanWords[index] = Int32(truncatingIfNeeded: table.index(of: key, plain: false)) }
        self.hanWords = hanWords
        var punctuation: [UInt32: Bool] = [:]
        for value in Tokenizer.punctuationCandidates {
            guard let scalar = Unicode.Scalar(value), scalar.utf8.count == 3 else { continue }
            let character = Character(scalar)
            guard Tokenizer.emojiKey(character, emoji: emoji, starts: emojiStarts) == nil, !character.isLetter, !character.isNumber, !character.isWhitespace,
                  !Tokenizer.isHan(character), value != 0x2019 else { continue }
            punctuation[value] = Tokenizer.clauseBreaks.contains(character)
        }
        bytePunctuation = ScalarFlags(punctuation)
    }

    private static let clauseBreaks: Set<Character> = [".", "!", "?", ";", ",", "。", "！", "？", "；", "，", "、", ":", "：", "\n", "…", "～", "~"]

    /// True for the clause breaks that also end a sentence: ". ! ? ;" and their fullwidth forms
    /// "。！？；" (``TokenList/noteSentenceEnd()``; a Chinese or Malay contrast word reaches to its
    /// sentence's ends; line breaks end sentences too, noted where the scans split lines). By
    /// scalar, with the byte scan's own tests, so that both paths agree.
    static func endsSentence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard let scalar = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return scalar.value < 0x80 ? isASCIISentenceEnd(UInt8(truncatingIfNeeded: scalar.value)) : isFullwidthSentenceEnd(scalar.value)
    }

    /// The sentence ends of ``endsSentence(_:)`` of three UTF-8 bytes: "。", "！", "？" and "；".
    @inline(__always)
    static func isFullwidthSentenceEnd(_ value: UInt32) -> Bool {
        value == 0x3002 || value == 0xFF01 || value == 0xFF1F || value == 0xFF1B
    }

    /// The ASCII sentence ends of ``endsSentence(_:)``: ". ! ? ;". (Line breaks are noted where
    /// the scans split lines, before they ask this.)
    @inline(__always)
    static func isASCIISentenceEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ";")
    }

    /// The tokens of `text`.
    /// - Parameter language: `ms` normalises Malay spellings; other values (or nil) leave words as written.
    public func tokens(_ text: String, language: String? = nil) -> [Token] {
        let list = TokenList()
        tokens(text, language: language, into: list)
        return list.tokens()
    }

    /// The tokens of `text`, in `list` (emptied first; its buffers are reused).
    func tokens(_ text: String, language: String?, into list: TokenList) {
        _ = Tokenizer.withUTF8(text) { tokens($0, text: { text }, language: language, into: list) }
    }

    /// ``tokens(_:language:into:)`` of the text whose UTF-8 bytes `bytes` holds; `text` makes
    /// that text as a `String`, for text off the byte path.
    /// - Parameter unvalidated: `bytes` may be invalid UTF-8: false (nothing more done) when they
    ///   are. The byte scan accepts only valid UTF-8, so only text it does not accept is validated.
    @discardableResult
    func tokens(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, language: String?, into list: TokenList, unvalidated: Bool = false) -> Bool {
        list.removeAll()
        var stream = TokenStream(words: words, malay: language == "ms" ? malay : nil, list: list)
        if scanBytes(bytes, into: &stream) { return true }
        if unvalidated, !UTF8Validation.isValid(bytes) { return false }
        scanCharacters(text(), into: &stream)
        return true
    }

    /// Calls `body` with the UTF-8 bytes of `text`.
    static func withUTF8<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var native = text
        return native.withUTF8(body)
    }

    /// The tokens of `text` in `list`, as ``tokens(_:language:into:)`` gives them for the
    /// language `detector.detect(text)` finds, and that language. `detector` must share this
    /// tokenizer's ``words`` (as ``SentimentScorer``'s does).
    ///
    /// A line of the byte path is read once for both: each word's lists come with its one
    /// lookup in ``words`` (words that the detector splits otherwise, with digits, hyphens or
    /// stretched letters, and emoticons with letters, are counted by the detector's own rule),
    /// and the Han characters are counted on the way. The detector reads the text itself only
    /// when the vote is close or the text is not what its byte path reads. Malay text is
    /// tokenised a second time, with its spellings normalised.
    func tokens(_ text: String, detectingWith detector: LanguageDetector, into list: TokenList) -> String {
        Tokenizer.withUTF8(text) { tokens($0, text: { text }, detectingWith: detector, into: list) }
    }

    /// ``tokens(_:detectingWith:into:)`` of the text whose UTF-8 bytes `bytes` holds; `text`
    /// makes that text as a `String`, for text off the byte path and close votes.
    func tokens(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, detectingWith detector: LanguageDetector, into list: TokenList) -> String {
        var kept: TokenStream?
        return tokens(bytes, text: text, detectingWith: detector, into: list, reusing: &kept, unvalidated: false)!.detectedCode
    }

    /// ``tokens(_:text:detectingWith:into:)`` with the stream that `kept` holds from an earlier
    /// text (nil, or one of another list, table or detector: a new one), left there for the next:
    /// a scorer that keeps it (in ``ScoreScratch``) does not retain and release the tables each
    /// stream holds on every text.
    /// - Parameter unvalidated: as in ``tokens(_:text:language:into:unvalidated:)``: nil when
    ///   `bytes` are invalid UTF-8.
    /// - Returns: the language found, as the enum (its ``ScoreLanguage/detectedCode`` is the
    ///   detector's code): the scorer reads it without comparing strings.
    func tokens(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, detectingWith detector: LanguageDetector, into list: TokenList,
                reusing kept: inout TokenStream?, unvalidated: Bool) -> ScoreLanguage? {
        list.removeAll()
        // In place: a copy of the stream would retain and release what it holds.
        if kept?.canBeReused(list: list, words: words, detector: detector) == true {
            kept!.reset()
        } else {
            kept = TokenStream(words: words, malay: nil, list: list)
            kept!.detection = Detection(detector: detector)
        }
        return tokens(bytes, text: text, detectingWith: detector, into: list, stream: &kept!, unvalidated: unvalidated)
    }

    /// ``tokens(_:text:detectingWith:into:)`` with `stream`, new or reset, holding `list`.
    private func tokens(_ bytes: UnsafeBufferPointer<UInt8>, text: () -> String, detectingWith detector: LanguageDetector,
                        into list: TokenList, stream: inout TokenStream, unvalidated: Bool) -> ScoreLanguage? {
        let scanned = scanBytes(bytes, into: &stream)
        // (Before anything reads the text: the scan accepts only valid UTF-8.)
        if !scanned, unvalidated, !UTF8Validation.isValid(bytes) { return nil }
        var string: String?
        func made() -> String {
            if let string { return string }
            let made = text()
            string = made
            return made
        }
        let found = (scanned ? stream.detection?.language(of: bytes) : nil) ?? ScoreLanguage(detector.detect(made()))
        if found == .malay {
            // The Malay tokens are these up to the first word that normalisation may change:
            // the byte scan goes on from there with the state it had there.
            // (Word starts are noted as 32-bit offsets: ``TokenList/Record/source``.)
            guard scanned, bytes.count < TokenList.maxNotedOffset else {
                tokens(bytes, text: made, language: found.detectedCode, into: list)
                return found
            }
            guard let resume = list.indices.first(where: { list.wordStart($0) != nil && !malay.staysAsWritten(list.textBytes($0)) }),
                  let start = list.wordStart(resume) else { return found }
            list.truncate(before: resume)
            var malayStream = TokenStream(words: words, malay: malay, list: list)
            malayStream.clause = start.clause
            malayStream.pendingBreak = start.pendingBreak
            if !scanNormalising(bytes, from: start.offset, into: &malayStream) { tokens(bytes, text: made, language: found.detectedCode, into: list) }
        } else if !scanned {
            scanCharacters(made(), into: &stream)
        }
        return found
    }

    /// What the detector would count in a line of the byte path, gathered while tokenising it.
    struct Detection {
        let detector: LanguageDetector
        var tally = LanguageDetector.Tally(collects: false)
        /// Han characters, as the detector counts them.
        var han = 0
        /// The line has Han characters or Chinese punctuation: the detector reads it by scalars.
        var hasScalars = false
        /// The line has something the counts above do not follow (an emoji the detector does not
        /// read as a lone emoji, a compatibility ideograph, an emoticon with non-ASCII bytes).
        var undecided = false

        init(detector: LanguageDetector) {
            self.detector = detector
        }

        /// Back to the counts of ``init(detector:)``, for the next text.
        @inline(__always)
        mutating func reset() {
            tally.reset()
            han = 0
            hasScalars = false
            undecided = false
        }

        /// Counts the words of ASCII `bytes` as the detector splits them.
        mutating func countWords(_ bytes: UnsafeBufferPointer<UInt8>) {
            if !detector.count(bytes, into: &tally) { undecided = true }
        }

        /// What ``LanguageDetector/detect(_:)`` gives for the text of `bytes`, or nil when these counts do not tell.
        /// (Inline: once a text, and most texts take the first `guard`'s decision, which
        /// ``LanguageDetector/decision(_:)`` makes inline too.)
        @inline(__always)
        func language(of bytes: UnsafeBufferPointer<UInt8>) -> ScoreLanguage? {
            if undecided { return nil }
            // A close vote reads the words no list holds: counted again from the bytes, as the
            // detector would (these counts are its first pass), without making the text a `String`.
            guard hasScalars else { return detector.decision(tally) ?? detector.decisionCollectingUnknown(bytes) }
            // The detector's script test: Han characters against letters (here only ASCII
            // ones: Chinese punctuation and lone emoji are not alphabetic).
            guard han > 0 else { return nil }
            return han * 6 >= Tokenizer.asciiLetterCount(bytes) ? .chinese : nil
        }
    }

    /// Tokenises text of the byte path (``isByteScannable(_:)``) from its bytes; false for other
    /// text, with the list and clause state as they were before.
    /// (Inline: once a text, a frame around the scan's call.)
    @inline(__always)
    private func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>, into stream: inout TokenStream) -> Bool {
        // Most lines are ASCII, Chinese or both: read their bytes directly (same tokens, no Character walk).
        if stream.malay == nil ? scanPlain(bytes, into: &stream) : scanNormalising(bytes, from: 0, into: &stream) { return true }
        stream.list.removeAll()
        stream.clause = 0
        stream.pendingBreak = false
        return false
    }

    /// Tokenises any text by its `Character`s.
    private func scanCharacters(_ text: String, into stream: inout TokenStream) {
        for chunk in text.split(whereSeparator: Tokenizer.separatesChunks) {
            // Any line break: "\n", and also "\r\n" (one `Character`, which is not "\n"), "\r",
            // U+0085, U+2028 and U+2029 (the byte scan leaves texts with these to this walk).
            // (The bytes first: a byte of each, and then the characters only where one is found.)
            if chunk.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }), chunk.contains(where: { $0.isNewline }) {
                for (index, line) in chunk.split(omittingEmptySubsequences: false, whereSeparator: { $0.isNewline }).enumerated() {
                    if index > 0 {
                        stream.pendingBreak = true
                        stream.list.noteSentenceEnd()
                    }
                    scan(line, into: &stream)
                }
                continue
            }
            scan(chunk, into: &stream)
        }
    }

    /// Tokens found so far and the clause state.
    struct TokenStream {
        let words: WordTable
        let malay: MalayNormaliser?
        let list: TokenList
        var clause = 0
        var pendingBreak = false
        /// The language detector's counts, when the language is being detected.
        var detection: Detection?

        init(words: WordTable, malay: MalayNormaliser?, list: TokenList) {
            self.words = words
            self.malay = malay
            self.list = list
        }

        /// True when this stream, of a text whose language was detected, can tokenise the next
        /// one into `list` with `words` and `detector` after ``reset()``.
        /// (Inline, as ``reset()`` and ``Detection/reset()`` are: once a text, each call cost ~10
        /// instructions of frame, and the stream was copied to the stack for it.)
        @inline(__always)
        func canBeReused(list: TokenList, words: WordTable, detector: LanguageDetector) -> Bool {
            guard self.list === list, self.words === words, malay == nil else { return false }
            return detection?.detector.isSame(as: detector) == true
        }

        /// Back to the state of a new stream with a new ``detection``, for the next text.
        @inline(__always)
        mutating func reset() {
            clause = 0
            pendingBreak = false
            detection?.reset()
        }

        /// Notes the clause break `character` before the next token, and the sentence end if it is one.
        mutating func breakClause(at character: Character) {
            pendingBreak = true
            if Tokenizer.endsSentence(character) { list.noteSentenceEnd() }
        }

        /// Records the token whose lookup form was appended to ``list`` since `start`, written as
        /// `raw` (nil: as its lookup form): looks it up in ``words`` (once) and opens a clause at
        /// a pending break or a contrast word.
        /// - Parameter hash: the lookup form's ``ByteKeyTable/hash(_:)``, when the caller has it.
        /// - Returns: the token's index in ``words``.
        /// (Transparent, as ``TokenStream/emitASCIIWord(_:scan:tokenizer:)`` is: each call cost ~40
        /// instructions of frame and argument moves per token, and `@inline(__always)` was not honoured.)
        @discardableResult
        @_transparent
        mutating func finish(_ start: Int, raw: UnsafeBufferPointer<UInt8>?, flags: TokenList.Flags, hash: UInt32? = nil, plain: Bool = false) -> Int {
            let text = list.pendingText(from: start)
            let word = hash.map { words.index(ofASCII: text, hash: $0) } ?? words.index(of: text, plain: plain || flags.contains(.ascii))
            finish(start, raw: raw, flags: flags, word: word)
            return word
        }

        /// ``finish(_:raw:flags:hash:plain:)`` of a token already looked up: `word` is its index
        /// in ``words`` (or -1).
        /// - Returns: the word's ``WordTable/info(_:)``.
        @discardableResult
        @_transparent
        /// - Parameter source: the token's ``TokenList/Record/source`` (-1: none).
        /// - Parameter reserved: ``TokenList/finish(textStart:raw:clause:flags:word:roles:source:reserved:)``'s.
        mutating func finish(_ start: Int, raw: UnsafeBufferPointer<UInt8>?, flags: TokenList.Flags, word: Int, source: Int32 = -1,
                             reserved: Bool = false) -> UInt32 {
            let info = words.info(word)
            var flags = flags
            if pendingBreak || (info & WordTable.contrastBit != 0 && opensClause(start)) {
                if !list.isEmpty { clause += 1 }
                if pendingBreak {
                    flags.insert(.afterBreak)
                    if SentimentScorer.mayBeSideRemark(length: list.pendingText(from: start).count) { list.mayOpenSideRemark = true }
                }
                pendingBreak = false
            }
            list.finish(textStart: start, raw: raw, clause: clause, flags: flags, word: word,
                        roles: WordTable.tokenRoles(word, info: info, text: list.pendingText(from: start), flags: flags), source: source,
                        reserved: reserved)
            return info
        }

        mutating func emit(_ raw: String, lower: String, isHan: Bool = false) {
            let start = list.pendingTextStart
            var flags: TokenList.Flags = isHan ? .han : []
            var lower = lower, raw = raw
            lower.withUTF8 { bytes in
                list.appendText(bytes)
                if !bytes.contains(where: { $0 >= 0x80 }) { flags.insert(.ascii) }
            }
            if SentimentScorer.isUpper(raw) { flags.insert(.upper) }
            // Written as its lookup form, byte for byte (compared on the bytes just appended,
            // not through two `String.UTF8View`s): no raw form is kept.
            raw.withUTF8 { bytes in
                _ = finish(start, raw: list.pendingText(from: start).elementsEqual(bytes) ? nil : bytes, flags: flags)
            }
        }

        /// Emits a Chinese word of the byte path: Han characters, which have no case.
        /// - Parameter plain: true when the word is unified Han only (``ByteKeyTable/isByteComparable(_:)``).
        /// - Parameter word: the word's index in ``words`` when the caller knows it, or -2.
        mutating func emitHan(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool = false, word: Int = -2) {
            let start = list.pendingTextStart
            list.appendText(bytes)
            guard word >= -1 else {
                finish(start, raw: nil, flags: .han, plain: plain)
                return
            }
            finish(start, raw: nil, flags: .han, word: word)
        }

        /// Emits ASCII `bytes` without letters (an emoticon) as ``emit(_:lower:isHan:)`` emits
        /// them as both forms, without their `String`s (which cost ~1,500 instructions): its own
        /// lookup form, written so, no capitals.
        mutating func emitPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) {
            let start = list.pendingTextStart
            list.appendText(bytes)
            finish(start, raw: nil, flags: .ascii)
        }

        /// Emits a lone emoji of the byte path, its own key.
        mutating func emitEmoji(_ bytes: UnsafeBufferPointer<UInt8>) {
            let start = list.pendingTextStart
            list.appendText(bytes)
            finish(start, raw: nil, flags: [])
        }

        /// A contrast word opens a clause, but "yet" only at the start or after "and" ("and yet
        /// it works"): inside a clause it is a time adverb ("not yet convinced").
        func opensClause(_ start: Int) -> Bool {
            let isYet = list.pendingText(from: start).elementsEqual("yet".utf8)
            return !isYet || list.isEmpty || list.isText(list.count - 1, "and")
        }

        /// `lower` is `raw.lowercased()`, already computed.
        mutating func emitWord(_ raw: String, lower: String) {
            guard let malay else { return emit(raw, lower: lower) }
            // A word that stays as written is emitted as the one-word case below would emit it.
            guard let words = malay.changedWords(lower) else { return emit(raw, lower: lower) }
            if words.count == 1 { return emit(raw, lower: words[0]) }
            let shouting = raw.count > 1 && raw == raw.uppercased() && raw != lower
            for word in words { emit(shouting ? word.uppercased() : word, lower: word) }
        }
    }

    private func scan(_ chunk: Substring, into stream: inout TokenStream) {
        if chunk.isEmpty { return }
        // Emoticons have no letters (`:)`, `</3`); words are never looked up whole here.
        if chunk.utf8.count <= 12, !chunk.contains(where: { $0.isLetter }), emoticons.contains(String(chunk)) {
            stream.emit(String(chunk), lower: String(chunk))
            return
        }
        if chunk.utf8.count <= 12, chunk.utf8.contains(where: Tokenizer.isEmoticonMark) {
            let lower = chunk.lowercased()
            if letterEmoticons[lower] != nil { return stream.emit(String(chunk), lower: lower) }
        }
        var word = ""
        var han = ""
        func flushWord(_ stream: inout TokenStream) {
            // Trim apostrophes and hyphens at the edges ('quoted', -dash-).
            while let first = word.first, first == "'" || first == "-" || first == "’" { word.removeFirst() }
            while let last = word.last, last == "'" || last == "-" || last == "’" { word.removeLast() }
            if word.unicodeScalars.contains("\u{2019}") { word = String(word.map { $0 == "’" ? "'" : $0 }) }
            if !word.isEmpty {
                let lower = word.lowercased()
                stream.emitWord(word, lower: unelongated(lower) ?? lower)
            }
            word = ""
        }
        func flushHan(_ stream: inout TokenStream) {
            guard !han.isEmpty else { return }
            for segment in segmenter.segment(han) { stream.emit(segment, lower: segment, isHan: true) }
            han = ""
        }
        for character in chunk {
            // ASCII fast path: letters and digits join the word, the rest break it.
            if let ascii = character.asciiValue {
                flushHan(&stream)
                switch ascii {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(character)
                case UInt8(ascii: "'"), UInt8(ascii: "-"):
                    if !word.isEmpty { word.append(character) }
                default:
                    flushWord(&stream)
                    if Tokenizer.clauseBreaks.contains(character) { stream.breakClause(at: character) }
                }
                continue
            }
            if Tokenizer.isHan(character) {
                flushWord(&stream)
                han.append(character)
                continue
            }
            flushHan(&stream)
            if let key = emojiKey(character) {
                flushWord(&stream)
                stream.emit(String(character), lower: key)
            } else if character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && !word.isEmpty) {
                word.append(character)
            } else {
                flushWord(&stream)
                if Tokenizer.clauseBreaks.contains(character) { stream.breakClause(at: character) }
            }
        }
        flushWord(&stream)
        flushHan(&stream)
    }

    /// True when every scalar is ASCII other than a carriage return, a Han character of the
    /// Basic Multilingual Plane, one of ``bytePunctuation``, or an emoji of the supplementary
    /// planes with ASCII or nothing after it: text where each scalar is a
    /// `Character` of its own, so that reading bytes gives what the `Character` walk gives.
    func isByteScannable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
                continue
            }
            if byte & 0xF8 == 0xF0 {
                // An emoji alone (no modifier, selector or joiner after it: ASCII or the end follows).
                guard index + 3 < count, index + 4 == count || bytes[index + 4] < 0x80,
                      Tokenizer.isLoneEmojiValue(Tokenizer.scalar4(bytes, at: index)) else { return false }
                index += 4
                continue
            }
            guard byte & 0xF0 == 0xE0, index + 2 < count else { return false }
            let value = Tokenizer.scalar(bytes, at: index)
            guard Tokenizer.isHanValue(value) || bytePunctuation[value] != nil else { return false }
            index += 3
        }
        return true
    }

    /// True when a byte-scannable line has an ASCII letter or a Han character.
    /// ASCII punctuation that can make a chunk with letters an emoticon (`:D`, `\\o/`, `j/k`):
    /// any but the apostrophe and hyphen that sit inside words ("don't", "x-ray").
    static func isEmoticonMark(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) && byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-")
            || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private static func hasLetter(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count {
            if line[index] < 0x80 {
                if isASCIILetter(line[index]) { return true }
                index += 1
            } else if line[index] >= 0xF0 {
                // Emoji of U+1F300–U+1FAFF are no letters (``LanguageDetector/isLoneEmojiRangeWithoutLetters``):
                // no property lookup for them (~90 instructions a line of the bench).
                let value = scalar4(line, at: index)
                let letterless = (0x1F300...0x1FAFF).contains(value) && !(0x1F3FB...0x1F3FF).contains(value)
                if !letterless, let scalar = Unicode.Scalar(value), Character(scalar).isLetter { return true }
                index += 4
            } else {
                if isHanValue(scalar(line, at: index)) { return true }
                index += 3
            }
        }
        return false
    }

    /// The scalar of the four-byte UTF-8 sequence at `index`.
    private static func scalar4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        (UInt32(bytes[index] & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
            | UInt32(bytes[index + 3] & 0x3F)
    }

    /// Emoji of the supplementary planes that are a `Character` on their own when ASCII
    /// follows (``isEmoji(_:)`` holds for them, so ``emojiKey(_:)`` always gives a key):
    /// not skin-tone modifiers (which extend what precedes them) nor regional indicators.
    private static func isLoneEmojiValue(_ value: UInt32) -> Bool {
        (0x1F000...0x1FAFF).contains(value) && !(0x1F3FB...0x1F3FF).contains(value) && !(0x1F1E6...0x1F1FF).contains(value)
    }

    /// True when the `count` bytes after the lead byte at `index` are continuation bytes
    /// (`10xxxxxx`). With it, a value that ``scalar(_:at:)`` or ``scalar4(_:at:)`` reads is
    /// the sequence's scalar, and the values the byte scan accepts (Han, ``bytePunctuation``:
    /// three-byte scalars, no surrogates; lone emoji: 1F000–1FAFF) are of valid sequences
    /// only: so a line the scan accepts is valid UTF-8 (its callers skip a separate check).
    @inline(__always)
    private static func continues(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, count: Int) -> Bool {
        var offset = 1
        while offset <= count {
            if bytes[index &+ offset] & 0xC0 != 0x80 { return false }
            offset &+= 1
        }
        return true
    }

    /// The scalar of the three-byte UTF-8 sequence at `index`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        (UInt32(bytes[index] & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
    }

    private static func isHanValue(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
    }

    /// ``scanASCII(_:from:normalises:into:)`` for a stream without Malay normalisation, from the start.
    @inline(never)
    private func scanPlain(_ bytes: UnsafeBufferPointer<UInt8>, into stream: inout TokenStream) -> Bool {
        scanASCII(bytes, from: 0, normalises: false, into: &stream)
    }

    /// ``scanASCII(_:from:normalises:into:)`` for a stream that may normalise Malay words.
    @inline(never)
    private func scanNormalising(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into stream: inout TokenStream) -> Bool {
        scanASCII(bytes, from: start, normalises: true, into: &stream)
    }

    /// ``tokens(_:language:)`` for text that ``isByteScannable(_:)``, on its bytes, in one pass
    /// that also checks that the text is such text: the same chunks, emoticons, words, Han runs,
    /// edge trimming, lower-casing and clause breaks as the general path. False, with some
    /// tokens already recorded, at the first byte of other text.
    /// - Parameter start: where to begin: 0, or the first byte of a word where an earlier scan
    ///   of the same bytes left `stream` (``TokenList/wordStart(_:)``).
    /// - Parameter normalises: false when `stream` has no Malay normaliser: every token's lookup
    ///   form is then at most as long as the bytes it is read from, so that the forms of the whole
    ///   text (each with its space) fit in twice its bytes, reserved once here rather than for each word.
    ///   (Inline into the two callers above, so that each copy has its questions answered.)
    @inline(__always)
    private func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, normalises: Bool, into stream: inout TokenStream) -> Bool {
        let count = bytes.count
        var position = start
        if !normalises { _ = stream.list.pendingFormTarget(reserving: 2 &* (count &- start)) }
        // At the first byte of a piece: a chunk (a run between spaces, tabs, vertical tabs and
        // form feeds) or a line of a chunk, which may be an emoticon as a whole.
        var pieceStart = start == 0 || Tokenizer.separatesASCIIChunks(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "\n")
        // A scan of the whole text counts its marks of emphasis (``TokenList/marksCounted``): each
        // "!" and "?" below, and those of each emoticon; a scan that fails is undone with the list.
        // (A scan that goes on from a word after an earlier scan of the whole text, the Malay
        // resume, counts nothing again: the list's counts are already the text's, even when
        // it goes on from the first byte. A scan without normalisation is always a first scan,
        // of a new list: for it the question is a constant.)
        let countsMarks = start == 0 && (!normalises || !stream.list.marksCounted)
        if countsMarks { stream.list.marksCounted = true }
        // (Read through the base address: `bytes[i]` and slices of `bytes` check their bounds on
        // each word, and the loop keeps `position < count` itself.)
        let base = bytes.baseAddress.unsafelyUnwrapped
        while position < count {
            let byte = base[position]
            // At the first byte of a piece that is no letter, the piece may be an emoticon as a whole.
            // A piece that begins with a letter can only be an emoticon with letters, which has a
            // mark: asked after the word below, when the piece goes on past it.
            let startsPiece = pieceStart
            // A letter goes straight to the word below (most bytes that begin something are letters,
            // and none of the tests in this block holds for one).
            if !Tokenizer.isASCIILetter(byte) {
                if byte < 0x80 {
                    if Tokenizer.separatesASCIIChunks(byte) || byte == UInt8(ascii: "\n") {
                        // Each line break starts a new clause.
                        if byte == UInt8(ascii: "\n") {
                            stream.pendingBreak = true
                            stream.list.noteSentenceEnd()
                        }
                        pieceStart = true
                        position &+= 1
                        continue
                    }
                    if byte == 0x0D { return false }
                }
                if pieceStart {
                    pieceStart = false
                    // (The filters asked here first, as emoticonEnd asks them: most pieces that begin
                    // with no letter, such as numbers, begin no emoticon, and the call cost ~45 instructions.)
                    if !(byte >= 0x80 && emoticonsBeginASCII), emoticonFilter.mayBegin(byte) || letterEmoticonFilter.mayBegin(byte),
                       let end = emoticonEnd(bytes, at: position, into: &stream) {
                        guard end >= 0 else { return false }
                        if countsMarks { stream.list.countMarks(bytes, position..<end) }
                        position = end
                        continue
                    }
                }
                if byte >= 0x80 {
                    // (Kept inline: as a call, each emoji, Han run and Chinese mark would pay its frame.)
                    if byte & 0xF8 == 0xF0 {
                        // An emoji alone (no modifier, selector or joiner after it: ASCII or the end
                        // follows), four bytes: its key (``emojiKey(_:)``) is itself, as it has no skin
                        // tone, selector or joiner to drop.
                        guard position + 3 < count, position + 4 == count || bytes[position + 4] < 0x80,
                              Tokenizer.continues(bytes, at: position, count: 3),
                              Tokenizer.isLoneEmojiValue(Tokenizer.scalar4(bytes, at: position)) else { return false }
                        if stream.detection != nil, !LanguageDetector.isLoneEmoji(bytes, at: position) { stream.detection?.undecided = true }
                        stream.emitEmoji(UnsafeBufferPointer(rebasing: bytes[position..<(position + 4)]))
                        position += 4
                        continue
                    }
                    // A Han character or one of `bytePunctuation`, three bytes.
                    guard byte & 0xF0 == 0xE0, position + 2 < count, Tokenizer.continues(bytes, at: position, count: 2) else { return false }
                    let value = Tokenizer.scalar(bytes, at: position)
                    guard Tokenizer.isHanValue(value) else {
                        guard let breaks = bytePunctuation[value] else { return false }
                        // Fullwidth "！" and "？".
                        if countsMarks {
                            if value == 0xFF01 { stream.list.exclamations &+= 1 } else if value == 0xFF1F { stream.list.questions &+= 1 }
                        }
                        stream.detection?.hasScalars = true
                        if breaks {
                            stream.pendingBreak = true
                            if Tokenizer.isFullwidthSentenceEnd(value) { stream.list.noteSentenceEnd() }
                        }
                        position += 3
                        continue
                    }
                    // A run of Han characters, segmented into words.
                    let start = position
                    // Compatibility ideographs (U+F900–U+FAFF) are the Han characters with lead byte EF.
                    var compatibility = byte == 0xEF
                    position += 3
                    while position + 2 < count, bytes[position] & 0xF0 == 0xE0, Tokenizer.continues(bytes, at: position, count: 2),
                          Tokenizer.isHanValue(Tokenizer.scalar(bytes, at: position)) {
                        if bytes[position] == 0xEF { compatibility = true }
                        position += 3
                    }
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<position])
                    if stream.detection != nil {
                        // The detector counts compatibility ideographs as letters, not Han.
                        stream.detection?.hasScalars = true
                        stream.detection?.han += run.count / 3
                        if compatibility { stream.detection?.undecided = true }
                    }
                    // (The table read through a pointer taken here: the closure capturing `self` cost
                    // retains and releases throughout the scan.)
                    hanWords.withUnsafeBufferPointer { hanWords in
                        segmenter.segment(hanBytes: run, compatibility: compatibility) { word, role in
                            stream.emitHan(word, plain: !compatibility, word: role >= 0 ? Int(hanWords[role]) : -2)
                        }
                    }
                    continue
                }
                // A word begins with a letter or a digit (a letter went straight to the word).
                guard byte &- UInt8(ascii: "0") < 10 else {
                    if Tokenizer.isASCIIClauseBreak(byte) {
                        stream.pendingBreak = true
                        if Tokenizer.isASCIISentenceEnd(byte) { stream.list.noteSentenceEnd() }
                        if countsMarks {
                            if byte == UInt8(ascii: "!") { stream.list.exclamations &+= 1 } else if byte == UInt8(ascii: "?") { stream.list.questions &+= 1 }
                        }
                    }
                    position &+= 1
                    continue
                }
            }
            pieceStart = false
            // A word: letters and digits, with apostrophes and hyphens inside it (trimmed at its
            // end), found, lower-cased and hashed in one pass.
            let start = position
            // (Without normalisation the room was reserved at the start.)
            let target = normalises ? stream.list.pendingFormTarget(reserving: count &- start)
                : UnsafeMutablePointer(mutating: stream.list.pendingText(from: stream.list.pendingTextStart).baseAddress.unsafelyUnwrapped)
            let scan = TokenList.WordScan(scanning: bytes, from: start, into: target, kinds: stream.list.wordByteKinds)
            position = scan.runEnd
            // The piece goes on past the word: it may be an emoticon with letters, emitted instead.
            // (The byte after the word first: most words end at a space or the line's end.)
            // (`_slowPath`: a branch, not the four tests worked out together, ~6 instructions a word.)
            if _slowPath(position < count && base[position] != UInt8(ascii: " ")), startsPiece, Tokenizer.isASCIILetter(byte),
               letterEmoticonRuns[Int(byte)] >> (position - start) & 1 != 0,
               !Tokenizer.separatesASCIIChunks(base[position]), base[position] != UInt8(ascii: "\n"),
               let end = emoticonEnd(bytes, at: start, into: &stream) {
                guard end >= 0 else { return false }
                if countsMarks { stream.list.countMarks(bytes, start..<end) }
                position = end
                continue
            }
            stream.emitASCIIWord(UnsafeBufferPointer(start: base + start, count: scan.end &- start), scan: scan, normalises: normalises, tokenizer: self)
            // Most words end at a space: it is passed over here, as the loop's first tests would
            // (a separator: the next byte starts a piece), without them (~10 instructions a word).
            if position < count, base[position] == UInt8(ascii: " ") {
                pieceStart = true
                position &+= 1
            }
        }
        return true
    }

    /// At the start of a piece (``scanASCII(_:into:)``): when the piece is an emoticon as a
    /// whole, emits it and returns the piece's end, or -1 when the piece shows that the text is
    /// not byte-scannable; nil when the piece is no emoticon (nothing emitted).
    private func emoticonEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into stream: inout TokenStream) -> Int? {
        // Emoticons are at most 12 bytes; most pieces begin with a byte that begins none.
        let first = bytes[start]
        let mayBeEmoticon = emoticonFilter.mayBegin(first), mayBeLetterEmoticon = letterEmoticonFilter.mayBegin(Tokenizer.lowercasedASCII(first))
        guard mayBeEmoticon || mayBeLetterEmoticon else { return nil }
        let limit = min(bytes.count, start + 13)
        var end = start, marks = false, ascii = true, letter = false, carriageReturn = false
        while end < limit, !Tokenizer.separatesASCIIChunks(bytes[end]), bytes[end] != UInt8(ascii: "\n") {
            if Tokenizer.isEmoticonMark(bytes[end]) { marks = true }
            if bytes[end] >= 0x80 { ascii = false }
            if Tokenizer.isASCIILetter(bytes[end]) { letter = true }
            if bytes[end] == 0x0D { carriageReturn = true }
            end += 1
        }
        guard end - start <= 12 else { return nil }
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        // Han characters are letters: a chunk with one is no emoticon.
        if mayBeEmoticon, emoticonFilter.mayBeKey(first: line[0], last: line[line.count - 1]) {
            // An ASCII piece (most): byte-scannable unless it holds a carriage return, its letters
            // seen above, and byte-comparable, so probed on its bytes (``isByteScannable(_:)``,
            // ``hasLetter(_:)`` and ``ByteKeyTable/index(forKeyBytes:)`` cost ~150 instructions a piece).
            if ascii {
                guard !carriageReturn else { return -1 }
                // No letters, so no words to count: from its bytes, as the `String` path below would emit it.
                if !letter, emoticonTable.index(forBytes: line) >= 0 {
                    stream.emitPlainASCII(line)
                    return end
                }
            } else {
                // The piece is read by scalars below: only text of the byte path.
                guard isByteScannable(line) else { return -1 }
                if !Tokenizer.hasLetter(line), emoticonTable.index(forKeyBytes: line) >= 0 {
                    // No letters, so no words to count; other scalars than ASCII are left to the detector.
                    if stream.detection != nil { stream.detection?.undecided = true }
                    let chunk = String(decoding: line, as: UTF8.self)
                    stream.emit(chunk, lower: chunk)
                    return end
                }
            }
        }
        // ASCII with a mark: no byte outside the byte path.
        guard mayBeLetterEmoticon, marks, ascii else { return nil }
        if letterEmoticonFilter.mayBeKey(first: Tokenizer.lowercasedASCII(line[0]), last: Tokenizer.lowercasedASCII(line[line.count - 1])) {
            let found = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: line.count) { lower -> Bool in
                for index in 0..<line.count { lower[index] = Tokenizer.lowercasedASCII(line[index]) }
                // (ASCII, so byte-comparable: probed on its bytes.)
                return letterEmoticons.index(forBytes: UnsafeBufferPointer(lower)) >= 0
            }
            if found {
                stream.detection?.countWords(line)
                let chunk = String(decoding: line, as: UTF8.self)
                stream.emit(chunk, lower: chunk.lowercased())
                return end
            }
        }
        return nil
    }


    /// ``TokenStream/emitASCIIWord(_:scan:tokenizer:)``'s stretched word: when the lower-cased form pending since
    /// `start` is an elongated word (``unelongated(_:)``), replaces it with the word read and
    /// returns that word's index in the stream's words; nil (nothing changed) otherwise.
    /// (Out of line: few words take this path, and inline its values crowded the common path's
    /// registers.)
    @inline(never)
    fileprivate func readStretched(from start: Int, into stream: inout TokenStream) -> Int? {
        guard let read = unelongated(stream.list.pendingText(from: start)) else { return nil }
        stream.list.replaceText(from: start, with: read)
        return stream.words.index(of: stream.list.pendingText(from: start), plain: true)
    }

    /// ``TokenStream/emitASCIIWord(_:scan:tokenizer:)``'s Malay word (`word` as written, its lower-cased form
    /// pending since `start`): false, with nothing changed, when the word stays as written
    /// (``MalayNormaliser/staysAsWritten(_:)``); otherwise emits the normalised words through
    /// the `String` path and returns true. (Out of line, as ``readStretched(from:into:)`` is.)
    @inline(never)
    fileprivate func emitMalayWord(_ word: UnsafeBufferPointer<UInt8>, from start: Int, into stream: inout TokenStream) -> Bool {
        guard let malay = stream.malay, !malay.staysAsWritten(stream.list.pendingText(from: start)) else { return false }
        // A listed spelling of one word ("sgt" → "sangat") or an unlisted word with an affix
        // and no reduplication mark ("berbaloi"), most changed words: its one word emitted from
        // bytes as ``TokenStream/emitWord(_:lower:)`` emits it through `String`s (~1,500-2,000
        // instructions a word less). Several words: the `String` path below.
        // (A reduplication, "2" or "-", goes the `String` path; a stem that is nil stays as written.)
        let form = stream.list.pendingText(from: start)
        let listed = malay.direct.index(forKeyBytes: form)
        let reduplicated = listed < 0 && (form.last == UInt8(ascii: "2") || form.contains(UInt8(ascii: "-")))
        let words = listed >= 0 ? malay.direct.values[listed] : reduplicated ? nil : malay.stemWords(ascii: form)
        if !reduplicated, (words?.count ?? 1) == 1 {
            if var spelling = words?.first {
                spelling.withUTF8 { stream.list.replaceText(from: start, with: $0) }
            }
            var flags: TokenList.Flags = []
            if !stream.list.pendingText(from: start).contains(where: { $0 >= 0x80 }) { flags.insert(.ascii) }
            // ``SentimentScorer/isUpper(_:)`` of the ASCII word: an upper-case letter and no lower-case one.
            if !word.contains(where: { $0 >= 0x61 && $0 <= 0x7A }), word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { flags.insert(.upper) }
            // (Compared as ``ByteKeyTable``'s keys are: `elementsEqual` walks two iterators, ~135 instructions a word.)
            let form = stream.list.pendingText(from: start)
            let same = form.count == word.count && form.starts(at: 0, with: word)
            _ = stream.finish(start, raw: same ? nil : word, flags: flags)
            return true
        }
        // Malay normalisation reads `String`s: the lower-cased form is taken back out.
        let lower = String(decoding: stream.list.pendingText(from: start), as: UTF8.self)
        stream.list.replaceText(from: start, with: [])
        stream.emitWord(String(decoding: word, as: UTF8.self), lower: lower)
        return true
    }

    /// An elongated word the lexicons do not list ("loooove", "sooo", "yaaaay", "bestttt") read as
    /// the listed word it stretches: runs of three or more of a letter become two, then one, and
    /// the first form the lexicons know wins ("goooood" → "good", "loooove" → "love"). Nil when
    /// the word has no such run, is listed as written, or no form is known.
    func unelongated(_ lower: String) -> String? {
        Array(lower.utf8).withUnsafeBufferPointer(unelongated).map { String(decoding: $0, as: UTF8.self) }
    }

    /// ``unelongated(_:)`` on the bytes of a lower-cased word.
    func unelongated(_ lower: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        Tokenizer.unelongated(lower, known: knownWords)
    }

    /// ``unelongated(_:)`` with the words `known` (``knownWords``).
    static func unelongated(_ lower: UnsafeBufferPointer<UInt8>, known: ByteKeyTable<Bool>) -> [UInt8]? {
        // No allocation unless the word has a run of three letters.
        guard hasLetterRun(lower) else { return nil }
        if known.index(forKeyBytes: lower) >= 0 { return nil }
        let utf8 = Array(lower)
        for keep in [2, 1] {
            let squeezed = Tokenizer.squeeze(utf8, keep: keep)
            if squeezed.withUnsafeBufferPointer({ known.index(forKeyBytes: $0) }) >= 0 { return squeezed }
        }
        return nil
    }

    /// True when `lower` is 3 to 40 ASCII letters with a run of three of one byte: a word that
    /// ``unelongated(_:)`` may read as another.
    static func hasLetterRun(_ lower: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = lower.count
        guard count >= 3, count <= 40 else { return false }
        // The run first: most words have none, and are not read for letters.
        var index = 2
        while index < count, lower[index] != lower[index - 1] || lower[index] != lower[index - 2] { index += 1 }
        return index < count && lower.allSatisfy(Tokenizer.isASCIILetter)
    }

    /// `bytes` with every run of three or more equal bytes cut to `keep`; shorter runs stay.
    static func squeeze(_ bytes: [UInt8], keep: Int) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] == bytes[index] { end += 1 }
            let length = end - index
            out.append(contentsOf: repeatElement(bytes[index], count: length >= 3 ? keep : length))
            index = end
        }
        return out
    }

    /// `byte` lower-cased if it is an ASCII letter.
    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte | (isASCIILetter(byte) ? 0x20 : 0)
    }

    /// The ASCII members of `clauseBreaks`.
    private static func isASCIIClauseBreak(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";"), UInt8(ascii: ","),
             UInt8(ascii: ":"), UInt8(ascii: "\n"), UInt8(ascii: "~"): return true
        default: return false
        }
    }

    private static func separatesASCIIChunks(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 9 || byte == 11 || byte == 12
    }

    /// How many of `bytes` are ASCII letters (``isASCIILetter(_:)``), eight bytes at a time:
    /// a line of Chinese has ~100 bytes, and a loop of single bytes cost ~4 instructions a byte.
    static func asciiLetterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var letters = 0, index = 0
        if let base = bytes.baseAddress {
            while index &+ 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // Case folded, high bits cleared: each lane is 0x00-0x7F, so adding 0x1F (bit 7 from
                // 0x61, `a`) or 0x05 (from 0x7B, past `z`) carries into no other lane. Lanes of
                // bytes of 0x80 and up (no letters) are dropped by the original high bits.
                let low = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
                let marks = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(low &+ 0x0505_0505_0505_0505) & ~word & 0x8080_8080_8080_8080
                // One bit a letter lane, summed into the top byte (at most 8).
                letters &+= Int(truncatingIfNeeded: ((marks &>> 7) &* 0x0101_0101_0101_0101) &>> 56)
                index &+= 8
            }
        }
        while index < bytes.count {
            if isASCIILetter(bytes[index]) { letters &+= 1 }
            index &+= 1
        }
        return letters
    }

    /// True when `bytes` are lower-case ASCII letters only (and not empty).
    static func isLowercaseWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { $0 &- UInt8(ascii: "a") < 26 }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The lookup key of an emoji character, or nil when `character` is not an emoji.
    func emojiKey(_ character: Character) -> String? {
        Tokenizer.emojiKey(character, emoji: emoji, starts: emojiStarts)
    }

    /// ``emojiKey(_:)`` with the tokenizer's ``emoji`` keys and their ``emojiStarts`` (static:
    /// the initialiser asks it before every property is set).
    private static func emojiKey(_ character: Character, emoji: Set<String>, starts emojiStarts: Set<Unicode.Scalar>) -> String? {
        guard let first = character.unicodeScalars.first, first.value >= 0x2000 else { return nil }
        // Fast rejection (CJK punctuation, letters of other scripts): the checks below would all fail.
        if first.value != 0xFE0E, first.value != 0xFE0F, !emojiStarts.contains(first), !Tokenizer.isEmoji(first),
           !character.unicodeScalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) {
            return nil
        }
        let key = Lexicon.emojiKey(String(character))
        if emoji.contains(key) { return key }
        if let joiner = key.unicodeScalars.firstIndex(of: "\u{200D}") {
            let base = String(key.unicodeScalars[..<joiner])
            if emoji.contains(base) { return base }
        }
        let presented = character.unicodeScalars.contains { $0.value == 0xFE0F || $0.value == 0x200D }
        return Tokenizer.isEmoji(first) || presented ? key : nil
    }

    /// Whitespace other than line breaks (which end a clause, so chunks keep them).
    static func separatesChunks(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 32 || ascii == 9 || ascii == 11 || ascii == 12 }
        return character.isWhitespace && !character.isNewline
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }

    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F000 || (scalar.properties.isEmojiPresentation && scalar.value > 0x2000)
    }
}

extension Tokenizer.TokenStream {
    /// Emits one ASCII word, whose lower-cased form ``TokenList/WordScan/init(scanning:from:into:kinds:)`` wrote
    /// (and `scan` describes), read with `tokenizer`'s tables.
    /// (Transparent, so that the scan loop holds the word's emission and its ``finish(_:raw:flags:hash:)``
    /// inline: as calls they cost ~560 instructions per line; `@inline(__always)` was not honoured,
    /// and a class such as ``Tokenizer`` cannot hold a transparent method.)
    /// - Parameter normalises: false when the scan knows the stream has no Malay normaliser.
    @_transparent
    fileprivate mutating func emitASCIIWord(_ word: UnsafeBufferPointer<UInt8>, scan: TokenList.WordScan, normalises: Bool, tokenizer: Tokenizer) {
        let start = self.list.pendingTextStart
        self.list.appendScannedWord(scan)
        // Where a Malay pass can resume, should the line be Malay (read only while detecting;
        // kept in the record, one store, rather than tested for and noted apart).
        let source = Int32(truncatingIfNeeded: scan.start &<< 1) | (self.pendingBreak ? 1 : 0)
        // Python's `isupper()` on ASCII: some upper-case letter and no lower-case one.
        let upper = scan.hasUpper, lowerCase = scan.hasLower
        var asWritten = !upper, stretched = false
        // (The table's transparent probe: through ``WordTable/index(ofASCII:hash:)``, a call, it cost ~65 instructions more.)
        var index = self.words.table.index(forBytes: self.list.pendingText(from: start), hash: scan.hash)
        // Whether ``Tokenizer/unelongated(_:)`` can find anything: 3 to 40 letters (it looks for the run of
        // three of one letter, in the lower-cased form), and for a word of the table only when
        // the table marks it (``WordTable/stretchedBit``): most words skip that second look.
        if scan.lettersOnly, word.count >= 3, word.count <= 40, index < 0 || self.words.mayBeStretched(index),
           let read = tokenizer.readStretched(from: start, into: &self) {
            asWritten = false
            stretched = true
            index = read
        }
        let flags: TokenList.Flags = upper && !lowerCase ? .asciiUpper : .ascii
        // Malay: most words stay as written (``MalayNormaliser/staysAsWritten(_:)``) and are
        // emitted as they are, as the `String` path below would emit them.
        if normalises, self.malay != nil, tokenizer.emitMalayWord(word, from: start, into: &self) { return }
        // (The scan's ``TokenList/pendingFormTarget(reserving:)`` made room for the space.)
        // (Two inline copies of the finish: in the usual one, a word as written, the record's
        // written form is stored as constants, not as values kept on the stack for the merge.)
        let info = asWritten ? self.finish(start, raw: nil, flags: flags, word: index, source: source, reserved: true)
            : self.finish(start, raw: word, flags: flags, word: index, source: source, reserved: true)
        if self.detection != nil {
            // The lookup form is the detector's word unless digits or hyphens split it there or
            // stretched letters were read as another word.
            if scan.lettersAndApostrophes, !stretched {
                self.detection?.tally.add(WordTable.wordClass(info: info)) { "" }
            } else if scan.hasUpper || scan.hasLower {
                self.detection?.countWords(word)
            }
            // (A word without letters, digits and hyphens only, holds no word the detector counts:
            // it joins letters and inner apostrophes only.)
        }
    }
}
