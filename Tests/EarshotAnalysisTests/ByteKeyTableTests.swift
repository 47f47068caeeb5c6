import Testing
@testable import EarshotAnalysis

/// ``ByteKeyTable`` answers as the `Dictionary` it is built from, `String` equality included.
@Suite struct ByteKeyTableTests {
    /// The eight-byte, four-byte (overlapping last loads) and first-middle-last steps of `starts(at:with:)` agree with a byte-by-byte
    /// comparison at every offset and length up to 20 bytes, with the difference at each place.
    @Test func startsAtAgreesWithAByteComparison() {
        let text: [UInt8] = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var wrong: [String] = []
        text.withUnsafeBufferPointer { bytes in
            for offset in 0..<text.count {
                for length in 0...min(20, text.count - offset) {
                    var other = Array(text[offset..<(offset + length)])
                    for changed in -1..<length {
                        if changed >= 0 { other[changed] ^= 0x20 }
                        let expected = Array(text[offset..<(offset + length)]) == other
                        let found = other.withUnsafeBufferPointer { bytes.starts(at: offset, with: $0) }
                        if found != expected { wrong.append("offset \(offset), length \(length), byte \(changed) changed") }
                        if changed >= 0 { other[changed] ^= 0x20 }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first: \(wrong.prefix(3))")
    }

    /// The unrolled hash is FNV-1a of every byte, folded, at every length (each of the last
    /// one to three bytes counts).
    @Test func hashIsFNV1aAtEveryLength() {
        let text: [UInt8] = Array("物流太慢abcdefghijklmnop".utf8)
        for length in 0...text.count {
            var expected: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text[..<length] { expected = (expected ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            let found = text.withUnsafeBufferPointer { ByteKeyTable<Int>.hash(UnsafeBufferPointer(rebasing: $0[..<length])) }
            #expect(found == UInt32(truncatingIfNeeded: expected ^ (expected >> 32)), "length \(length)")
        }
    }

    @Test func findsWhatTheDictionaryFinds() throws {
        let lexicon = try ScoreFixtures.lexicon()
        var dictionary: [String: Double] = [:]
        for language in LexiconLoader.languages { dictionary.merge(lexicon[language].valence) { first, _ in first } }
        let table = ByteKeyTable(dictionary)
        for (key, value) in dictionary { #expect(table[key] == value, "\(key)") }
        for missing in ["", "zzzq", "goo", "goodd", "不存在的词", "😡x", "a b c d"] { #expect(table[missing] == dictionary[missing], "\(missing)") }
    }

    /// A built table compares each key's record (index, byte count, bytes): keys of every
    /// length from 0 to 40, the empty key among them, give their own index, and a key's
    /// prefixes and extensions that are no key give -1.
    @Test func recordsFindEveryLengthAndNoPrefix() {
        let keys = (0...40).map { String(repeating: "x", count: $0) + (($0 % 3 == 0) ? "" : "y") }
        var builder = ByteKeyTable<Int>.Builder()
        for (index, key) in keys.enumerated() { #expect(builder.index(of: key, adding: index) == index) }
        let table = ByteKeyTable(builder)
        for (index, key) in keys.enumerated() { #expect(table.index(of: key) == index, "\(key.utf8.count) bytes") }
        for missing in ["y", "xy" + "y", String(repeating: "x", count: 41) + "y", "z", String(repeating: "x", count: 2)] {
            #expect(table.index(of: missing) == (keys.firstIndex(of: missing) ?? -1), "\(missing)")
        }
    }

    @Test func emptyTableFindsNothing() {
        let table = ByteKeyTable<Int>([:])
        #expect(table["a"] == nil)
        #expect(table[""] == nil)
    }

    /// "\u{212A}" (the Kelvin sign) is canonically "K": a `String` key matches either spelling,
    /// and so must the table, though their bytes differ.
    @Test func canonicalEquivalentsMatchAsStringsDo() {
        let table = ByteKeyTable(["\u{212A}elvin": 1, "caf\u{E9}": 2])
        #expect(table["Kelvin"] == 1)
        #expect(table["\u{212A}elvin"] == 1)
        #expect(table["cafe\u{301}"] == 2)
        #expect(table["caf\u{E9}"] == 2)
        let plain = ByteKeyTable(["Kelvin": 1, "好评": 2])
        #expect(plain["\u{212A}elvin"] == 1)
        #expect(plain["好评"] == 2)
        #expect(plain["好"] == nil)
    }

    /// A phrase looked up in place (``TokenList/phraseBytes(_:)``) finds what its joined text finds.
    @Test func phraseLookupMatchesJoinedText() throws {
        let scorer = try ScoreFixtures.scorer()
        let text = "kind of slow, customer service never replied"
        let tokens = scorer.tokenizer.tokens(text)
        let list = TokenList()
        scorer.tokenizer.tokens(text, language: nil, into: list)
        let english = try #require(scorer.chains["en"]?.first)
        for start in tokens.indices {
            for length in 2...4 where start + length <= tokens.count {
                let end = start + length
                let phrase = tokens[start..<end].map(\.text).joined(separator: " ")
                #expect(list.phrase(start..<end) == phrase)
                let found = english.table.index(forKeyBytes: list.phraseBytes(start..<end))
                #expect(found == english.table.index(of: phrase), "\(phrase)")
            }
        }
    }
}
