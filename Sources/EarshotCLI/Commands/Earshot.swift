import ArgumentParser
import Foundation

/// The `earshot` command.
@main
struct Earshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "earshot",
        abstract: "Social listening from cron: what people say about your brand and its competitors, and an alert when it turns sour.",
        discussion: """
        A run fetches the sources in earshot.yaml (RSS, Atom, JSON Feed, review pages with \
        schema.org reviews, app-store review feeds, CSV exports), finds brand mentions, scores \
        their sentiment in English, Chinese and Malay, splits it into customer service and \
        customer experience, computes a trust score from star ratings, alerts on negative \
        spikes, and writes reports (HTML, Markdown, CSV, JSON).

        Start with: earshot run --as-of 2026-11-20   (the bundled demo)
        Schedule:   0 * * * * cd /srv/earshot && earshot run --config earshot.yaml
        """,
        subcommands: [RunCommand.self, ScoreCommand.self, ParseFeedCommand.self, BacktestCommand.self],
        defaultSubcommand: nil)

    /// Parses and runs the command, mapping ArgumentParser's usage errors (its status 64) to
    /// earshot's documented status 2.
    static func main() async {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let command = plainScoreCommand(arguments) {
                try command.run()
                return
            }
            if let command = plainParseFeedCommand(arguments) {
                try command.run()
                return
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// The ``ScoreCommand`` that ArgumentParser would parse from `arguments` when they are
    /// `score` and its options in their plain form, each at most once (`--lang`, `--format`,
    /// `--lexicons` and `--jobs` with a value that is no option, `--explain`), with values
    /// that parse and pass ``ScoreCommand/validate()``; nil for anything else (help, `=`
    /// values, repeats, errors...), which ArgumentParser parses and reports on.
    ///
    /// `earshot score` is started once per batch of lines, and its start-up is serial:
    /// ArgumentParser's parse reflects over every command's properties and casts each to its
    /// protocols, about 21M of the 158M instructions of a start-up (most of them first-time
    /// protocol-conformance scans of the whole binary). The defaults below are ScoreCommand's;
    /// EarshotTests checks that both parses agree.
    static func plainScoreCommand(_ arguments: [String]) -> ScoreCommand? {
        guard arguments.first == "score" else { return nil }
        var lang: ScoreCommand.Language?, format: ScoreCommand.Format?, explain = false
        var lexicons: String?, jobs: Int?
        var rest = arguments.dropFirst()
        while let name = rest.popFirst() {
            if name == "--explain" {
                guard !explain else { return nil }
                explain = true
                continue
            }
            guard let value = rest.popFirst(), let first = value.utf8.first, first != UInt8(ascii: "-") else { return nil }
            switch name {
            case "--lang":
                guard lang == nil, let parsed = ScoreCommand.Language(rawValue: value) else { return nil }
                lang = parsed
            case "--format":
                guard format == nil, let parsed = ScoreCommand.Format(rawValue: value) else { return nil }
                format = parsed
            case "--lexicons":
                guard lexicons == nil else { return nil }
                lexicons = value
            case "--jobs":
                guard jobs == nil, value.utf8.allSatisfy({ $0 &- 0x30 < 10 }), let parsed = Int(value), parsed >= 1 else { return nil }
                jobs = parsed
            default:
                return nil
            }
        }
        var command = ScoreCommand()
        command.lang = lang ?? .auto
        command.format = format ?? .tsv
        command.explain = explain
        command.lexicons = lexicons
        command.jobs = jobs
        return command
    }

    /// The ``ParseFeedCommand`` that ArgumentParser would parse from `arguments` when they are
    /// `parse-feed` and a file (no option; `-` for standard input), optionally after
    /// `--charset` and a value that is no option; nil for anything else, which ArgumentParser
    /// parses and reports on. ArgumentParser's start-up (see ``plainScoreCommand(_:)``) is most of
    /// the few milliseconds a small feed takes. EarshotTests checks that both parses agree.
    static func plainParseFeedCommand(_ arguments: [String]) -> ParseFeedCommand? {
        var charset: String?
        switch arguments.count {
        case 2 where arguments[0] == "parse-feed":
            break
        case 4 where arguments[0] == "parse-feed" && arguments[1] == "--charset":
            guard let first = arguments[2].utf8.first, first != UInt8(ascii: "-") else { return nil }
            charset = arguments[2]
        default:
            return nil
        }
        let file = arguments[arguments.count - 1]
        guard file == "-" || (!file.isEmpty && !file.hasPrefix("-")) else { return nil }
        var command = ParseFeedCommand()
        command.file = file
        command.charset = charset
        return command
    }
}
