import Testing
@testable import EarshotAnalysis

@Suite("IndexedLexicon")
struct IndexedLexiconTests {
    /// The tables built from the index's keys (``IndexedLexicon/lists``) read the lists the
    /// lexicon's dictionaries hold: every key of each list, and nothing else.
    @Test(arguments: LexiconLoader.languages)
    func listsAreTheLexiconsLists(_ language: String) throws {
        let lexicon = try ScoreFixtures.lexicon()[language]
        let indexed = IndexedLexicon(lexicon)
        let lists: [(IndexedLexicon.Lists, Set<String>)] = [
            (.valence, Set(lexicon.valence.keys)), (.negators, Set(lexicon.negators.keys)), (.boosters, Set(lexicon.boosters.keys)),
            (.postBoosters, Set(lexicon.postBoosters.keys)), (.contrast, lexicon.contrast), (.aspects, Set(lexicon.aspects.keys)),
        ]
        for (list, keys) in lists {
            var read: Set<String> = []
            indexed.forEachKey(in: list) { _, key in read.insert(String(decoding: key, as: UTF8.self)) }
            #expect(read == keys, "\(list.rawValue)")
        }
        var all = 0
        indexed.forEachKey(in: IndexedLexicon.allLists) { _, _ in all += 1 }
        #expect(all == lists.reduce(Set<String>()) { $0.union($1.1) }.count)
    }

    /// The language detector's classes, read from the index's bytes, are those the lists'
    /// `String`s give.
    @Test func wordClassesAreTheListsClasses() throws {
        let lexicon = try ScoreFixtures.lexicon()
        let ms = lexicon["ms"], en = lexicon["en"]
        let malayWords = Set(ms.valence.keys).union(ms.negators.keys).union(ms.boosters.keys).union(ms.postBoosters.keys)
            .union(ms.contrast).union(ms.aspects.keys).union(ms.normalise.keys)
        let englishWords = Set(en.valence.keys).union(en.boosters.keys).union(en.negators.keys).union(en.aspects.keys)
        var expected: [String: LanguageDetector.WordClass] = [:]
        for word in LanguageDetector.english { expected[word, default: []].insert(.englishFunction) }
        for word in LanguageDetector.malay { expected[word, default: []].insert(.malayFunction) }
        for word in malayWords where !word.contains(" ") && !englishWords.contains(word) && word.count > 1 {
            expected[word, default: []].insert(.malayLexicon)
        }
        for word in englishWords where !word.contains(" ") && !malayWords.contains(word) { expected[word, default: []].insert(.englishLexicon) }
        // The scorer's word table and a detector's own, each every word's classes.
        for words in [try ScoreFixtures.scorer().tokenizer.words, LanguageDetector(lexicon: lexicon).words] {
            #expect(words.table.keys.count { !(expected[$0] ?? []).isEmpty } == expected.count)
            for (index, word) in words.table.keys.enumerated() { #expect(words.wordClass(index) == expected[word] ?? [], "\(word)") }
        }
    }

    /// The normaliser's one-lookup table, read from the index's bytes: every single word of the
    /// Malay lists and of the English valence list, kept as written, and every spelling.
    @Test func malayDirectWordsAreTheListsWords() throws {
        let lexicon = try ScoreFixtures.lexicon()
        let ms = lexicon["ms"]
        var expected: [String: [String]?] = [:]
        let kept = Set(ms.valence.keys).union(ms.negators.keys).union(ms.boosters.keys).union(ms.postBoosters.keys)
            .union(ms.contrast).union(ms.aspects.keys).union(lexicon["en"].valence.keys)
        for word in kept where !word.contains(" ") { expected[word] = .some(nil) }
        for (word, standard) in ms.normalise { expected[word] = standard }
        let normaliser = MalayNormaliser(lexicon: lexicon)
        #expect(normaliser.direct.values.count == expected.count)
        for (word, standard) in expected { #expect(normaliser.direct[word] == .some(standard), "\(word)") }
    }

    /// The index built from the loader's table of key bytes (``LanguageLexicon/loaded``) is the
    /// one built from the table made from the lists' dictionaries (as a lexicon whose lists
    /// were set, or changed, has it): the same keys, each with the same role, phrase lengths,
    /// aspect and lists; and so are the Chinese segmenter's roles.
    @Test(arguments: LexiconLoader.languages)
    func loadedIndexIsTheDictionariesIndex(_ language: String) throws {
        let loaded = try ScoreFixtures.lexicon()[language]
        var copy = LanguageLexicon()
        copy.valence = loaded.valence
        copy.negators = loaded.negators
        copy.boosters = loaded.boosters
        copy.postBoosters = loaded.postBoosters
        copy.contrast = loaded.contrast
        copy.aspects = loaded.aspects
        copy.words = loaded.words
        copy.normalise = loaded.normalise
        copy.maxPhraseWords = loaded.maxPhraseWords
        copy.maxEntryCharacters = loaded.maxEntryCharacters
        #expect(copy.loaded.entries.values.count == loaded.loaded.entries.values.count)
        let fromBytes = IndexedLexicon(loaded), fromDictionaries = IndexedLexicon(copy)
        #expect(fromBytes.table.values.count == fromDictionaries.table.values.count)
        fromBytes.table.forEachKey { index, key in
            let other = fromDictionaries.table.index(forBytes: key)
            #expect(other >= 0, "\(String(decoding: key, as: UTF8.self))")
            guard other >= 0 else { return }
            #expect(fromBytes.kinds[index] == fromDictionaries.kinds[other])
            #expect(fromBytes.phraseStarts[index] == fromDictionaries.phraseStarts[other])
            #expect(fromBytes.aspects[index] == fromDictionaries.aspects[other])
            #expect(fromBytes.aspectStarts[index] == fromDictionaries.aspectStarts[other])
            #expect(fromBytes.lists[index] == fromDictionaries.lists[other])
        }
        let segmenter = ChineseSegmenter(lexicon: loaded, indexed: fromBytes)
        let other = ChineseSegmenter(lexicon: copy, indexed: fromDictionaries)
        #expect(segmenter.roles.values.count == other.roles.values.count)
        segmenter.roles.forEachKey { index, key in #expect(other.roles[plain: key] == segmenter.roles.values[index]) }
    }

    /// A list changed after loading is in the table made anew from the dictionaries.
    @Test func aChangedListRemakesTheTable() throws {
        var lexicon = try ScoreFixtures.lexicon()
        let before = lexicon["en"].loaded.entries.values.count
        lexicon.add(terms: ["Acme Cloud": 2.5])
        #expect(lexicon["en"].loaded.entries.values.count == before + 1)
        let zh = lexicon["zh"].loaded.entries
        #expect(Array("acme cloud".utf8).withUnsafeBufferPointer { zh.index(ofCanonical: $0) } >= 0)
        #expect(lexicon["en"].valence["acme cloud"] == 2.5 && lexicon["en"].valence["good"] == 1.9)
        let english = IndexedLexicon(lexicon["en"])
        let entry = english.table.index(of: "acme cloud")
        #expect(entry >= 0 && english.kinds[entry] == .term(2.5))
        #expect(english.phraseStarts[english.table.index(of: "acme")] == 2)
    }
}
