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
        and the rules that changed it (a third tsv column, or an "explain" key). A contrast \
        word ("but", "但是", "tapi") halves what comes before it and weighs what follows 1.5 \
        times: in English across the line (VADER's rule), in Chinese and Malay within its sentence.

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

    @Option(help: ArgumentHelp("Threads that score in parallel (default: the number of cores). Output keeps the input order. (Loading the lexicons takes a second thread for a few milliseconds wherever two cores are allowed.)", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    /// Input bytes per chunk: a thread scores one chunk of whole lines at a time.
    static let chunkBytes = 1 << 15
    /// Chunks read and not yet written, at most, for each thread (``OrderedChunks``): room for
    /// a slow thread (on a shared machine) to fall behind without holding the others up.
    static let chunksPerThread = 16

    func run() throws {
        StartupHeap.reserve()
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
        // Never freed: the process ends when the input does, and tearing the scorer's tables
        // down one by one (~1.5M instructions) would only delay the exit. (Compilers
        // skip freeing at exit for the same reason.)
        _ = Unmanaged.passRetained(KeptForExit(scorer))
        let language = lang == .auto ? nil : lang.rawValue
        let formatter = ScoreLineFormatter(jsonl: format == .jsonl, explain: explain)
        let explain = self.explain
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let jsonl = format == .jsonl
        let render = { @Sendable (chunk: [UInt8]) -> [UInt8] in
            if !jsonl, !explain {
                // TSV: the compound and language are all a line shows (a `ScoreResult` is not made).
                var out = ScoreLineFormatter.Output(capacity: chunk.count + chunk.count / 2)
                defer { out.deallocate() }
                let scratch = ScoreScratch()
                LineChunkReader.lines(of: chunk) { line in
                    let (compound, lang) = scorer.compound(utf8: line, language: language, scratch: scratch)
                    ScoreLineFormatter.appendTSV(compound: compound, lang: lang, to: &out)
                }
                return out.bytes
            }
            var out: [UInt8] = []
            out.reserveCapacity(chunk.count * (jsonl ? 4 : 1))
            // This chunk's buffers, reused from line to line.
            let scratch = ScoreScratch()
            LineChunkReader.lines(of: chunk) { line in
                formatter.append(scorer.score(utf8: line, language: language, explain: explain, aspects: jsonl, contributions: explain, scratch: scratch), to: &out)
            }
            return out
        }
        // Threads take the next chunk as they finish one, and whichever finishes the chunk next
        // in order writes it: no thread waits for a round's slowest chunk, and memory stays flat
        // however long the input.
        let chunks = OrderedChunks(reader: LineChunkReader(descriptor: 0), chunkBytes: ScoreCommand.chunkBytes,
                                   window: max(threads, 1) * ScoreCommand.chunksPerThread)
        try chunks.run(threads: threads, transform: render, write: ScoreCommand.writeOut)
    }

    /// Writes `bytes` to standard output with as few `write` calls as it takes.
    private static func writeOut(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    printError("cannot write to standard output (errno \(errno)); is the reader gone?")
                    throw ExitCode.failure
                }
                offset += written
            }
        }
    }
}

/// A value kept until the process exits (``ScoreCommand/run()``).
private final class KeptForExit<Value>: Sendable where Value: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
