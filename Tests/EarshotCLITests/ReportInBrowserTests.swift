import Foundation
import Testing

/// The demo's HTML report as a person sees it: laid out by a real browser (headless Chromium,
/// which `scripts/test` installs), at a desktop width and at a narrow phone-like width. A copy of
/// the report gets `Support/report_probe.js`, which measures the page after layout; the test reads
/// its findings from the DOM Chromium dumps. Chromium missing is a failure, not a skip.
@Suite(.serialized) struct ReportInBrowserTests {
    struct Probe: Decodable {
        var width: Int
        var scrollWidth: Int
        var svgs: [[Int]]
        /// Chart text labels that were laid out with a width (none would mean no fonts to measure with).
        var labels: Int
        var clipped: [String]
        var overflowing: [String]
        var text: String
    }

    static func chromium() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        Issue.record("no Chromium on PATH: install it (apt-get install chromium; scripts/test does this)")
        throw CocoaError(.fileNoSuchFile)
    }

    /// Loads `html` with the probe in Chromium at `width` CSS pixels and returns what the probe saw.
    static func probe(_ html: String, width: Int, in folder: URL) async throws -> Probe {
        let script = try String(contentsOf: EarshotBinary.packageRoot.appendingPathComponent("Tests/EarshotCLITests/Support/report_probe.js"), encoding: .utf8)
        let page = folder.appendingPathComponent("probe-\(width).html")
        try html.replacingOccurrences(of: "</body>", with: "<script>\(script)</script></body>").write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try chromium())
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run",
                             "--user-data-dir=\(folder.appendingPathComponent("profile-\(width)").path)",
                             "--window-size=\(width),2000", "--virtual-time-budget=5000", "--dump-dom", page.absoluteString]
        let dom = folder.appendingPathComponent("dom-\(width).html")
        FileManager.default.createFile(atPath: dom.path, contents: nil)
        let out = try FileHandle(forWritingTo: dom)
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A browser that hangs must not hang the suite: killed (SIGKILL) after two minutes. Polled
        // with Task.sleep, which gives the thread back to the other tests meanwhile.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try out.close()
        let dumped = try String(contentsOf: dom, encoding: .utf8)
        let start = try #require(dumped.range(of: "<pre id=\"earshot-probe\">", options: .backwards), "Chromium printed no probe result (exit \(process.terminationStatus))")
        let end = try #require(dumped.range(of: "</pre>", range: start.upperBound..<dumped.endIndex))
        let json = try #require(Data(base64Encoded: String(dumped[start.upperBound..<end.lowerBound])), "the probe result is not base64")
        return try JSONDecoder().decode(Probe.self, from: json)
    }

    @Test func demoReportLaysOutOnDesktopAndPhoneWidths() async throws {
        let folder = try EarshotBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await EarshotBinary.run(["run", "--config", RunCommandTests.config, "--as-of", "2026-11-20"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let html = try String(contentsOf: folder.appendingPathComponent("reports/latest/report.html"), encoding: .utf8)
        let charts = html.components(separatedBy: "<svg").count - 1
        #expect(charts >= 9, "three brands, each with its daily charts and trust trend")

        // 500 px is the narrowest window headless Chromium lays out (a narrower one is widened to it).
        for width in [1280, 500] {
            let probe = try await Self.probe(html, width: width, in: folder)
            #expect(probe.width == width)
            #expect(probe.scrollWidth <= probe.width, "at \(width) px the page scrolls sideways (\(probe.scrollWidth) px wide): \(probe.overflowing.prefix(5))")
            #expect(probe.overflowing.isEmpty, "at \(width) px these stick out of the window: \(probe.overflowing.prefix(5))")
            #expect(probe.svgs.count == charts, "every chart is laid out")
            for (index, size) in probe.svgs.enumerated() {
                #expect(size.count == 2 && size[0] >= 200 && size[1] >= 80, "chart \(index) at \(width) px is \(size)")
                #expect(size.count == 2 && size[0] <= width, "chart \(index) at \(width) px is wider than the window")
            }
            #expect(probe.labels >= charts * 3, "chart labels were measured (\(probe.labels))")
            #expect(probe.clipped.isEmpty, "at \(width) px these chart labels are cut off: \(probe.clipped)")
            // What a reader must see, as rendered text.
            for visible in ["Pinvale", "Lumio", "Tandem", "1.4", "Negative spike", "Per ISO week", "Trust score per day"] {
                #expect(probe.text.contains(visible), "\(visible) is not shown at \(width) px")
            }
        }
    }
}
