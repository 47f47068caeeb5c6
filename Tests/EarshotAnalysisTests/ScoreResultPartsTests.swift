import Testing
@testable import EarshotAnalysis

/// `score(_:language:explain:aspects:contributions:)` works out only the parts asked for, and
/// what it works out is what the full score gives; the helpers behind it answer as the
/// per-token arrays they replaced did.
@Suite struct ScoreResultPartsTests {
    @Test(arguments: ["en", "ms", "zh"])
    func partsEqualTheFullScore(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = try ScoreFixtures.labelled(language).map(\.text) + ScoreFixtures.labelled(language, set: "holdout").map(\.text)
            + ScorerEquivalenceTests.extras
        for text in texts {
            for lang in [nil, language] {
                let full = scorer.score(text, language: lang)
                let bare = scorer.score(text, language: lang, explain: false, aspects: false, contributions: false)
                #expect(bare.sentiment == full.sentiment, "\(text)")
                #expect(bare.lang == full.lang, "\(text)")
                #expect(bare.aspects.isEmpty && bare.contributions.isEmpty, "\(text)")
                let withAspects = scorer.score(text, language: lang, explain: false, aspects: true, contributions: false)
                #expect(withAspects.aspects == full.aspects, "\(text)")
                #expect(withAspects.sentiment == full.sentiment, "\(text)")
                let explained = scorer.score(text, language: lang, explain: true, aspects: false, contributions: false)
                #expect(explained.contributions == full.contributions, "\(text)")
            }
        }
    }

    /// The TSV path's ``SentimentScorer/compound(utf8:language:scratch:)`` gives the full
    /// score's compound and language: on valid UTF-8, invalid UTF-8 and empty text.
    @Test(arguments: ["en", "ms", "zh"])
    func compoundEqualsTheFullScore(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let scratch = ScoreScratch()
        let texts = try ScoreFixtures.labelled(language).map { Array($0.text.utf8) } + ScorerEquivalenceTests.extras.map { Array($0.utf8) }
            + [[], [0x20], Array("bad \u{FF} byte, good".utf8) + [0xFF], [0xC3, 0x28, 0x21, 0x21]]
        for bytes in texts {
            for lang in [nil, language] {
                let full = scorer.score(String(decoding: bytes, as: UTF8.self), language: lang)
                let (compound, code) = bytes.withUnsafeBufferPointer { scorer.compound(utf8: $0, language: lang, scratch: scratch) }
                #expect(compound == full.sentiment.compound && code == full.lang, "\(bytes)")
            }
        }
    }

    /// ``SentimentScorer/compound(utf8:language:scratch:)`` and ``SentimentScorer/score(utf8:language:explain:aspects:contributions:scratch:)``
    /// validate only the lines their byte scan does not accept: an invalid sequence anywhere (cut
    /// short, a bad continuation byte, overlong, a surrogate, past U+10FFFF), in or next to ASCII
    /// words, Han runs, emoji, emoticons and punctuation, gives what the repaired `String` gives. (The bad continuation
    /// bytes include ones whose low six bits are the valid byte's, which a scan reading only
    /// those bits would take for the valid character.)
    @Test func invalidSequencesScoreAsTheRepairedString() throws {
        let scorer = try ScoreFixtures.scorer()
        let scratch = ScoreScratch()
        var sequences: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF],
                                    [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
                                    [0xFE], [0xFF]]
        // Each position of valid sequences: cut short there, or its continuation byte replaced.
        for character in ["é", "好", "！", "，", "\u{FF1F}", "😀", "💔"] {
            let valid = Array(character.utf8)
            for index in 1..<valid.count {
                sequences.append(Array(valid[..<index]))
                for bad: UInt8 in [valid[index] & 0x3F, valid[index] | 0x40, 0xC3, valid[0]] {
                    var changed = valid
                    changed[index] = bad
                    sequences.append(changed)
                }
            }
        }
        // (A few contexts and languages, a language given or not and Malay's: ~1.3 s in a debug build.)
        let contexts: [(String, String)] = [("", ""), ("good ", " phone"), ("very", "good!"), ("我很", "喜欢"), ("好用", "！"), ("", ":)"),
                                            ("😀", " 👍"), ("bagus ", " sangat"), ("not bad", "\n")]
        for sequence in sequences {
            for (before, after) in contexts {
                let bytes = Array(before.utf8) + sequence + Array(after.utf8)
                for language in [nil, "en", "ms"] {
                    let full = scorer.score(String(decoding: bytes, as: UTF8.self), language: language)
                    let (compound, code) = bytes.withUnsafeBufferPointer { scorer.compound(utf8: $0, language: language, scratch: scratch) }
                    #expect(compound == full.sentiment.compound && code == full.lang, "\(bytes) \(language ?? "-")")
                    let result = bytes.withUnsafeBufferPointer {
                        scorer.score(utf8: $0, language: language, explain: true, aspects: true, contributions: true, scratch: scratch)
                    }
                    #expect(result == full, "\(bytes) \(language ?? "-")")
                }
            }
        }
    }

    /// ``TokenList/noMarks`` is set only when the text's punctuation emphasis is 0, and the
    /// marks a byte scan counts (``TokenList/marksCounted``) are the text's, giving its emphasis:
    /// whatever path tokenised it (bytes, characters, a Malay second pass) and wherever its marks
    /// are (between words, in emoticons, fullwidth).
    @Test func noMarksOnlyWithoutEmphasis() throws {
        let scorer = try ScoreFixtures.scorer()
        let tokens = TokenList()
        let texts = ["good phone", "good phone!", "is it good?", "bagus gila!!", "好用！", "好用吗？", "好用吗？？", "nice :-) ok", "wow :-? ok", "xD!",
                     "great\r\nphone!", "café!", "café", "tak best langsung?", "sangat bagus", "🎉!", "🎉", "a!b", "x?", "", " ", "!",
                     "hmm ;) fine", "<3", "</3 sad", "ok (!)", "Produk ni memang best, sgt berbaloi?",
                     "what?? really?!", "a :-? b ?? c", "?:) !", "好用！！！！！", "真的吗？？？", "x!? :-! ??", "Tak puas hati!!! Servis teruk?? :(",
                     "wow!!!!! :D!!", "?", "??", "???", "????", "!!!!!!", "ok? ok? ok? ok?", "😡!! 好？", "barang rosak?? tp seller ok!!",
                     // Emoticons with marks in them, counted as the piece is emitted whole.
                     "ok :?) fine", "hmm (?: ok", "a :?) ?? :?) b", "(?: (?: (?:", "sgt bagus :?)"]
            + ScorerEquivalenceTests.extras
        for text in texts {
            for language in [nil, "en", "ms", "zh"] {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { bytes in
                    if let language {
                        scorer.tokenizer.tokens(bytes, text: { text }, language: language, into: tokens)
                    } else {
                        _ = scorer.tokenizer.tokens(bytes, text: { text }, detectingWith: scorer.detector, into: tokens)
                    }
                    if tokens.noMarks { #expect(SentimentScorer.punctuationEmphasis(bytes) == 0, "\(text)") }
                    if tokens.marksCounted {
                        var counts = (0, 0)
                        SentimentScorer.countMarks(bytes, 0..<bytes.count, into: &counts)
                        #expect(tokens.exclamations == counts.0 && tokens.questions == counts.1, "\(text) \(language ?? "detected")")
                        #expect(SentimentScorer.punctuationEmphasis(exclamations: tokens.exclamations, questions: tokens.questions)
                                == SentimentScorer.punctuationEmphasis(bytes), "\(text)")
                    }
                }
            }
        }
        // Plain texts of the byte path skip the count.
        for text in ["good phone", "sangat bagus", "好用", "Produk ni memang best, sgt berbaloi", "🎉", ""] {
            _ = scorer.tokenizer.tokens(text, detectingWith: scorer.detector, into: tokens)
            #expect(tokens.noMarks, "\(text)")
        }
    }

    @Test func proportionsFromSumsEqualProportionsFromValences() {
        let valences = [0, 1.9, 0, -2.3, 0.7, 0, 0, -0.4]
        for emphasis in [0, 0.292, 1.168] {
            var positive = 0.0, negative = 0.0, neutral = 0.0
            for value in valences {
                if value > 0 { positive += value + 1 } else if value < 0 { negative += value - 1 } else { neutral += 1 }
            }
            #expect(SentimentScorer.proportions(positive: positive, negative: negative, neutral: neutral, emphasis: emphasis, compound: 0.3)
                == SentimentScorer.proportions(valences: valences, emphasis: emphasis, compound: 0.3))
        }
    }

    @Test func spanTextIsItsTokensForms() throws {
        let tokens = TokenList()
        try ScoreFixtures.scorer().tokenizer.tokens((0..<8).map { "w\($0)" }.joined(separator: " "), language: nil, into: tokens)
        let spans = [
            TermSpan(start: 1, length: 2, kind: .term(1)), TermSpan(start: 4, length: 1, kind: .contrast),
            TermSpan(start: 5, length: 3, kind: .term(-1)),
        ]
        let table = SpanTable(tokens: tokens, spans: spans)
        #expect(spans.map { table.text(of: $0, english: nil) } == ["w1 w2", "w4", "w5 w6 w7"])
    }

    /// The span search notes in each token's record the span that covers it: ``SpanTable/spanIndex(at:)``
    /// is the span a walk over the spans finds, for every token (and none out of range), in
    /// each language, with one list reused from text to text.
    @Test func spanIndexFindsTheCoveringSpan() throws {
        let scorer = try ScoreFixtures.scorer()
        let tokens = TokenList()
        var covered = 0, uncovered = 0, phrases = 0
        let texts = [("en", "not good at all, the delivery was very slow but customer service was really helpful"), ("en", "w0 w1 w2"),
                     ("ms", "tak pernah jumpa servis seteruk ini, langsung tak balas"), ("zh", "这个手机不好用，但是价格便宜"),
                     ("en", "I can't say it is bad 😀 at least, loves it"), ("en", "ok")]
        for (language, text) in texts {
            scorer.tokenizer.tokens(text, language: language, into: tokens)
            let kind = ScoreLanguage(language)
            scorer.findSpans(tokens, chain: scorer.lookupChain(language), entries: ChainEntries(language: kind), language: kind)
            let spans = Array(tokens.spans)
            let table = SpanTable(tokens: tokens)
            for token in -1...tokens.count {
                let expected = spans.firstIndex { $0.start <= token && token < $0.end }
                #expect(table.spanIndex(at: token) == expected, "\(text) token \(token)")
                if expected != nil { covered += 1 } else { uncovered += 1 }
            }
            phrases += spans.count { $0.length > 1 }
        }
        #expect(covered > 10 && uncovered > 10 && phrases > 1)
    }

    /// A token's entry in each lexicon of its chain, read through its ``WordTable`` word, is
    /// the lexicon's own entry for the token's lookup form (found by `String`), or -1 for none;
    /// and the chain is the text's language's lexicon, then the English one. The word's
    /// ``WordTable/roles(_:)`` bits say which of them give it a role, and whether it is an emoji.
    @Test(arguments: ["en", "ms", "zh", "id"])
    func chainEntriesAreTheLexiconsEntries(language: String) throws {
        let scorer = try ScoreFixtures.scorer()
        let texts = ["not good at all, delivery was slow and the price too high", "barang sampai cepat tapi harga mahal sangat",
                     "tak pernah jumpa servis seteruk ini!!", "这个手机不好用，但是价格便宜", "没有别人说的那么好 OK la", "L size 😀 ok"]
        let chain = scorer.lookupChain(language)
        #expect(chain.count == (language == "zh" || language == "ms" ? 2 : 1))
        let tokens = TokenList()
        let words = scorer.tokenizer.words
        var found = 0, withRole = 0
        for text in texts {
            scorer.tokenizer.tokens(text, language: language, into: tokens)
            let entries = ChainEntries(language: ScoreLanguage(language))
            for index in tokens.indices {
                for (position, indexed) in chain.enumerated() {
                    let expected = indexed.table.index(of: tokens.text(index))
                    #expect(entries.entry(word: tokens.word(index), position, in: scorer.tokenizer.words) == expected, "\(language) \(text) token \(index) lexicon \(position)")
                    if expected >= 0 { found += 1 }
                    // The word's role bit for this lexicon: an entry with a role, or one that begins a longer entry.
                    let slot = position == 0 ? entries.firstSlot : WordTable.englishSlot
                    let hasRole = expected >= 0 && (indexed.kinds[expected] != nil || indexed.phraseStarts[expected] > 1)
                    #expect((words.roles(tokens.word(index)) & (1 << UInt8(slot)) != 0) == hasRole, "\(language) \(text) token \(index) role \(position)")
                    if hasRole { withRole += 1 }
                }
                #expect((words.roles(tokens.word(index)) & WordTable.emojiRole != 0) == (words.emojiValence(tokens.word(index)) != nil))
                #expect(words.roles(tokens.word(index)) & entries.chainRoles == words.roles(tokens.word(index)) & (WordTable.emojiRole
                    | chain.indices.reduce(0) { $0 | 1 << UInt8($1 == 0 ? entries.firstSlot : WordTable.englishSlot) }))
            }
        }
        #expect(found > 5, "the texts hold words of the chain's lexicons")
        #expect(withRole > 3, "and words with a role in them")
    }

    /// A token's record carries its word's ``WordTable`` roles, and ``WordTable/aloneRole`` marks
    /// where the span search may read a word alone as an "n't" negator or an inflected English
    /// term: for an ASCII word of the table with no English role, exactly when it is one; for
    /// every other token (no word of the table, or not ASCII), when it is no Chinese word and
    /// ends in `t`, `s` or `g`. A word that is one always has the bit or an English role.
    @Test func tokenRolesMarkWordsReadAlone() throws {
        let scorer = try ScoreFixtures.scorer()
        let words = scorer.tokenizer.words
        let english = try #require(scorer.indexed["en"])
        let texts = ["it isn't working, the sellers are helpful and loves this thing", "dies ignoring stopping things cant won't wasn't",
                     "xyzzies blorbing 这个不好用 😀 ok", "kalau barang ni rosak saya tak puas hati", "naïvest café's rêves"]
        let tokens = TokenList()
        var readAloneCount = 0, tableWords = 0, otherTokens = 0
        for text in texts {
            scorer.tokenizer.tokens(text, language: "en", into: tokens)
            for index in tokens.indices {
                let record = tokens[index], bytes = tokens.textBytes(index)
                let last = bytes.last
                let endsInTSG = !record.flags.contains(.han) && (last == UInt8(ascii: "t") || last == UInt8(ascii: "s") || last == UInt8(ascii: "g"))
                let readAlone = tokens.isASCII(index) && (tokens.text(index).hasSuffix("n't") || SentimentScorer.inflectedValence(bytes, in: english) != nil)
                let alone = record.roles & WordTable.aloneRole != 0
                if record.word >= 0, record.flags.contains(.ascii) {
                    tableWords += 1
                    if words.roles(record.word) & 1 << WordTable.englishSlot == 0 { #expect(alone == readAlone, "\(text) token \(index)") }
                } else {
                    otherTokens += 1
                    #expect(alone == endsInTSG, "\(text) token \(index)")
                }
                if readAlone {
                    readAloneCount += 1
                    #expect(record.roles & (WordTable.aloneRole | 1 << WordTable.englishSlot) != 0, "\(text) token \(index)")
                }
                #expect(record.roles & ~WordTable.aloneRole == words.roles(record.word) & ~WordTable.aloneRole, "\(text) token \(index)")
            }
        }
        #expect(readAloneCount >= 6, "the texts hold n't negators and inflected words")
        #expect(tableWords > 10 && otherTokens > 5)
    }
}
