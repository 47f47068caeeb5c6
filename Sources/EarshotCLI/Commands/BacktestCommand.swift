import ArgumentParser
import EarshotCore
import EarshotStore
import Foundation
import Logging

/// `earshot backtest`: replays the alert rules over the stored history.
struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Replay the alert rules over stored history and list the alerts they would have sent.",
        discussion: """
        Reads (a private copy of) the store that `earshot run` filled (.earshot/earshot.sqlite in the working directory \
        unless the config's store.path says otherwise; the shared database itself, read only, when it \
        names store.postgres) and evaluates every day from --from to --to \
        as a run with that --as-of would, carrying alert episodes forward in memory and applying \
        silences.yaml beside the config. Nothing is written to the store and nothing is sent, so \
        you can tune alerts.spike in the config and backtest again before it pages anyone. The \
        replay starts with no alert episode open.

        Exit status: 0 the replay ran (whether or not alerts fired); 2 usage or configuration \
        error (bad dates, --from after --to, a bad config or silences.yaml); 4 the store is \
        missing or could not be read.
        """)

    /// How the result is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(name: .long, help: ArgumentHelp("The first day to replay (YYYY-MM-DD, UTC).", valueName: "date"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("The last day to replay (YYYY-MM-DD, UTC).", valueName: "date"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("The configuration file (as for `earshot run`).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard let first = Day(from) else { throw ValidationError("--from must be a date as YYYY-MM-DD, got '\(from)'") }
        guard let last = Day(to) else { throw ValidationError("--to must be a date as YYYY-MM-DD, got '\(to)'") }
        guard first <= last else { throw ValidationError("--from \(from) is after --to \(to)") }
    }

    func run() async throws {
        guard let first = Day(from), let last = Day(to) else { throw ExitStatus.usage }
        let loader = ConfigurationLoader()
        let configuration: EarshotConfiguration
        let silences: SilenceList
        do {
            configuration = try loader.load(try loader.locate(config))
            silences = try SilenceList.load(beside: configuration)
        } catch {
            printError(String(describing: error))
            throw ExitStatus.usage
        }
        let storeFile = StoreLocation.sqliteFile(for: configuration)
        let opener: StoreOpener
        do {
            opener = try StoreOpener(configuration: configuration, sqliteFile: storeFile)
        } catch {
            printError(String(describing: error))
            throw ExitStatus.usage
        }
        let backtest = Backtest(configuration: configuration, silences: silences)
        if opener.isShared {
            // The shared store is only read (one consistent query per kind of row): no copy.
            do {
                let result = try await opener.withStore(logger: Logger(label: "earshot")) { store in
                    try await backtest.replay(store, from: first, to: last)
                }
                print(format == .json ? result.json : result.text)
                return
            } catch {
                printError(String(describing: error))
                throw ExitCode(4)
            }
        }
        guard FileManager.default.fileExists(atPath: storeFile.path) else {
            printError("\(storeFile.path): no store here; run `earshot run` with this config first, or set store.path")
            throw ExitCode(4)
        }
        let result: Backtest.Result
        do {
            result = try await StoreSnapshot.withCopy(of: storeFile) { copy in
                try await backtest.replay(try SQLiteMentionStore(path: copy), from: first, to: last)
            }
        } catch {
            printError(String(describing: error))
            throw ExitCode(4)
        }
        print(format == .json ? result.json : result.text)
    }
}
