import Testing
@testable import EarshotAnalysis

/// ``MalayNormaliser``'s affix removal reads an ASCII word on its bytes and any other word as a
/// `String`, by one rule: a word that differs from an ASCII word only in one letter (é for e)
/// is stemmed the same way.
struct MalayStemTests {
    private static let normaliser: MalayNormaliser = {
        var ms = LanguageLexicon()
        ms.valence = ["kafe": 1, "kafé": 1]
        return MalayNormaliser(lexicon: Lexicon(languages: ["ms": ms, "en": LanguageLexicon()], emoji: [:]))
    }()

    @Test(arguments: [
        "ber*", "di*", "ke*", "ter*", "per*", "memper*", "diper*", "*nya", "*lah", "*kah", "*kan", "*an", "*i", "ber*lah",
        "di*kan", "ke*an", "di*kannya", "ke*annya", "meng$", "peng$", "meng$kan", "peng$an", "ketidak*an", "tidak*", "tak*",
        "ber*an-", "*", "se*",
    ])
    func asciiAndOtherWordsStemAlike(pattern: String) {
        // `*` is the stem; `$` is the stem without its first letter (meN-/peN- before a vowel, `k` restored).
        func word(_ stem: String) -> String {
            pattern.reduce(into: "") { word, character in
                word += character == "*" ? stem : character == "$" ? String(stem.dropFirst()) : String(character)
            }
        }
        let ascii = MalayStemTests.normaliser.words(word("kafe")), other = MalayStemTests.normaliser.words(word("kafé"))
        #expect(other == ascii.map { $0 == "kafe" ? "kafé" : $0 == word("kafe") ? word("kafé") : $0 })
    }

    /// The words the rule must reduce are reduced (so that the test above compares stems, not
    /// words left as written).
    @Test func affixesAreRemoved() {
        let normaliser = MalayStemTests.normaliser
        #expect(normaliser.words("berkafe") == ["kafe"])
        #expect(normaliser.words("mengafekannya") == ["kafe"])
        #expect(normaliser.words("ketidakkafean") == ["tidak", "kafe"])
        #expect(normaliser.words("dikafékan") == ["kafé"])
        #expect(normaliser.words("pengafé") == ["kafé"])
        #expect(normaliser.words("sekafe") == ["sekafe"])
    }

    /// ``MalayNormaliser/hasNoAffix(_:)``'s packed compare agrees with comparing the affix texts:
    /// every affix alone, cut short, before or after stems of 0 to 12 letters, and not ASCII.
    @Test func packedAffixTestMatchesTheAffixTexts() {
        let suffixes = MalayNormaliser.suffixes, prefixes = MalayNormaliser.prefixes.map(\.0)
        let stems = ["", "a", "k", "ya", "kafe", "sekolah", "ambilkanlah", "tidakkah", "bermain", "kafé", "é", "menyanyi2"]
        var words: Set<String> = []
        for affix in suffixes + prefixes {
            for cut in 0...affix.count { words.insert(String(affix.prefix(cut))); words.insert(String(affix.suffix(cut))) }
            for stem in stems { words.insert(stem + affix); words.insert(affix + stem) }
        }
        for stem in stems { words.insert(stem); words.insert(stem + stem) }
        var affixed = 0
        for word in words {
            let expected = word.utf8.allSatisfy { $0 < 0x80 } && !suffixes.contains(where: word.hasSuffix) && !prefixes.contains(where: word.hasPrefix)
            var bytes = word
            let found = bytes.withUTF8 { MalayStemTests.normaliser.hasNoAffix($0) }
            #expect(found == expected, "\(word)")
            if !expected { affixed += 1 }
        }
        #expect(affixed > 100 && affixed < words.count - 10)
    }
}
