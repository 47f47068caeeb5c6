import EarshotCore
import Foundation
@testable import EarshotAnalysis

/// The bundled lexicons and labelled sentence sets, shared by the score tests.
enum ScoreFixtures {
    /// The repository root, found from this file's path (Tests/EarshotAnalysisTests/ScoreFixtures.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lexiconFolder = root.appendingPathComponent("lexicons")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private static let loaded = Result { try LexiconLoader().load(from: lexiconFolder) }
    private static let sharedScorer = loaded.map { SentimentScorer(lexicon: $0) }

    /// The bundled lexicons (loaded once).
    static func lexicon() throws -> Lexicon { try loaded.get() }

    /// A scorer over the bundled lexicons (built once).
    static func scorer() throws -> SentimentScorer { try sharedScorer.get() }

    /// The spans that the span search finds in `text` read as `language` with `chain`, its
    /// tokens left in `list`.
    static func spans(_ text: String, language: String, scorer: SentimentScorer, chain: [IndexedLexicon], list: TokenList) -> [TermSpan] {
        let kind = ScoreLanguage(language)
        scorer.tokenizer.tokens(text, language: language, into: list)
        scorer.findSpans(list, chain: chain, entries: ChainEntries(language: kind), language: kind)
        return Array(list.spans)
    }

    /// One line of a labelled set: `label<TAB>sentence`.
    struct Labelled: Sendable {
        var label: Polarity
        var text: String
        var line: Int
    }

    /// Reads `Fixtures/<set>_<language>.tsv`: `labelled` (the sets the lexicons were checked
    /// against) or `holdout` (written later and never tuned on).
    static func labelled(_ language: String, set: String = "labelled") throws -> [Labelled] {
        let file = fixtures.appendingPathComponent("\(set)_\(language).tsv")
        let text = try String(contentsOf: file, encoding: .utf8)
        var rows: [Labelled] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let label = ["pos": Polarity.positive, "neu": .neutral, "neg": .negative][String(fields[0])] else {
                throw EarshotError(.parse, "expected label<TAB>sentence with label pos, neu or neg", place: .init(file: file.path, line: index + 1))
            }
            rows.append(Labelled(label: label, text: String(fields[1]), line: index + 1))
        }
        return rows
    }
}
