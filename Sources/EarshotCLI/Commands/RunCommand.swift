import ArgumentParser
import AsyncHTTPClient
import EarshotAnalysis
import EarshotCore
import EarshotIngest
import EarshotOutput
import EarshotStore
import Foundation
import Logging

/// `earshot run`: one batch run.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch every source, score new mentions, update the history, raise alerts and write reports.",
        discussion: """
        Without --config, reads ./earshot.yaml if present, else the bundled feeds/earshot.yaml. \
        State goes to .earshot/earshot.sqlite and reports to reports/<as-of>/ and reports/latest/ \
        in the working directory unless the config's store.path and reports.dir say otherwise.

        Exit status: 0 every source read; 1 the run completed but some sources failed (named on \
        stderr and in the report); 2 usage or configuration error (nothing written); 3 another run \
        holds the lock; 4 the state store could not be opened or written. On success nothing is printed unless --verbose is given or stdout is a \
        terminal, so cron only mails you when something is wrong.

        Alerts (negative spikes, trust drops, volume drops) go to the channels in alerts: (email, \
        webhook; else reports/alerts.log), once per episode; again after alerts.repeat.intervalHours \
        while it lasts, or sooner when it grows; then one "resolved" message after \
        alerts.spike.resolveAfterDays clean days. A source that answered 410 Gone is not fetched \
        again until its url changes (and fails each run until then); one that answered 429 or 503 \
        with Retry-After is skipped until that time.

        Several workers (cron on several hosts, or an indexed Kubernetes Job) can share one \
        PostgreSQL store (store.postgres: postgres://user@host:5432/db, in a build with the \
        PostgreSQL trait: swift build -c release --traits PostgreSQL). Each runs with \
        --shard K/N and fetches only the sources whose id hashes (FNV-1a, 64-bit) to K-1 modulo \
        N; every worker aggregates the shared history and writes its own reports, and each alert \
        is queued and delivered once however many workers raise it. --shard needs \
        store.postgres: with SQLite one run reads every source.
        """)

    @Option(name: .long, help: ArgumentHelp("The configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to treat as today (YYYY-MM-DD, UTC); default: now. Makes reports reproducible.", valueName: "date"))
    var asOf: String?

    @Option(name: .long, help: ArgumentHelp("Fetch only shard K of N of the sources (1-based, such as 2/3); needs store.postgres.", valueName: "K/N"))
    var shard: String?

    @Flag(name: .customLong("dry-run"), help: "Do everything but record or send alerts; print the alerts that would be sent.")
    var dryRun = false

    @Flag(name: .shortAndLong, help: "Print a summary and debug logs even when stdout is not a terminal.")
    var verbose = false

    func validate() throws {
        if let asOf, Day(asOf) == nil {
            throw ValidationError("--as-of must be a date as YYYY-MM-DD, got '\(asOf)'")
        }
        if let shard, SourceShard(shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, such as 2/3, got '\(shard)'")
        }
    }

    func run() async throws {
        let verbose = self.verbose
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = verbose ? .debug : .warning
            return handler
        }
        let logger = Logger(label: "earshot")
        let loader = ConfigurationLoader()
        var configuration: EarshotConfiguration
        let lexicon: Lexicon
        let silences: SilenceList
        do {
            configuration = try loader.load(try loader.locate(config))
            silences = try SilenceList.load(beside: configuration)
            guard let lexiconFolder = InstallLayout.lexicons(for: configuration) else {
                throw EarshotError(.configuration, "no lexicons folder found; set `lexicons:` in the config")
            }
            var loaded = try LexiconLoader().load(from: lexiconFolder)
            for brand in configuration.brands { loaded.add(terms: brand.terms) }
            lexicon = loaded
        } catch {
            printError(String(describing: error))
            throw ExitStatus.usage
        }

        let (day, now) = asOfMoment()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let storeFile = StoreLocation.sqliteFile(for: configuration, workingDirectory: cwd)
        let reportsDirectory = configuration.reports.dir.map(configuration.resolve) ?? cwd.appendingPathComponent("reports")
        let opener: StoreOpener
        do {
            opener = try StoreOpener(configuration: configuration, sqliteFile: storeFile)
        } catch {
            printError(String(describing: error))
            throw ExitStatus.usage
        }
        let shard = self.shard.flatMap(SourceShard.init)
        if let shard {
            guard opener.isShared else {
                printError("--shard splits the sources among workers that share a PostgreSQL store; set store.postgres (with SQLite one run reads every source)")
                throw ExitStatus.usage
            }
            configuration.sources = configuration.sources.filter { shard.owns(sourceID: $0.id) }
        }

        let lock: RunLock
        do {
            let lockName = shard.map { "run-shard-\($0.index)-of-\($0.count).lock" } ?? "run.lock"
            lock = try RunLock(file: storeFile.deletingLastPathComponent().appendingPathComponent(lockName))
        } catch let error as EarshotError where error.code == .locked {
            printError(error.description)
            throw ExitStatus.locked
        }
        defer { withExtendedLifetime(lock) {} }

        let outcome: Pipeline.Outcome
        do {
            let configuration = configuration
            let policy = configuration.fetch
            outcome = try await opener.withStore(logger: logger) { store in
                try await HTTPClient.withHTTPClient(configuration: HTTPFetcher.makeConfiguration(policy: policy)) { client in
                    let notifiers: [String: any Notifier]
                    do {
                        notifiers = try NotifierFactory.notifiers(for: configuration.alerts, httpClient: client, logger: logger)
                    } catch {
                        throw ConfigurationFailure(error: error)
                    }
                    let fetcher = RoutingFetcher(files: FileFetcher(baseDirectory: configuration.baseDirectory, maxBytes: policy.maxBytes),
                                                 http: HTTPFetcher(client: client, policy: policy,
                                                                      hostLimiter: HostLimiter(maxPerHost: policy.perHost)))
                    let pipeline = Pipeline(configuration: configuration, scorer: SentimentScorer(lexicon: lexicon), store: store,
                                            fetcher: fetcher, notifiers: notifiers, silences: silences, asOf: day, now: now, reportsDirectory: reportsDirectory,
                                            dryRun: dryRun, logger: logger)
                    return try await pipeline.run()
                }
            }
        } catch let failure as ConfigurationFailure {
            printError(String(describing: failure.error))
            throw ExitStatus.usage
        } catch {
            printError(String(describing: error))
            throw ExitCode(4)
        }

        let summary = outcome.summary
        for failure in summary.failures {
            let prefix = failure.source.map { "source '\($0)': " } ?? ""
            printError(failure.message.hasPrefix(prefix) ? failure.message : prefix + failure.message)
        }
        if dryRun {
            print(outcome.wouldSend.isEmpty ? "dry run: no new alert would be sent" : "dry run: would send \(outcome.wouldSend.count) alert(s):")
            for alert in outcome.wouldSend {
                print("  \(alert.title)")
                for line in alert.details { print("    \(line)") }
            }
        }
        if verbose || stdoutIsTerminal {
            print(RunCommand.describe(summary))
        }
        if !summary.failures.isEmpty { throw ExitStatus.sourcesFailed }
    }

    /// The day to treat as today and the instant recorded as fetch time.
    private func asOfMoment() -> (Day, Date) {
        guard let asOf, let day = Day(asOf) else {
            let now = Date()
            return (Day(now), now)
        }
        return (day, day.start.addingTimeInterval(86_399))
    }

    static func describe(_ summary: RunSummary) -> String {
        var lines: [String] = []
        for source in summary.sources {
            var line = "  \(source.id): \(source.status.rawValue)"
            if source.status == .ok { line += ", \(source.items) items, \(source.newMentions) new mentions" }
            if let message = source.message, source.status != .failed { line += " (\(message))" }
            lines.append(line)
        }
        lines.insert("earshot: \(summary.newMentions) new mentions from \(summary.sources.count) sources", at: 0)
        for alert in summary.newAlerts { lines.append("  ALERT \(alert.title)") }
        if let folder = summary.reportDirectory { lines.append("  reports: \(folder)") }
        return lines.joined(separator: "\n")
    }
}

/// A configuration problem found only once the run started (a delivery setting); exits 2.
struct ConfigurationFailure: Error {
    var error: any Error
}
