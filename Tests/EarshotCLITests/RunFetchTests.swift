import Foundation
import Testing

/// End to end over HTTP: `earshot run` against a real server on 127.0.0.1
/// (`Support/feed_server.py`), across several runs sharing one store.
@Suite(.serialized) struct RunFetchTests {
    /// The Python feed server, started for one test and stopped at its end.
    final class FeedServer {
        let process = Process()
        let folder: URL
        let port: Int

        init() throws {
            folder = try EarshotBinary.temporaryFolder()
            let portFile = folder.appendingPathComponent("port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", EarshotBinary.packageRoot.appendingPathComponent("Tests/EarshotCLITests/Support/feed_server.py").path,
                                 portFile.path, folder.appendingPathComponent("requests.log").path,
                                 EarshotBinary.packageRoot.appendingPathComponent("feeds/techpulse.rss").path]
            // No pipes: the server's output can never fill a buffer and block it.
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var port: Int?
            for _ in 0..<200 where port == nil {
                port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) }
                if port == nil { Thread.sleep(forTimeInterval: 0.05) }
            }
            guard let port else {
                kill(process.processIdentifier, SIGKILL)
                throw EarshotTestFailure("the feed server did not start (is python3 installed?)")
            }
            self.port = port
        }

        deinit {
            // SIGKILL, not terminate(): the child inherits the test runner's signal mask, in
            // which SIGTERM may be blocked, and would then never exit.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: folder)
        }

        /// The paths requested so far, in order.
        var requests: [String] {
            let text = (try? String(contentsOf: folder.appendingPathComponent("requests.log"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").map { String($0.dropFirst("GET ".count)) }
        }

        func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
    }

    struct EarshotTestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private func writeConfig(in folder: URL, sources: [(String, String)]) throws {
        var yaml = """
        lexicons: \(EarshotBinary.packageRoot.appendingPathComponent("lexicons").path)
        fetch:
          allowPrivateAddresses: true
          contact: https://example.org/earshot-tests
        brands:
          - name: Pinvale
        sources:

        """
        for (id, url) in sources { yaml += "  - id: \(id)\n    url: \(url)\n" }
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("earshot.yaml"))
    }

    private func statuses(in folder: URL) throws -> [String: String] {
        let data = try Data(contentsOf: folder.appendingPathComponent("reports/latest/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sources = try #require(summary["sources"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: sources.compactMap { source in
            (source["id"] as? String).map { ($0, source["status"] as? String ?? "") }
        })
    }

    @Test func conditionalGetRetryAfterAndGoneAcrossRuns() async throws {
        let server = try FeedServer()
        let folder = try EarshotBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeConfig(in: folder, sources: [("feed", server.url("/feed.rss")), ("busy", server.url("/busy.rss")),
                                              ("gone", server.url("/gone.rss"))])

        // Run 1: the feed is read; busy says 429 with Retry-After; gone says 410.
        let first = try await EarshotBinary.run(["run", "--as-of", "2026-11-20"], in: folder)
        #expect(first.status == 1, "stderr: \(first.stderr)")
        #expect(first.stderr.contains("source 'busy'") && first.stderr.contains("Retry-After"), "stderr: \(first.stderr)")
        #expect(first.stderr.contains("source 'gone'") && first.stderr.contains("410"), "stderr: \(first.stderr)")
        #expect(try statuses(in: folder) == ["feed": "ok", "busy": "failed", "gone": "failed"])
        #expect(server.requests.sorted() == ["/busy.rss", "/feed.rss", "/gone.rss"])

        // Run 2: the feed is asked with its ETag (304); busy is skipped without a request; gone
        // is retired, not asked, and still fails the run so nobody misses it.
        let second = try await EarshotBinary.run(["run", "--as-of", "2026-11-20"], in: folder)
        #expect(second.status == 1, "stderr: \(second.stderr)")
        #expect(try statuses(in: folder) == ["feed": "not-modified", "busy": "skipped", "gone": "failed"])
        #expect(second.stderr.contains("retired") && second.stderr.contains("remove the source from the config"), "stderr: \(second.stderr)")
        #expect(server.requests.sorted() == ["/busy.rss", "/feed.rss", "/feed.rss", "/gone.rss"])

        // Run 3: the user points the retired source at a new url and drops the busy one:
        // the new url is fetched, and the run succeeds.
        try writeConfig(in: folder, sources: [("feed", server.url("/feed.rss")), ("gone", server.url("/feed.rss?moved"))])
        let third = try await EarshotBinary.run(["run", "--as-of", "2026-11-20"], in: folder)
        #expect(third.status == 0, "stderr: \(third.stderr)")
        #expect(try statuses(in: folder) == ["feed": "not-modified", "gone": "ok"])
        #expect(server.requests.filter { $0 == "/feed.rss?moved" }.count == 1)
    }
}
