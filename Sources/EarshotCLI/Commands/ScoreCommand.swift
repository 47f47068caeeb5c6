import ArgumentParser
import EarshotAnalysis
import EarshotCore
import Foundation

/// `earshot score`: sentiment of each line of standard input.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score the sentiment of each line of standard input (UTF-8), streaming.",
        discussion: """
        Writes one line per input line, in order. tsv: compound<TAB>lang. jsonl: an object with \
        compound, pos, neu, neg, lang and aspects. The compound is in [-1, 1]: >= 0.05 positive, \
        <= -0.05 negative, neutral between. --explain adds each term that counted, its valence \
        and the rules that changed it (a third tsv column, or an "explain" key).

        Example: echo "love the app but support never replied" | earshot score --format jsonl
        """)

    enum Language: String, ExpressibleByArgument, CaseIterable { case auto, en, zh, ms }
    enum Format: String, ExpressibleByArgument, CaseIterable { case tsv, jsonl }

    @Option(help: "The language of the input, or auto to detect it per line.")
    var lang: Language = .auto

    @Option(help: "Output format.")
    var format: Format = .tsv

    @Flag(help: "Explain each score: terms, valences and rules.")
    var explain = false

    @Option(help: ArgumentHelp("The lexicons folder (default: the bundled lexicons/).", valueName: "dir"))
    var lexicons: String?

    func run() throws {
        let folder: URL
        if let lexicons {
            folder = URL(fileURLWithPath: lexicons)
        } else if let found = InstallLayout.lexicons(for: nil) {
            folder = found
        } else {
            printError("no lexicons folder found; pass --lexicons DIR")
            throw ExitStatus.usage
        }
        let scorer: SentimentScorer
        do {
            scorer = SentimentScorer(lexicon: try LexiconLoader().load(from: folder))
        } catch {
            printError(String(describing: error))
            throw ExitStatus.usage
        }
        let language = lang == .auto ? nil : lang.rawValue
        var output = OutputBuffer()
        while let line = readLine(strippingNewline: true) {
            let result = scorer.score(line, language: language)
            output.append(format == .tsv ? tsv(result) : jsonl(result))
            output.append("\n")
        }
        output.flush()
    }

    private func tsv(_ result: ScoreResult) -> String {
        var line = String(format: "%.4f", result.sentiment.compound) + "\t" + result.lang
        if explain {
            line += "\t" + result.contributions.map { c in
                String(format: "%@ %+.3f→%+.3f", c.term, c.base, c.final) + (c.rules.isEmpty ? "" : " [" + c.rules.joined(separator: "; ") + "]")
            }.joined(separator: " | ")
        }
        return line
    }

    private func jsonl(_ result: ScoreResult) -> String {
        let s = result.sentiment
        var object = String(format: "{\"compound\":%.4f,\"pos\":%.3f,\"neu\":%.3f,\"neg\":%.3f,\"lang\":", s.compound, s.pos, s.neu, s.neg)
        object += JSONText.quote(result.lang) + ",\"aspects\":{"
        object += result.aspects.map { JSONText.quote($0.aspect) + String(format: ":{\"touchpoint\":\"%@\",\"compound\":%.4f}", $0.touchpoint.rawValue, $0.compound) }
            .joined(separator: ",")
        object += "}"
        if explain {
            object += ",\"explain\":[" + result.contributions.map { c in
                "{\"term\":\(JSONText.quote(c.term)),\"valence\":\(JSONText.number(c.base)),\"final\":\(JSONText.number(c.final)),\"rules\":[\(c.rules.map(JSONText.quote).joined(separator: ","))]}"
            }.joined(separator: ",") + "]"
        }
        return object + "}"
    }
}

/// Collects output and writes it to stdout in large blocks.
struct OutputBuffer {
    private var buffer = ""

    mutating func append(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
