import EarshotCore
import Foundation
import Testing
@testable import EarshotAnalysis

/// A broken lexicon line, and the message the loader must give for it.
struct BrokenLine: Sendable, CustomTestStringConvertible {
    var file: String
    var contents: String
    var line: Int
    var message: String

    var testDescription: String { "\(file):\(line): \(message)" }
}

@Suite("LexiconLoader")
struct LexiconLoaderTests {
    @Test func loadsTheBundledLexicons() throws {
        let lexicon = try ScoreFixtures.lexicon()
        let en = lexicon["en"], zh = lexicon["zh"], ms = lexicon["ms"]
        #expect(en.valence.count > 7_500)
        #expect(en.valence["no reply"] == -2.2)
        #expect(en.negators["not"] == SentimentScorer.negationScalar)
        #expect(en.boosters["kind of"] == -0.293)
        #expect(en.maxPhraseWords >= 4)
        #expect(zh.valence.count > 900 && zh.words.count > 2_000)
        #expect(zh.negators["不太"] == -0.5)
        #expect(zh.postBoosters["死了"] == 0.35 && zh.boosters["死了"] == nil)
        #expect(ms.boosters["sangat"] == 0.293 && ms.postBoosters["sangat"] == 0.293)
        #expect(ms.postBoosters["sekali"] != nil && ms.boosters["sekali"] == nil)
        #expect(ms.normalise["xpuas"] == ["tak", "puas"])
        #expect(ms.aspects["penghantaran"]?.touchpoint == .experience)
        #expect(lexicon.emoji["❤"] == 3 && lexicon.emoji["❤️"] == nil)
    }

    static let broken: [BrokenLine] = [
        BrokenLine(file: "en/valence.tsv", contents: "good\t1.9\n# comment\n\nbad\tminus two\n", line: 4,
                   message: "valence 'minus two' must be a number from -4 to 4"),
        BrokenLine(file: "en/cx.tsv", contents: "refund hell\t-9\n", line: 1,
                   message: "valence '-9' must be a number from -4 to 4"),
        BrokenLine(file: "zh/valence.tsv", contents: "好\t2\n差\t-2\tnote\textra\n", line: 2,
                   message: "expected 2 to 3 TAB-separated fields, found 4"),
        BrokenLine(file: "ms/valence.tsv", contents: "bagus\n", line: 1,
                   message: "expected 2 to 3 TAB-separated fields, found 1"),
        BrokenLine(file: "en/valence.tsv", contents: "good\t\tnote\n", line: 1, message: "field 2 is empty"),
        BrokenLine(file: "ms/aspects.tsv", contents: "# aspects\nservis\tsupport\tservices\n", line: 2,
                   message: "touchpoint 'services' must be 'service' or 'experience'"),
        BrokenLine(file: "en/aspects.tsv", contents: "parcel\tshipping\texperience\n", line: 1,
                   message: "aspect 'shipping' is not one of the experience aspects (app, delivery, packaging, price, product)"),
        BrokenLine(file: "zh/boosters.tsv", contents: "很\t0.293\n死了\t0.35\tbehind\n", line: 2,
                   message: "booster position 'behind' must be 'before', 'after' or 'both'"),
        BrokenLine(file: "en/boosters.tsv", contents: "very\t2.5\n", line: 1,
                   message: "booster weight '2.5' must be a number from -1 to 1"),
        BrokenLine(file: "ms/negators.txt", contents: "tak\t0.5\n", line: 1,
                   message: "negation factor '0.5' must be a number from -1 to 0"),
        BrokenLine(file: "ms/normalise.tsv", contents: "x tak\ttak\n", line: 1, message: "variant 'x tak' must be one word"),
        BrokenLine(file: "emoji.tsv", contents: "😀\t2.0\tgrinning face\n😡\tangry\tpouting face\n", line: 2,
                   message: "valence 'angry' must be a number from -4 to 4"),
        // Saved on Windows: each "\r\n" ends one line.
        BrokenLine(file: "en/valence.tsv", contents: "good\t1.9\r\n# comment\r\n\r\nbad\tminus two\r\n", line: 4,
                   message: "valence 'minus two' must be a number from -4 to 4"),
    ]

    /// Files saved on Windows ("\r\n") or old Macs ("\r") are read line by line like "\n" files.
    @Test func carriageReturnsEndLines() throws {
        let folder = try temporaryLexicons([
            "en/valence.tsv": "good\t1.9\r\nno reply\t-2.2\tnote\r\n\r\nrefund\t-0.5\r\n",
            "zh/valence.tsv": "好\t2\r差\t-2\r",
            "ms/normalise.tsv": "xpuas\ttak puas\r\nsgt\tsangat",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lexicon = try LexiconLoader().load(from: folder)
        #expect(lexicon["en"].valence == ["good": 1.9, "no reply": -2.2, "refund": -0.5])
        #expect(lexicon["zh"].valence == ["好": 2, "差": -2])
        #expect(lexicon["ms"].normalise == ["xpuas": ["tak", "puas"], "sgt": ["sangat"]])
    }

    @Test("A broken line fails as file:line: what is wrong", arguments: broken)
    func brokenLine(_ broken: BrokenLine) throws {
        let folder = try temporaryLexicons([broken.file: broken.contents])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(broken.file).path
        do {
            _ = try LexiconLoader().load(from: folder)
            Issue.record("loaded a lexicon with a broken line")
        } catch let error as EarshotError {
            #expect(error.code == .lexicon)
            #expect(error.place == EarshotError.Place(file: path, line: broken.line))
            #expect(error.description == "\(path):\(broken.line): \(broken.message)")
        }
    }

    /// The Chinese and Malay files are read on a second thread (``SideThread``), yet with
    /// several files broken the error is the one of reading them in turn: en, zh, ms, emoji.
    @Test("With several broken files the first in the order en, zh, ms, emoji is reported", arguments: [
        (["en/valence.tsv", "zh/valence.tsv", "ms/valence.tsv", "emoji.tsv"], "en/valence.tsv"),
        (["zh/valence.tsv", "ms/valence.tsv", "emoji.tsv"], "zh/valence.tsv"),
        (["ms/valence.tsv", "emoji.tsv"], "ms/valence.tsv"),
        (["emoji.tsv"], "emoji.tsv"),
    ])
    func firstBrokenFileInOrder(_ broken: [String], _ reported: String) throws {
        let folder = try temporaryLexicons(Dictionary(uniqueKeysWithValues: broken.map { ($0, "fine\t1\nbroken\tlots\n") }))
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try LexiconLoader().load(from: folder)
        } throws: { error in
            (error as? EarshotError)?.place == EarshotError.Place(file: folder.appendingPathComponent(reported).path, line: 2)
        }
    }

    @Test func aMissingFolderSaysWhereToPointTheConfig() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-none-\(UUID().uuidString)")
        #expect {
            try LexiconLoader().load(from: folder)
        } throws: { error in
            let error = error as? EarshotError
            return error?.code == .lexicon && error?.message.contains("lexicons:") == true
        }
    }

    @Test func optionalColumnsAndCommentsAreRead() throws {
        let folder = try temporaryLexicons([
            "zh/boosters.tsv": "\u{FEFF}很\t0.293\n死了\t0.35\tafter\n无比\t0.35\tboth\n",
            "zh/negators.txt": "不\n不太\t-0.5\n",
            "ms/normalise.tsv": "xpuas\ttak puas\tnote\r\n",
            "emoji.tsv": "❤️\t3\tred heart\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let lexicon = try LexiconLoader().load(from: folder)
        #expect(lexicon["zh"].boosters == ["很": 0.293, "无比": 0.35])
        #expect(lexicon["zh"].postBoosters == ["死了": 0.35, "无比": 0.35])
        #expect(lexicon["zh"].negators == ["不": SentimentScorer.negationScalar, "不太": -0.5])
        #expect(lexicon["ms"].normalise == ["xpuas": ["tak", "puas"]])
        #expect(lexicon.emoji == ["❤": 3])
    }

    /// The loader's decimal reading gives `Double(text)` wherever it answers, and answers for
    /// the plain decimals the lexicons use.
    @Test func decimalsReadAsDoubleReadsThem() throws {
        var texts = ["0", "-0", "1", "-4", "4.0", "0.293", "-0.293", "-0.74", "1.9", "2.25", "-3.1", "0.1", "0.7", "3.3333333",
                     "123456789012345", "1234567.89012345", "0.000000000000001", ".5", "1.", "-", "", "+1", "1e3", "1.2.3", "--1", "nan",
                     "1234567890123456", " 1", "1 "]
        for whole in 0...40 {
            for tenths in 0...9 { texts.append("\(whole / 10).\(whole % 10)\(tenths)") }
        }
        let lexicon = try ScoreFixtures.lexicon()
        for language in LexiconLoader.languages {
            texts.append(contentsOf: lexicon[language].valence.values.map { String($0) })
        }
        var answered = 0
        for text in texts {
            guard let value = LexiconLoader.decimal(text) else { continue }
            answered += 1
            let expected = try #require(Double(text), "\(text)")
            #expect(value == expected && value.sign == expected.sign, "\(text)")
        }
        #expect(answered > 400)
        #expect(LexiconLoader.decimal("0.293") == 0.293 && LexiconLoader.decimal("1e3") == nil && LexiconLoader.decimal("1.") == nil)
    }

    /// A lexicon folder with a minimal English valence file plus `files` (relative path → contents).
    private func temporaryLexicons(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-lexicons-\(UUID().uuidString)")
        var all = ["en/valence.tsv": "good\t1.9\n"]
        all.merge(files) { _, new in new }
        for (path, contents) in all {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: file)
        }
        return folder
    }
}
