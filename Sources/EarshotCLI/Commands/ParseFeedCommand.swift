import ArgumentParser
import EarshotCore
import EarshotIngest
import Foundation

/// `earshot parse-feed`: a feed as JSON, for checking a source before adding it.
struct ParseFeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-feed",
        abstract: "Parse one feed, review page or JSON Feed file and print it as JSON.",
        discussion: """
        Prints {"format","title","link","items":[{"id","title","link","published","updated",\
        "author","summary","content","rating"}]}: every key always present (null when absent), \
        items in document order, dates in UTC ISO-8601. format is rss20, rss09x, rss10, rss, \
        atom10, atom03, atom, json or review-page. Reads only the named file (- for stdin) and \
        never the network. Exit 0 (with a warning on stderr when an ill-formed document was \
        recovered), or 1 with one line on stderr when nothing could be read.
        """)

    @Argument(help: ArgumentHelp("The file to parse, or - for standard input.", valueName: "file"))
    var file: String

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file): cannot read the file; check the path")
                throw ExitCode(1)
            }
            bytes = [UInt8](data)
        }
        let document: FeedDocument
        do {
            let source = SourceConfig(id: "parse-feed", url: file)
            document = try DocumentParser().parse(FetchedDocument(source: source.id, bytes: bytes, finalURL: file, fetchedAt: Date()), source: source)
        } catch let error as EarshotError {
            let message = error.message.hasPrefix(file + ":") ? error.message : "\(file): \(error.message)"
            printError(message.replacingOccurrences(of: "\n", with: " "))
            throw ExitCode(1)
        }
        if document.illFormed, let warning = document.warnings.first {
            printError("warning: " + warning.replacingOccurrences(of: "\n", with: " "))
        }
        var output = OutputBuffer()
        output.append("{\"format\":\(JSONText.quote(document.format.rawValue)),\"title\":\(JSONText.quote(document.title)),")
        output.append("\"link\":\(JSONText.quote(document.link)),\"items\":[")
        for (index, item) in document.items.enumerated() {
            if index > 0 { output.append(",") }
            output.append("\n{\"id\":\(JSONText.quote(item.id)),\"title\":\(JSONText.quote(item.title)),\"link\":\(JSONText.quote(item.link)),")
            output.append("\"published\":\(JSONText.quote(item.published.map(ParseFeedCommand.iso))),")
            output.append("\"updated\":\(JSONText.quote(item.updated.map(ParseFeedCommand.iso))),")
            output.append("\"author\":\(JSONText.quote(item.author)),\"summary\":\(JSONText.quote(item.summary)),")
            output.append("\"content\":\(JSONText.quote(item.content)),\"rating\":\(item.rating.map(JSONText.number) ?? "null")}")
        }
        output.append("]}\n")
        output.flush()
    }

    /// UTC ISO-8601 to the second.
    static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = Day(ordinal: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.ordinal * 86_400
        return "\(day)T" + String(format: "%02d:%02d:%02dZ", rest / 3600, (rest % 3600) / 60, rest % 60)
    }
}
