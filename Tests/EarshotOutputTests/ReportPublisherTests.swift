import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct ReportPublisherTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func names(_ folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    }

    @Test func writesTheDatedFolderAndLatest() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = ReportFixture.report()
        let reports = root.appendingPathComponent("reports")
        let dated = try ReportPublisher().publish(report, to: reports)
        #expect(dated.standardizedFileURL == reports.appendingPathComponent("2026-11-20").standardizedFileURL)
        let expected: Set = ["report.html", "report.md", "mentions.csv", "trends.csv", "summary.json"]
        #expect(try names(dated) == expected, "no temporary files are left behind")
        #expect(try names(reports.appendingPathComponent("latest")) == expected)
        #expect(try names(reports) == ["2026-11-20", "latest"])
        for writer in ReportPublisher.standardWriters {
            let data = try writer.render(report)
            #expect(try Data(contentsOf: dated.appendingPathComponent(writer.fileName)) == data)
            #expect(try Data(contentsOf: reports.appendingPathComponent("latest").appendingPathComponent(writer.fileName)) == data)
        }
    }

    @Test func republishingReplacesFilesAndClearsStaleTemporaries() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let publisher = ReportPublisher()
        try publisher.publish(ReportFixture.report(), to: root)
        let latest = root.appendingPathComponent("latest")
        let stale = latest.appendingPathComponent(".report.html.earshot-CRASHED.tmp")
        try Data("half a report".utf8).write(to: stale)
        var next = ReportFixture.report()
        next.asOf = next.asOf.advanced(by: 1)
        let dated = try publisher.publish(next, to: root)
        #expect(dated.lastPathComponent == "2026-11-21")
        #expect(try names(latest) == ["report.html", "report.md", "mentions.csv", "trends.csv", "summary.json"])
        let summary = try String(contentsOf: latest.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"asOf\": \"2026-11-21\"") || summary.contains("\"asOf\" : \"2026-11-21\""))
        #expect(try names(root) == ["2026-11-20", "2026-11-21", "latest"])
    }

    @Test func anUnwritableTargetIsAReportError() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let target = file.appendingPathComponent("reports")
        let error = try #require(throws: EarshotError.self) {
            try ReportPublisher().publish(ReportFixture.report(), to: target)
        }
        #expect(error.code == .report)
        #expect(error.message.contains(target.path))
        #expect(error.message.hasPrefix("cannot write "))
        #expect(error.message.hasSuffix("; check the folder is writable"))
        #expect(error.place?.file?.contains(target.path) == true)
        #expect(error.cause != nil)
    }

    @Test func aFailingWriterWritesNothing() throws {
        struct Broken: ReportWriter {
            let fileName = "broken.txt"
            func render(_ report: Report) throws -> Data { throw EarshotError(.report, "broken on purpose") }
        }
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: EarshotError.self) {
            try ReportPublisher(writers: [HTMLReportWriter(), Broken()]).publish(ReportFixture.report(), to: root)
        }
        #expect(try names(root).isEmpty)
    }
}
