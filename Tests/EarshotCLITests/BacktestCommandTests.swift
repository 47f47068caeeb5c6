import Foundation
import Testing

/// End to end: `earshot backtest` over the store that a demo run filled.
@Suite(.serialized) struct BacktestCommandTests {
    static let config = EarshotBinary.packageRoot.appendingPathComponent("feeds/earshot.yaml").path

    /// A temporary folder whose `.earshot/` holds the demo's history as of 2026-11-20.
    private func demoStore() async throws -> URL {
        let folder = try EarshotBinary.temporaryFolder()
        let run = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: folder)
        try #require(run.status == 0, "stderr: \(run.stderr)")
        return folder
    }

    /// Every file under `.earshot/` with its bytes.
    private func storeFiles(in folder: URL) throws -> [String: Data] {
        let store = folder.appendingPathComponent(".earshot")
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: store.path) {
            files[name] = try Data(contentsOf: store.appendingPathComponent(name))
        }
        return files
    }

    @Test func demoBacktestFindsThePinvaleServiceSpikeAndWritesNothing() async throws {
        let folder = try await demoStore()
        let before = try storeFiles(in: folder)
        #expect(before["earshot.sqlite"] != nil)

        let result = try await EarshotBinary.run(["backtest", "--config", Self.config, "--from", "2026-10-01", "--to", "2026-11-20",
                                            "--format", "json"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(try storeFiles(in: folder) == before, "the backtest leaves the store byte for byte as it was")

        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let alerts = try #require(json["alerts"] as? [[String: Any]])
        // The spike: Pinvale's mentions/negatives on 11-14..17 are 3/1, 5/2, 4/1, 3/1 (ordinary),
        // then 10/9 on 11-18. Against 41 negative of 115 in the 28 days before, smoothed by the
        // Beta(2,8) prior to 43/125 = 0.344, one day of 9 of 10 gives
        // P(X ≥ 9 | n = 10, p = 0.344) = 10·0.344⁹·0.656 + 0.344¹⁰ ≈ 4.7e-4 < 0.001, a share 0.56
        // above baseline and 9 ≥ 3 negatives: the rule first fires on 11-18 (feeds/EXPECTED.json
        // "alertDaysWithDefaultPolicy" agrees), and 11-19 and 11-20 stay in that open episode.
        let spikes = alerts.filter { $0["kind"] as? String == "negative-spike" }
        #expect(spikes.count == 1, "\(result.stdout)")
        let spike = try #require(spikes.first)
        #expect(spike["brand"] as? String == "Pinvale")
        #expect(spike["aspect"] as? String == "service")
        #expect(spike["day"] as? String == "2026-11-18")
        #expect(spike["episodeStart"] as? String == "2026-11-18")
        #expect((spike["details"] as? [String])?.contains("p-value: 4.66e-04 (exact binomial test; alerts below 1e-03)") == true)
        // The trust-drop rule fires too, as `earshot run --as-of DAY --dry-run` on each of those days
        // does: Pinvale's decayed score falls 2.75 → 1.76 (09-01 → 10-01), 1.78 → 1.58 (09-29 → 10-29)
        // and 1.75 → 1.53 (10-06 → 11-05), each an episode resolved two quiet days later.
        let drops = alerts.filter { $0["kind"] as? String == "trust-drop" }
        #expect(drops.compactMap { $0["day"] as? String } == ["2026-10-01", "2026-10-29", "2026-11-05"])
        #expect(drops.allSatisfy { $0["brand"] as? String == "Pinvale" })
        #expect(alerts.count == 4)
        let summary = try #require(json["summary"] as? [[String: Any]])
        #expect(summary.map { "\($0["brand"] ?? "") \($0["kind"] ?? "") \($0["alerts"] ?? "")" }
                == ["Pinvale negative-spike 1", "Pinvale trust-drop 3"])
        #expect(!result.stdout.contains("Lumio") && !result.stdout.contains("Tandem"))
    }

    @Test func textOutputListsEachAlertWithItsPValueAndTheCounts() async throws {
        let folder = try await demoStore()
        let result = try await EarshotBinary.run(["backtest", "--config", Self.config, "--from", "2026-11-10", "--to", "2026-11-20"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "backtest 2026-11-10 to 2026-11-20: 1 alert(s) would have been sent")
        #expect(Array(lines.dropFirst().prefix(3)) == [
            "2026-11-18  Pinvale  negative-spike  service",
            "    Pinvale: negative spike in customer service — 9 of 10 negative (90%)",
            "    p-value: 4.66e-04 (exact binomial test; alerts below 1e-03)",
        ])
        #expect(Array(lines.suffix(2)) == ["summary:", "  Pinvale  negative-spike  1"])
    }

    @Test func aQuietStretchListsNoAlert() async throws {
        let folder = try await demoStore()
        let result = try await EarshotBinary.run(["backtest", "--config", Self.config, "--from", "2026-11-08", "--to", "2026-11-17"], in: folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("backtest 2026-11-08 to 2026-11-17: 0 alert(s) would have been sent"))
        #expect(result.stdout.hasSuffix("summary:\n  no alert\n"))
    }

    @Test(arguments: [
        (["--from", "2026-10-01", "--to", "2026-11-31"], "--to must be a date"),
        (["--from", "yesterday", "--to", "2026-11-20"], "--from must be a date"),
        (["--from", "2026-11-20", "--to", "2026-11-01"], "is after --to"),
        (["--from", "2026-11-01", "--to", "2026-11-20", "--format", "xml"], "format"),
    ])
    func badArgumentsExitTwo(arguments: [String], expected: String) async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let result = try await EarshotBinary.run(["backtest", "--config", Self.config] + arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".earshot").path))
    }

    @Test func withoutAStoreItSaysSoAndCreatesNone() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let result = try await EarshotBinary.run(["backtest", "--config", Self.config, "--from", "2026-11-01", "--to", "2026-11-20"], in: folder)
        #expect(result.status == 4)
        #expect(result.stderr.contains("no store here"), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".earshot").path))
    }
}
