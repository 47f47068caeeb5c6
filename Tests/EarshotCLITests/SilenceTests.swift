import EarshotCore
import Foundation
import Testing
@testable import EarshotCLI

/// `silences.yaml` beside the config: muted alerts are neither recorded nor sent, expired
/// silences are ignored, and a malformed file is a configuration error.
@Suite(.serialized) struct SilenceTests {
    static let feeds = EarshotBinary.packageRoot.appendingPathComponent("feeds")

    /// A working folder holding a copy of the demo config (its paths made absolute, so it reads
    /// the bundled feeds) and, when given, a `silences.yaml` beside it.
    private func demo(silences: String?) throws -> (folder: URL, config: String) {
        let folder = try EarshotBinary.temporaryFolder()
        var yaml = try String(contentsOf: Self.feeds.appendingPathComponent("earshot.yaml"), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "lexicons: ../lexicons", with: "lexicons: \(EarshotBinary.packageRoot.path)/lexicons")
        yaml = yaml.replacingOccurrences(of: "    url: ", with: "    url: \(Self.feeds.path)/")
        let config = folder.appendingPathComponent("earshot.yaml")
        try yaml.write(to: config, atomically: true, encoding: .utf8)
        if let silences {
            try silences.write(to: folder.appendingPathComponent("silences.yaml"), atomically: true, encoding: .utf8)
        }
        return (folder, config.path)
    }

    private func alerts(in folder: URL) throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(summary["alerts"] as? [[String: Any]])
    }

    @Test func theCopiedDemoAlertsWithoutASilence() async throws {
        let (folder, config) = try demo(silences: nil)
        let run = try await EarshotBinary.run(["run", "--config", config, "--as-of", "2026-11-20"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path))
        #expect(try alerts(in: folder).count == 1)
    }

    @Test(arguments: [
        "- brand: Pinvale\n  until: 2026-11-30\n  reason: \"refund backlog, support is on it\"\n",
        "- {brand: Pinvale, kind: negative-spike, aspect: service, until: 2026-11-20, reason: known}\n",
    ])
    func aSilencedBrandRecordsNoAlert(silences: String) async throws {
        let (folder, config) = try demo(silences: silences)
        let run = try await EarshotBinary.run(["run", "--config", config, "--as-of", "2026-11-20"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path))
        #expect(try alerts(in: folder).isEmpty)

        let backtest = try await EarshotBinary.run(["backtest", "--config", config, "--from", "2026-11-10", "--to", "2026-11-20"], in: folder)
        #expect(backtest.status == 0, "stderr: \(backtest.stderr)")
        #expect(backtest.stdout.hasPrefix("backtest 2026-11-10 to 2026-11-20: 0 alert(s) would have been sent, 3 firing alert(s) silenced"),
                "\(backtest.stdout)")
    }

    @Test(arguments: [
        "- {brand: Pinvale, until: 2026-11-19}\n",                  // expired the day before
        "- {brand: Pinvale, aspect: experience, until: 2026-11-30}\n", // another aspect
        "- {brand: Pinvale, kind: trust-drop, until: 2026-11-30}\n",   // another kind
        "- {brand: Lumio, until: 2026-11-30}\n",                      // another brand
        "# nothing silenced yet\n",
    ])
    func aSilenceThatDoesNotCoverTheAlertLetsItThrough(silences: String) async throws {
        let (folder, config) = try demo(silences: silences)
        let run = try await EarshotBinary.run(["run", "--config", config, "--as-of", "2026-11-20"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path))
        #expect(try alerts(in: folder).count == 1)
    }

    @Test(arguments: [
        ("- {brand: Pinvale, until: next week}\n", "silences.yaml:1:27: silence 1 (Pinvale): until must be a date as YYYY-MM-DD, got 'next week'"),
        ("- {brand: Pinvale, until: 2026-11-30}\n- {brand: Lumio}\n", "silences.yaml:2:3: silence 2 (Lumio): missing key 'until'"),
        ("- {brand: Pinvale, kind: outage, until: 2026-11-30}\n", "silence 1 (Pinvale): unknown kind 'outage'"),
        ("- {brand: Pinvale, until: 2026-11-30, untill: 2026-12-01}\n", "silence 1: unknown key 'untill'"),
        ("brand: Pinvale\nuntil: 2026-11-30\n", "silences.yaml:1:1: expected a list of silences"),
        ("- [brand, Pinvale\n", "silences.yaml: not valid YAML"),
    ])
    func aMalformedFileExitsTwoNamingTheFileAndEntry(silences: String, expected: String) async throws {
        let (folder, config) = try demo(silences: silences)
        let run = try await EarshotBinary.run(["run", "--config", config, "--as-of", "2026-11-20"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains(expected), "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports/alerts.log").path))

        let backtest = try await EarshotBinary.run(["backtest", "--config", config, "--from", "2026-11-01", "--to", "2026-11-20"], in: folder)
        #expect(backtest.status == 2)
        #expect(backtest.stderr.contains(expected), "stderr: \(backtest.stderr)")
    }

    private func alert(_ brand: String, _ kind: AlertKind, _ aspect: String?) -> Alert {
        Alert(brand: brand, kind: kind, aspect: aspect, day: Day(year: 2026, month: 11, day: 18),
              episodeStart: Day(year: 2026, month: 11, day: 18), title: "t", details: [])
    }

    @Test func aSilenceHoldsThroughItsLastDayAndMatchesBrandKindAndAspect() throws {
        let list = try SilenceList.parse("""
            - {brand: Pinvale, kind: negative-spike, aspect: service, until: 2026-11-20}
            - {brand: Lumio, aspect: all, until: 2026-11-20, reason: "brand-wide noise"}
            """, file: "silences.yaml")
        let alerts = [alert("Pinvale", .negativeSpike, "service"), alert("Pinvale", .negativeSpike, "experience"),
                      alert("Pinvale", .trustDrop, nil), alert("Lumio", .negativeSpike, nil), alert("Lumio", .negativeSpike, "service")]
        let onLastDay = list.unmuted(alerts, asOf: Day(year: 2026, month: 11, day: 20)).map(\.fingerprint)
        #expect(onLastDay == ["Pinvale|negative-spike|experience", "Pinvale|trust-drop|all", "Lumio|negative-spike|service"])
        #expect(list.unmuted(alerts, asOf: Day(year: 2026, month: 11, day: 21)) == alerts, "expired the day after until")
        #expect(list.silences[1].reason == "brand-wide noise")
    }

    @Test(arguments: ["", "# none yet\n", "~\n", "[]\n"])
    func anEmptyFileSilencesNothing(text: String) throws {
        #expect(try SilenceList.parse(text, file: "silences.yaml").silences.isEmpty)
    }
}
