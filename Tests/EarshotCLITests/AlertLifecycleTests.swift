import AsyncHTTPClient
import EarshotAnalysis
import EarshotCore
import EarshotIngest
import EarshotOutput
import EarshotStore
import Foundation
import Logging
import Testing
@testable import EarshotCLI

/// The alert lifecycle through `Pipeline.run()` against a real webhook receiver on 127.0.0.1
/// (`Tests/EarshotOutputTests/Servers/webhook_server.py`) and a SQLite store on disk: a crash
/// between send and mark, no repeat within 24 h, a repeat after, a resolved message, and a
/// volume drop inhibited because the brand's source failed.
@Suite(.serialized) struct AlertLifecycleTests {
    static let day0 = Day(year: 2026, month: 3, day: 1)
    static func day(_ i: Int) -> Day { day0.advanced(by: i) }

    /// Days 0–27: 6 mentions a day, the first of every fourth day negative about service.
    /// Days 28–30: 3 negative and 3 positive mentions a day, the negatives about service.
    static func history() -> [ScoredMention] {
        (0...30).flatMap { i in
            (0..<6).map { j -> ScoredMention in
                let negative = i >= 28 ? j < 3 : (j == 0 && i % 4 == 0)
                let compound = negative ? -0.6 : 0.4
                let mention = Mention(id: "acme-\(i)-\(j)", brand: "Acme", source: "feed-a", text: "mention \(i) \(j)",
                                      publishedAt: day(i).start.addingTimeInterval(3600 * Double(j + 1)), url: "https://example.com/\(i)/\(j)")
                return ScoredMention(mention: mention, sentiment: Sentiment(compound: compound, pos: 0, neu: 1, neg: 0), lang: "en",
                                     aspects: [AspectScore(aspect: "support", touchpoint: .service, compound: compound)])
            }
        }
    }

    /// Delivers, then fails as a process killed before marking the entry would.
    struct SendThenCrash: Notifier {
        var inner: any Notifier
        func deliver(_ message: AlertMessage) async throws {
            try await inner.deliver(message)
            throw EarshotError(.delivery, "simulated crash after the server accepted the message")
        }
    }

    func pipeline(_ store: any MentionStore, folder: URL, notifier: any Notifier, asOf: Day, now: Date,
                  sources: [SourceConfig] = []) -> Pipeline {
        let configuration = EarshotConfiguration(brands: [BrandConfig(name: "Acme")], sources: sources,
                                                 alerts: AlertConfig(webhook: WebhookConfig(url: "http://127.0.0.1/")),
                                                 baseDirectory: folder)
        return Pipeline(configuration: configuration, scorer: SentimentScorer(lexicon: Lexicon(languages: [:], emoji: [:])), store: store,
                        fetcher: FileFetcher(baseDirectory: folder), notifiers: ["webhook": notifier], silences: SilenceList(),
                        asOf: asOf, now: now, reportsDirectory: folder.appendingPathComponent("reports"), dryRun: false,
                        logger: Logger(label: "test"))
    }

    @Test func firesOnceSurvivesACrashRepeatsAfterTheIntervalResolvesAndInhibitsAVolumeDrop() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let server = try WebhookReceiver.start(folder: folder.appendingPathComponent("received"))
        defer { server.stop() }
        let store = try SQLiteMentionStore(path: folder.appendingPathComponent("earshot.sqlite"))
        _ = try await store.commit(source: "feed-a", mentions: Self.history(), validators: nil, notModified: false, at: Self.day(30).start)
        let webhook = try WebhookNotifier(url: "http://127.0.0.1:\(server.port)/hook", httpClient: .shared, timeout: .seconds(10),
                                          retryDelays: [])
        let t0 = Self.day(30).start.addingTimeInterval(10 * 3600)

        // Run 1 fires the service spike; the receiver accepts it, then the run "crashes" before marking it.
        _ = try await pipeline(store, folder: folder, notifier: SendThenCrash(inner: webhook), asOf: Self.day(30), now: t0).run()
        var posts = try server.posts()
        #expect(posts.count == 1)
        let first = try #require(posts.first)
        #expect(first.json["status"] as? String == "firing")
        #expect(first.json["notificationIds"] as? [String] == ["Acme|negative-spike|service|2026-03-31"])

        // Run 2, ten minutes later: the pending entry goes out again under the same key and body
        // (a receiver that deduplicates on Idempotency-Key or Message-ID drops it); no new notification is made.
        let run2 = try await pipeline(store, folder: folder, notifier: webhook, asOf: Self.day(30), now: t0.addingTimeInterval(600)).run()
        #expect(run2.summary.newAlerts.isEmpty)
        posts = try server.posts()
        #expect(posts.count == 2)
        #expect(posts[1].key == first.key && posts[1].body == first.body)
        #expect(try await store.pendingDeliveries(at: t0.addingTimeInterval(700)).isEmpty, "marked delivered now")

        // Run 3, an hour later, still firing: nothing within 24 h.
        _ = try await pipeline(store, folder: folder, notifier: webhook, asOf: Self.day(30), now: t0.addingTimeInterval(3600)).run()
        #expect(try server.posts().count == 2)

        // Run 4, the next day and 24 h after the first notice, still firing: one repeat, its own key.
        let run4 = try await pipeline(store, folder: folder, notifier: webhook, asOf: Self.day(31), now: t0.addingTimeInterval(86_400)).run()
        #expect(run4.summary.newAlerts.map(\.sequence) == [2])
        posts = try server.posts()
        #expect(posts.count == 3)
        #expect(posts[2].key != first.key)
        #expect(posts[2].json["notificationIds"] as? [String] == ["Acme|negative-spike|service|2026-03-31|notice-2"])
        let repeated = try #require((posts[2].json["alerts"] as? [[String: Any]])?.first)
        #expect((repeated["details"] as? [String])?.first?.hasPrefix("still firing since 2026-03-31; repeated after 24 h") == true)

        // Run 5, ten days on: the spike is over (2 clean days and more) and its source fails this
        // run. One resolved message; the volume drop (no mentions since day 30) is inhibited, not sent.
        let failing = SourceConfig(id: "feed-a", url: "missing/feed-a.xml")
        let run5 = try await pipeline(store, folder: folder, notifier: webhook, asOf: Self.day(40), now: t0.addingTimeInterval(10 * 86_400),
                                      sources: [failing]).run()
        #expect(run5.summary.newAlerts.map(\.status) == [.resolved])
        posts = try server.posts()
        #expect(posts.count == 4)
        #expect(posts[3].json["status"] as? String == "resolved")
        #expect(posts[3].json["notificationIds"] as? [String] == ["Acme|negative-spike|service|2026-03-31|resolved"])
        #expect((posts[3].json["text"] as? String)?.contains("RESOLVED") == true)
        let summary = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))) as? [String: Any])
        let inhibited = try #require((summary["inhibited"] as? [[String: Any]])?.first)
        #expect(inhibited["kind"] as? String == "volume-drop")
        #expect((inhibited["inhibition"] as? String)?.hasPrefix("inhibited: source 'feed-a' failed this run") == true)
        #expect((summary["resolved"] as? [[String: Any]])?.count == 1)

        // Run 6, an hour later: the resolved message is not sent twice.
        _ = try await pipeline(store, folder: folder, notifier: webhook, asOf: Self.day(40), now: t0.addingTimeInterval(10 * 86_400 + 3600),
                               sources: [failing]).run()
        #expect(try server.posts().count == 4)
    }
}

/// `webhook_server.py` from the output tests, started for one test: every POST saved as `N.json`
/// (body) and `N.meta.json` (path, headers, status).
final class WebhookReceiver: @unchecked Sendable {
    let process: Process
    let port: Int
    let folder: URL

    private init(process: Process, port: Int, folder: URL) {
        self.process = process
        self.port = port
        self.folder = folder
    }

    static func start(folder: URL) throws -> WebhookReceiver {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = EarshotBinary.packageRoot.appendingPathComponent("Tests/EarshotOutputTests/Servers/webhook_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--dir", folder.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        var bytes: [UInt8] = []
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            bytes += chunk
        }
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard line.hasPrefix("READY "), let port = Int(line.dropFirst(6)) else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw EarshotError(.delivery, "webhook_server.py did not start: \(line)")
        }
        return WebhookReceiver(process: process, port: port, folder: folder)
    }

    /// The POSTs received so far, in order: body, parsed JSON and the Idempotency-Key header.
    func posts() throws -> [(body: Data, json: [String: Any], key: String?)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let numbers = names.compactMap { $0.hasSuffix(".meta.json") ? Int($0.dropLast(10)) : nil }.sorted()
        return try numbers.map { n in
            let body = try Data(contentsOf: folder.appendingPathComponent("\(n).json"))
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("\(n).meta.json"))) as? [String: Any]
            let headers = meta?["headers"] as? [String: String] ?? [:]
            let json = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
            return (body, json, headers["Idempotency-Key"])
        }
    }

    /// SIGKILL, not `terminate()`: the child inherits the test runner's signal mask, in which SIGTERM
    /// may be blocked, and `waitUntilExit` would then wait for ever.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
