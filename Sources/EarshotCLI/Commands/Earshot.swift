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
}
