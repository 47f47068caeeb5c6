import ArgumentParser
import EarshotAnalysis
import EarshotCore
import Foundation
import Synchronization

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

    @Option(help: ArgumentHelp("Threads that score in parallel (default: the number of cores). Output keeps the input order.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    /// Input bytes per chunk: a thread scores one chunk of whole lines at a time.
    static let chunkBytes = 1 << 15
    /// Chunks read per round for each thread: threads take chunks as they finish, so one
    /// slow thread (on a shared machine) holds up less of a round. A round ends when its
    /// last chunk is scored, so rounds of many small chunks leave threads idle for less.
    static let chunksPerThread = 16

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
        let formatter = ScoreLineFormatter(jsonl: format == .jsonl, explain: explain)
        let explain = self.explain
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Reads a round of chunks, scores them in parallel, writes their output in input
        // order, and repeats: memory stays flat however long the input.
        var reader = LineChunkReader(descriptor: 0)
        while true {
            var chunks: [[UInt8]] = []
            while chunks.count < (threads > 1 ? threads * ScoreCommand.chunksPerThread : 1), let chunk = reader.next(size: ScoreCommand.chunkBytes) { chunks.append(chunk) }
            if chunks.isEmpty { break }
            let batch = chunks
            var outputs = [[UInt8]](repeating: [], count: batch.count)
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
            if batch.count == 1 {
                outputs[0] = render(batch[0])
            } else {
                outputs.withUnsafeMutableBufferPointer { buffer in
                    // Each iteration writes its own element only.
                    nonisolated(unsafe) let results = buffer
                    // `threads` workers (this thread and threads of their own: libdispatch's
                    // concurrentPerform ran serially on a loaded machine) take the next chunk as
                    // they finish one.
                    let next = ChunkCounter()
                    let work = { @Sendable in
                        while let index = next.take(below: batch.count) { results[index] = render(batch[index]) }
                    }
                    let helpers = min(threads, batch.count) - 1
                    let finished = DispatchSemaphore(value: 0)
                    for _ in 0..<helpers {
                        Thread.detachNewThread {
                            work()
                            finished.signal()
                        }
                    }
                    work()
                    for _ in 0..<helpers { finished.wait() }
                }
            }
            for output in outputs { try ScoreCommand.writeOut(output) }
        }
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

/// The next chunk index for ``ScoreCommand``'s workers to take.
final class ChunkCounter: Sendable {
    private let next = Mutex(0)

    /// The next index, or nil once `count` have been taken.
    func take(below count: Int) -> Int? {
        next.withLock { value in
            guard value < count else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
