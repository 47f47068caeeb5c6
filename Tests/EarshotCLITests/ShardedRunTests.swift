import Foundation
import Testing

/// `earshot run --shard K/N` and `store.postgres`: what a default build says, and (in a build
/// with the `PostgreSQL` trait, against the server `EARSHOT_TEST_POSTGRES` names) several
/// workers sharing one history.
struct ShardedRunTests {
    static let feeds = EarshotBinary.packageRoot.appendingPathComponent("feeds")

    /// The bundled demo config with absolute paths and `store` set to `store`, in `folder`.
    static func demoConfig(in folder: URL, store: String) throws -> String {
        var yaml = try String(contentsOf: feeds.appendingPathComponent("earshot.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "lexicons: ../lexicons",
                                         with: "lexicons: \(EarshotBinary.packageRoot.appendingPathComponent("lexicons").path)")
        yaml = yaml.replacingOccurrences(of: "    url: ", with: "    url: \(feeds.path)/")
        yaml += "\nstore:\n  \(store)\n"
        let file = folder.appendingPathComponent("earshot.yaml")
        try Data(yaml.utf8).write(to: file)
        return file.path
    }

    @Test func shardNeedsASharedStore() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let config = try Self.demoConfig(in: folder, store: "path: state/earshot.sqlite")
        let result = try await EarshotBinary.run(["run", "--config", config, "--as-of", "2026-11-20", "--shard", "1/2"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--shard") && result.stderr.contains("store.postgres"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports").path), "nothing written")
    }

    @Test(arguments: ["0/2", "3/2", "2", "a/b"])
    func aBadShardIsAUsageError(shard: String) async throws {
        let result = try await EarshotBinary.run(["run", "--shard", shard], in: try EarshotBinary.temporaryFolder())
        #expect(result.status == 2)
        #expect(result.stderr.contains("K/N"), "stderr: \(result.stderr)")
    }

    @Test func runHelpDescribesShards() async throws {
        let result = try await EarshotBinary.run(["run", "--help"], in: try EarshotBinary.temporaryFolder())
        #expect(result.stdout.contains("--shard <K/N>"))
        #expect(result.stdout.contains("FNV-1a"))
    }

    #if !PostgreSQL
    @Test(arguments: [["run", "--as-of", "2026-11-20"], ["backtest", "--from", "2026-11-01", "--to", "2026-11-20"]])
    func aDefaultBuildSaysHowToBuildWithPostgreSQL(arguments: [String]) async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let config = try Self.demoConfig(in: folder, store: "postgres: postgres://earshot@127.0.0.1:5432/earshot")
        let result = try await EarshotBinary.run(arguments + ["--config", config], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--traits PostgreSQL"), "stderr: \(result.stderr)")
    }
    #endif

    #if PostgreSQL
    @Test func workersShareTheHistoryFetchEachSourceOnceAndSendEachAlertOnce() async throws {
        guard let server = ProcessInfo.processInfo.environment["EARSHOT_TEST_POSTGRES"], !server.isEmpty else {
            Issue.record("EARSHOT_TEST_POSTGRES is not set: this test needs a PostgreSQL server (scripts/test-postgres starts one)")
            return
        }
        let schema = "earshot_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let url = server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
        let folders = try (0..<3).map { _ in try EarshotBinary.temporaryFolder() }
        let configs = try folders.map { try Self.demoConfig(in: $0, store: "postgres: \"\(url)\"") }

        // Three workers at once, each in its own folder (as on three hosts).
        let results = try await withThrowingTaskGroup(of: (Int, EarshotBinary.Result).self) { group in
            for index in 0..<3 {
                group.addTask {
                    (index, try await EarshotBinary.run(["run", "--config", configs[index], "--as-of", "2026-11-20", "--shard", "\(index + 1)/3"],
                                                  in: folders[index]))
                }
            }
            return try await group.reduce(into: [Int: EarshotBinary.Result]()) { $0[$1.0] = $1.1 }
        }
        for (index, result) in results.sorted(by: { $0.key < $1.key }) {
            #expect(result.status == 0, "worker \(index + 1): \(result.stderr)")
        }

        // Each worker fetched its own sources; together, every source once.
        let fetched = try folders.flatMap { folder in
            (try Self.summary(in: folder)["sources"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        }
        #expect(fetched.count == 8 && Set(fetched).count == 8, "sources fetched: \(fetched)")

        // Aggregation reads the shared history: once all have committed, any worker's run sees
        // every mention, as a single run over every source does.
        let single = try EarshotBinary.temporaryFolder()
        let sqlite = try Self.demoConfig(in: single, store: "path: state/earshot.sqlite")
        #expect(try await EarshotBinary.run(["run", "--config", sqlite, "--as-of", "2026-11-20"], in: single).status == 0)
        let rerun = try await EarshotBinary.run(["run", "--config", configs[0], "--as-of", "2026-11-20", "--shard", "1/3"], in: folders[0])
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        #expect(try Self.mentions(in: folders[0]) == Self.mentions(in: single))

        // Alerts: no notification was sent by two workers, and every one the single run sent was sent.
        let sent = folders.flatMap(Self.loggedNotifications)
        #expect(Set(sent).count == sent.count, "sent twice: \(sent)")
        let expected = Self.loggedNotifications(in: single)
        #expect(!expected.isEmpty, "the demo raises alerts on 2026-11-20")
        #expect(Set(expected).isSubset(of: sent), "sent by the workers: \(sent); by one run: \(expected)")
    }

    static func summary(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func mentions(in folder: URL) throws -> [String: Int] {
        let brands = try #require(try summary(in: folder)["brands"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: brands.compactMap { brand in
            (brand["name"] as? String).map { ($0, brand["mentions"] as? Int ?? -1) }
        })
    }

    /// The notification ids in a folder's `reports/alerts.log` (the `log` channel).
    static func loggedNotifications(in folder: URL) -> [String] {
        let text = (try? String(contentsOf: folder.appendingPathComponent("reports/alerts.log"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { $0.hasPrefix("   episode: ") }.map { String($0.dropFirst("   episode: ".count)) }
    }
    #endif
}
