import Testing
@testable import EarshotAnalysis

/// ``ScalarFlags`` answers as the dictionary it is built from does.
@Suite struct ScalarFlagsTests {
    /// The tokenizer's table: Chinese punctuation, with whether it breaks a clause; a Han
    /// character or ASCII is not in it. Then a table whose values share slots, against its
    /// dictionary, for every value up to U+10000 and the last two scalars.
    @Test func answersAsItsDictionary() throws {
        let tokenizer = Tokenizer(lexicon: try LexiconLoader().load(from: ScoreFixtures.lexiconFolder))
        #expect(tokenizer.bytePunctuation[0xFF0C] == true, "，breaks a clause")
        #expect(tokenizer.bytePunctuation[0x3002] == true, "。breaks a clause")
        #expect(tokenizer.bytePunctuation[0x300C] == false, "「 does not")
        #expect(tokenizer.bytePunctuation[0x4E0D] == nil, "不 is a Han character")
        #expect(tokenizer.bytePunctuation[0x2C] == nil, "ASCII is read apart")
        // A table of its own, with values that share slots, against its dictionary.
        let sample: [UInt32: Bool] = [0x3002: true, 0xFF01: true, 0x201C: false, 0x00B7: false, 0x2014: false, 64: true, 128: false, 0x10FFFF: true]
        let flags = ScalarFlags(sample)
        var mismatches: [UInt32] = []
        for value in (0...0x1_0000 as ClosedRange<UInt32>) + [0x10FFFF, 0x10FFFE] where flags[value] != sample[value] { mismatches.append(value) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        #expect(Set(flags.values) == Set(sample.keys))
        #expect(ScalarFlags([:])[0x3002] == nil)
    }
}
