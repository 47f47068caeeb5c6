import Foundation
import Testing
@testable import EarshotAnalysis

/// ``ListedText``: the negation rules compare a negator and the words around it with their
/// listed words on bytes. Each answer must be the `String` compare's (the sets' `contains`),
/// for every spelling, canonically equal ones included: decomposed letters, and Han characters
/// written as compatibility ideographs (不 as U+F967).
@Suite struct ListedTextTests {
    /// A token list whose lookup forms are `words`, as the tokenizer records them.
    private static func list(_ words: [Substring]) -> TokenList {
        let list = TokenList()
        for word in words {
            let start = list.pendingTextStart
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { list.appendText($0) }
            list.finish(textStart: start, raw: nil, clause: 0, flags: bytes.allSatisfy { $0 < 0x80 } ? .ascii : [], word: -1, roles: 0)
        }
        return list
    }

    /// The compatibility ideographs, by the unified character each decomposes to.
    private static let compatibility: [Unicode.Scalar: [Unicode.Scalar]] = {
        var found: [Unicode.Scalar: [Unicode.Scalar]] = [:]
        for value in Array(0xF900...0xFAFF) + Array(0x2F800...0x2FA1F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.count == 1, let target = decomposed.first, target != scalar { found[target, default: []].append(scalar) }
        }
        return found
    }()

    /// The listed words, the lexicons' negators and one key in ten of the rest, and their
    /// spellings: decomposed, each Han character in turn written as each compatibility ideograph
    /// equal to it, with a combining accent after it, and with the Kelvin sign for "k". (Held
    /// as bytes: a `Set<String>` would keep one spelling of each.)
    private static func texts() throws -> [String] {
        let scorer = try ScoreFixtures.scorer()
        var base = Set([SentimentScorer.neverNegators, SentimentScorer.emphaticWords, SentimentScorer.emphaticAfter,
                        SentimentScorer.chineseSuch, SentimentScorer.modalNegations].joined().map(\.description))
        base.formUnion(["without", "no", "doubt", "的"])
        for lexicon in scorer.indexed.values {
            for (index, key) in lexicon.table.keys.enumerated() {
                if case .negator = lexicon.kinds[index] { base.insert(key) } else if index % 10 == 0 { base.insert(key) }
            }
        }
        var texts = Set<[UInt8]>()
        func insert(_ text: String) { texts.insert(Array(text.utf8)) }
        for text in base {
            insert(text)
            insert(text.decomposedStringWithCanonicalMapping)
            insert(text + "\u{301}")
            insert(text.replacingOccurrences(of: "k", with: "\u{212A}"))
            let scalars = Array(text.unicodeScalars)
            for (position, scalar) in scalars.enumerated() {
                for replacement in compatibility[scalar] ?? [] {
                    var spelled = scalars
                    spelled[position] = replacement
                    insert(String(String.UnicodeScalarView(spelled)))
                }
            }
        }
        return texts.sorted { $0.lexicographicallyPrecedes($1) }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// A list as a `Set<String>`: what the rules compared with before ``ListedText`` (equal
    /// `String`s hash alike, canonically equal spellings included).
    private static func set(_ words: [StaticString]) -> Set<String> { Set(words.map(\.description)) }

    @Test func answersAsTheStringsCompare() throws {
        let (never, emphatic, after, such, modal) = (Self.set(SentimentScorer.neverNegators), Self.set(SentimentScorer.emphaticWords),
                                                     Self.set(SentimentScorer.emphaticAfter), Self.set(SentimentScorer.chineseSuch),
                                                     Self.set(SentimentScorer.modalNegations))
        var checked = 0, throughString = 0, listedThroughString = 0
        for text in try ListedTextTests.texts() {
            let words = text.split(separator: " ")
            guard !words.isEmpty, Array(words.joined(separator: " ").utf8) == Array(text.utf8) else { continue }
            let list = ListedTextTests.list(words)
            let listed = ListedText(list, 0..<list.count)
            checked += 1
            if listed.text != nil { throughString += 1 }
            #expect(listed.isNeverNegator == never.contains(text), "\(text.unicodeScalars.map(\.value))")
            #expect(listed.isModalNegation == modal.contains(text), "\(text.unicodeScalars.map(\.value))")
            #expect(listed.is("without") == (text == "without") && listed.is("no") == (text == "no"), "\(text.unicodeScalars.map(\.value))")
            if listed.text != nil, listed.isNeverNegator || listed.isEmphatic { listedThroughString += 1 }
            guard list.count == 1 else { continue }
            let token = ListedText(list, 0)
            #expect(token.isEmphatic == emphatic.contains(text), "\(text.unicodeScalars.map(\.value))")
            #expect(token.isEmphaticAfter == after.contains(text), "\(text.unicodeScalars.map(\.value))")
            #expect(token.isChineseSuch == such.contains(text), "\(text.unicodeScalars.map(\.value))")
            #expect(token.is("的") == (text == "的") && token.is("doubt") == (text == "doubt"), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(checked > 1000)
        #expect(throughString > 100)
        // Spellings such as 从来U+F967 (不) are listed words that only the `String` compare finds.
        #expect(listedThroughString > 0)
    }

    /// A span shown other than by its lookup forms is compared as its `String`.
    @Test func textComparesAsString() {
        #expect(ListedText("never").isNeverNegator && ListedText("could not").isModalNegation && !ListedText("nev").isNeverNegator)
        #expect(ListedText("\u{4ECE}\u{6765}\u{F967}").isNeverNegator)
    }
}
