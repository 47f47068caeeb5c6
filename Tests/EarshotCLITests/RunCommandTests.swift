import Foundation
import Testing

/// End to end: `earshot run` on the bundled demo in `feeds/`, in a fresh working folder, with a
/// fixed `--as-of`. Expected figures are worked out by hand from the demo data below.
@Suite(.serialized) struct RunCommandTests {
    static let config = EarshotBinary.packageRoot.appendingPathComponent("feeds/earshot.yaml").path

    private func summary(in folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func brand(_ name: String, in summary: [String: Any]) throws -> [String: Any] {
        let brands = try #require(summary["brands"] as? [[String: Any]])
        return try #require(brands.first { $0["name"] as? String == name })
    }

    @Test func demoRunWritesReportsWithTheExpectedFigures() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let first = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: folder)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.isEmpty, "a successful run under cron prints nothing")

        for name in ["report.html", "report.md", "mentions.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/latest/\(name)").path), "\(name)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/2026-11-20/\(name)").path), "\(name)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".earshot/earshot.sqlite").path))

        let summary = try summary(in: folder)
        #expect(summary["asOf"] as? String == "2026-11-20")
        // Mentions in the 60-day window 2026-09-22..2026-11-20, counted per item and brand from the
        // demo's items (feeds/EXPECTED.json "byDay"): Pinvale 268 of its 360 over 81 days, Lumio 172
        // of 235, Tandem 164 of 213 (the seven "in tandem"/"tandem bicycle" items do not count).
        let pinvale = try brand("Pinvale", in: summary)
        #expect(pinvale["mentions"] as? Int == 268)
        #expect(try brand("Lumio", in: summary)["mentions"] as? Int == 172)
        #expect(try brand("Tandem", in: summary)["mentions"] as? Int == 164)

        // Trust: Pinvale's 108 rated reviews (49 on its review page, 34 in the app store, 25 help-desk
        // rows; 93 one-star, 9 two-star, 3 four-star, 3 five-star). With decay weights
        // w = 0.5^(age/182.6), Σw ≈ 93.46 and Σw·r ≈ 118.33, so (7·3.5 + 118.33) / (7 + 93.46) ≈ 1.4217 → 1.4,
        // nearest half star 1.5.
        let trust = try #require(pinvale["trustScore"] as? [String: Any])
        #expect(trust["value"] as? Double == 1.4)
        #expect(trust["stars"] as? Double == 1.5)
        #expect(trust["ratedReviews"] as? Int == 108)
        // Per source group (feeds/earshot.yaml `group:`): each group's reviews alone, each with the
        // same prior, so a group's score sits nearer 3.5 than the brand's; the counts add up to 108.
        let groups = try #require(pinvale["trustByGroup"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["app-store", "help-desk", "review-sites"])
        #expect(groups.map { ($0["trustScore"] as? [String: Any])?["ratedReviews"] as? Int } == [34, 25, 49])
        #expect(groups.map { ($0["trustScore"] as? [String: Any])?["value"] as? Double } == [1.8, 1.7, 1.6])
        // Lumio's review page and its help-desk rows: two groups, 37 + 29 = its 66 ratings.
        let lumioGroups = try #require(try brand("Lumio", in: summary)["trustByGroup"] as? [[String: Any]])
        #expect(lumioGroups.map { $0["group"] as? String } == ["help-desk", "review-sites"])
        #expect(lumioGroups.map { ($0["trustScore"] as? [String: Any])?["ratedReviews"] as? Int } == [29, 37])
        let markdown = try String(contentsOf: folder.appendingPathComponent("reports/latest/report.md"), encoding: .utf8)
        #expect(markdown.contains("Trust score by source: app-store **1.8** (34 rated) · help-desk **1.7** (25 rated) · review-sites **1.6** (49 rated)"))
        let html = try String(contentsOf: folder.appendingPathComponent("reports/latest/report.html"), encoding: .utf8)
        #expect(html.contains("by source: app-store 1.8 (34) · help-desk 1.7 (25) · review-sites 1.6 (49)"))
        // Tandem has no rated review: its trust score is null, never made up from sentiment.
        #expect(try brand("Tandem", in: summary)["trustScore"] is NSNull)

        // The spike: 2026-11-18..20 Pinvale has 31 mentions, 28 negative (90%), against 41 of 115
        // (36%) in the 28 days before; with the Beta(2,8) prior the baseline is (41+2)/(115+10) = 34%,
        // and P(X ≥ 28 | n = 31, p = 0.34) ≈ 1e-10 < 0.001. Most of those complaints are about
        // support and refunds, so the one alert is a service spike. Lumio and Tandem stay quiet.
        let alerts = try #require(summary["alerts"] as? [[String: Any]])
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert["brand"] as? String == "Pinvale")
        #expect(alert["kind"] as? String == "negative-spike")
        #expect(alert["aspect"] as? String == "service")
        let details = (alert["details"] as? [String])?.joined(separator: "\n") ?? ""
        #expect(details.contains("28 of 31"))
        let log = try String(contentsOf: folder.appendingPathComponent("reports/alerts.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "\n== ").count == 1 && log.hasPrefix("== "), "one alert recorded")

        // Service is where Pinvale hurts; the rest of the experience is liked.
        let aspects = try #require(pinvale["aspects"] as? [String: [String: Any]])
        let service = try #require(aspects["service"]?["meanCompound"] as? Double)
        let experience = try #require(aspects["experience"]?["meanCompound"] as? Double)
        #expect(service < 0 && experience > 0)

        // A second run: nothing new, no second alert, same figures.
        let second = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20", "--verbose"], in: folder)
        #expect(second.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("0 new mentions"))
        #expect(!second.stdout.contains("ALERT"))
        let logAfter = try String(contentsOf: folder.appendingPathComponent("reports/alerts.log"), encoding: .utf8)
        #expect(logAfter == log)
        #expect(try brand("Pinvale", in: try self.summary(in: folder))["mentions"] as? Int == 268)

        // A dry run after that has nothing new to send either.
        let dry = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20", "--dry-run"], in: folder)
        #expect(dry.status == 0)
        #expect(dry.stdout.contains("no new alert would be sent"))
    }

    @Test func dryRunOnAFreshStoreListsTheAlertWithoutRecordingIt() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let dry = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20", "--dry-run"], in: folder)
        #expect(dry.status == 0, "stderr: \(dry.stderr)")
        #expect(dry.stdout.contains("would send 1 alert"))
        #expect(dry.stdout.contains("Pinvale: negative spike in customer service"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path))
        let real = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: folder)
        #expect(real.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path),
                "the dry run recorded nothing, so the real run still sends the alert")
    }

    @Test(arguments: [0.05, 0.25, 0.5])
    func aRunKilledMidwayIsCompletedByTheNextWithoutDuplicatesOrGaps(killAfter seconds: Double) async throws {
        // The reference: one uninterrupted run.
        let clean = try EarshotBinary.temporaryFolder()
        #expect(try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: clean).status == 0)
        let expected = try summary(in: clean)

        // A run killed with SIGKILL part-way (wherever it happens to be), then a normal run.
        let folder = try EarshotBinary.temporaryFolder()
        let process = Process()
        process.executableURL = try EarshotBinary.executable
        process.arguments = ["run", "--config", Self.config, "--as-of", "2026-11-20"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .seconds(seconds))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let rerun = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: folder)
        #expect(rerun.status == 0, "stderr: \(rerun.stderr)")
        let after = try summary(in: folder)
        for name in ["Pinvale", "Lumio", "Tandem"] {
            let got = try brand(name, in: after), want = try brand(name, in: expected)
            #expect(got["mentions"] as? Int == want["mentions"] as? Int, "\(name): no mention lost or doubled")
            #expect((got["sentiment"] as? [String: Any])?["negative"] as? Int == (want["sentiment"] as? [String: Any])?["negative"] as? Int)
        }
        #expect((after["alerts"] as? [Any])?.count == 1)
        // The alert was logged once, whether or not the killed run got as far as logging it.
        let log = try String(contentsOf: folder.appendingPathComponent("reports/alerts.log"), encoding: .utf8)
        #expect(log.components(separatedBy: "== 2026-11-20").count - 1 == 1)
    }

    @Test func binaryCopiedOutOfBuildRunsFromAnotherFolder() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        // The copy is the size of a debug build (about 110 MB): not left behind.
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("bin/earshot")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try EarshotBinary.executable, to: copy)
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let result = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: work, binary: copy)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: work.appendingPathComponent("reports/latest/report.html").path))
    }

    @Test func aBrokenSourceIsNamedAndTheOthersStillRun() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let feeds = EarshotBinary.packageRoot.appendingPathComponent("feeds").path
        try Data("""
        lexicons: \(EarshotBinary.packageRoot.appendingPathComponent("lexicons").path)
        brands:
          - name: Pinvale
        sources:
          - id: good
            url: \(feeds)/techpulse.rss
          - id: missing
            url: nowhere.rss
          - id: broken
            url: broken.xml
        """.utf8).write(to: folder.appendingPathComponent("earshot.yaml"))
        try Data("<rss><channel><item><title>Pinvale".utf8).write(to: folder.appendingPathComponent("broken.xml"))
        let result = try await EarshotBinary.run(["run", "--as-of", "2026-11-20"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("source 'missing'"))
        #expect(result.stderr.contains("nowhere.rss"))
        let summary = try summary(in: folder)
        let sources = try #require(summary["sources"] as? [[String: Any]])
        #expect(sources.first { $0["id"] as? String == "good" }?["status"] as? String == "ok")
        #expect(sources.first { $0["id"] as? String == "missing" }?["status"] as? String == "failed")
        #expect((try brand("Pinvale", in: summary)["mentions"] as? Int ?? 0) > 0)
    }

    @Test(arguments: [
        ("brands: [", "not valid YAML"),
        ("brands:\n  - name: A\n    alias: [B]\nsources:\n  - {id: a, url: a.rss}\n", "alias"),
        ("brands:\n  - name: A\nsources: []\n", "at least one source"),
    ])
    func configurationErrorsExitTwoAndNameTheFile(yaml: String, expected: String) async throws {
        let folder = try EarshotBinary.temporaryFolder()
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("earshot.yaml"))
        let result = try await EarshotBinary.run(["run"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("earshot.yaml"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains(expected), "stderr: \(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports").path), "nothing written")
    }

    @Test func asOfMustBeADate() async throws {
        let result = try await EarshotBinary.run(["run", "--as-of", "20/11/2026"], in: try EarshotBinary.temporaryFolder())
        #expect(result.status == 2)
        #expect(result.stderr.contains("YYYY-MM-DD"))
    }

    @Test func aSecondRunWhileTheLockIsHeldExitsThree() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        let lock = folder.appendingPathComponent(".earshot/run.lock")
        try FileManager.default.createDirectory(at: lock.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Hold the lock here, as a long first run would: `flock` locks belong to the open file, so the
        // earshot child sees it taken. Taken before the child starts, so no wait and no race.
        let descriptor = open(lock.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let result = try await EarshotBinary.run(["run", "--config", Self.config, "--as-of", "2026-11-20"], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("another earshot run"))
    }
}
