import ArgumentParser
import EarshotCore
import EarshotIngest
import Foundation

/// `earshot parse-feed`: a feed as JSON, for checking a source before adding it.
///
/// An RSS, RDF or Atom file over 4 MB that says it is UTF-8 is streamed: each item is written as
/// soon as it is parsed, so memory stays flat on a feed of any size. Its bytes are checked to be
/// UTF-8 chunk by chunk as they are read; from the first that is not, the file is read whole by
/// ``DocumentParser`` (which finds the real encoding) and the items not yet written come from
/// that. Anything else (small files, JSON Feed, review pages, other encodings, standard input)
/// goes through ``DocumentParser`` whole.
struct ParseFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-feed",
        abstract: "Parse one feed, review page or JSON Feed file and print it as JSON.",
        discussion: """
        Prints {"format","title","link","items":[{"id","title","link","published","updated",\
        "author","summary","content","rating"}]}: every key always present (null when absent), \
        items in document order, dates in UTC ISO-8601. format is rss20, rss09x, rss10, rss, \
        atom10, atom03, atom, json or review-page. Items are written as they are parsed, so the \
        feed's title and link are those read before the first item. Reads only the named file \
        (- for stdin) and never the network. Exit 0 (with a warning on stderr when an ill-formed \
        document was recovered), or 1 with one line on stderr when nothing could be read (the \
        output then stops where the error was found).
        """)

    @Argument(help: ArgumentHelp("The file to parse, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp(
        "The charset a server named for this file (the charset of its HTTP Content-Type), as `earshot run` would get it; it outranks the document's own declaration (RFC 7303). The file is then read whole.",
        valueName: "label"))
    var charset: String?

    func run() throws {
        var output = FeedJSONWriter()
        let document: FeedDocument
        do {
            if file != "-", charset == nil, ParseFeedCommand.size(of: file) > ParseFeedCommand.streamingThreshold,
               let head = XMLFeedParser.head(ofFile: file), XMLFeedParser.canStream(head: head) {
                do {
                    document = try XMLFeedParser().parseStreamed(contentsOfFile: file, requireUTF8: true) { item, header in
                        try output.item(item, header: header)
                    }
                } catch let notUTF8 as XMLFeedParser.NotUTF8 {
                    // A feed that says UTF-8 but is not (often Windows-1252) is read whole by
                    // DocumentParser, which finds the real encoding; the items written before the
                    // first byte that is not UTF-8 (all valid UTF-8) are not written again.
                    let whole = try parseWhole()
                    for item in whole.items.dropFirst(notUTF8.handedOut) { try output.item(item, header: whole) }
                    document = whole
                }
            } else {
                document = try parseWhole()
                for item in document.items { try output.item(item, header: document) }
            }
            try output.finish(document)
        } catch let error as EarshotError {
            try? output.flush()
            let message = error.message.hasPrefix(file + ":") ? error.message : "\(file): \(error.message)"
            printError(message.replacingOccurrences(of: "\n", with: " "))
            throw ExitCode(1)
        } catch let error as FeedJSONWriter.WriteError {
            printError("\(file): \(error)")
            throw ExitCode(1)
        }
        if document.illFormed, let warning = document.warnings.first {
            printError("warning: " + warning.replacingOccurrences(of: "\n", with: " "))
        }
    }

    /// Reads the whole input and parses it by its content.
    private func parseWhole() throws -> FeedDocument {
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw EarshotError(.parse, "\(file): cannot read the file; check the path")
            }
            bytes = [UInt8](data)
        }
        let source = SourceConfig(id: "parse-feed", url: file)
        return try DocumentParser().parse(FetchedDocument(source: source.id, bytes: bytes, finalURL: file, charset: charset, fetchedAt: Date()), source: source)
    }

    /// Files larger than this are streamed when they are UTF-8 feeds; smaller ones go through
    /// ``DocumentParser`` whole, with all its encoding detection and repair (a small file costs
    /// little memory either way).
    static let streamingThreshold = 4 << 20

    /// The size of the file at `path` in bytes (a symbolic link followed), or 0 when it cannot be read.
    /// (`stat` itself: Foundation's attribute dictionary cost ~0.6M instructions of run-time
    /// type lookups at every start.)
    private static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// UTC ISO-8601 to the second.
    static func iso(_ date: Date) -> String {
        let bytes = TextOutput(capacity: 32)
        FeedJSONWriter.appendISO(date, to: bytes)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }
}
