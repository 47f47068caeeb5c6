import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// Local files as sources: relative paths, "not modified", and clear errors.
struct FileFetcherTests {
    let now = Date(timeIntervalSince1970: 1_714_521_600)

    /// A fresh folder under the temporary directory, removed after `body`.
    func withFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-filefetcher-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    @Test func relativePathIsReadFromTheBaseDirectory() async throws {
        try await withFolder { folder in
            try Data("<rss/>".utf8).write(to: folder.appendingPathComponent("feeds/a.xml"))
            let fetcher = FileFetcher(baseDirectory: folder)
            let document = try await fetcher.fetch(SourceConfig(id: "a", url: "feeds/a.xml"), validators: nil, now: now)
            #expect(document.bytes == Array("<rss/>".utf8))
            #expect(document.source == "a")
            #expect(document.fetchedAt == now)
            #expect(document.notModified == false)
            #expect(document.finalURL == folder.appendingPathComponent("feeds/a.xml").standardizedFileURL.path)
            #expect(document.validators.lastModified != nil)

            // Absolute paths and file:// URLs ignore the base directory.
            let absolute = folder.appendingPathComponent("feeds/a.xml").path
            let elsewhere = FileFetcher(baseDirectory: URL(fileURLWithPath: "/nonexistent"))
            #expect(try await elsewhere.fetch(SourceConfig(id: "a", url: absolute), validators: nil, now: now).bytes.count == 6)
            #expect(try await elsewhere.fetch(SourceConfig(id: "a", url: "file://" + absolute), validators: nil, now: now).bytes.count == 6)
        }
    }

    @Test func unchangedFileIsNotModifiedOnTheSecondFetch() async throws {
        try await withFolder { folder in
            try Data("<rss version=\"2.0\"/>".utf8).write(to: folder.appendingPathComponent("feeds/b.xml"))
            let fetcher = FileFetcher(baseDirectory: folder)
            let source = SourceConfig(id: "b", url: "feeds/b.xml")
            let first = try await fetcher.fetch(source, validators: nil, now: now)
            #expect(first.notModified == false)
            let second = try await fetcher.fetch(source, validators: first.validators, now: now.addingTimeInterval(60))
            #expect(second.notModified == true)
            #expect(second.bytes.isEmpty)
            #expect(second.validators == first.validators)
        }
    }

    @Test func fileRewrittenWithinTheSameSecondIsReadAgain() async throws {
        try await withFolder { folder in
            let url = folder.appendingPathComponent("feeds/c.xml")
            try Data("<rss version=\"2.0\"/>".utf8).write(to: url)
            let fetcher = FileFetcher(baseDirectory: folder)
            let source = SourceConfig(id: "c", url: "feeds/c.xml")
            let first = try await fetcher.fetch(source, validators: nil, now: now)
            try Data("<rss version=\"2.0\"><channel/></rss>".utf8).write(to: url)
            let second = try await fetcher.fetch(source, validators: first.validators, now: now)
            #expect(second.notModified == false)
            #expect(second.bytes == Array("<rss version=\"2.0\"><channel/></rss>".utf8))
        }
    }

    @Test func missingFileIsAFetchErrorNamingThePath() async throws {
        try await withFolder { folder in
            let fetcher = FileFetcher(baseDirectory: folder)
            let error = await #expect(throws: EarshotError.self) {
                try await fetcher.fetch(SourceConfig(id: "gone", url: "feeds/missing.xml"), validators: nil, now: now)
            }
            #expect(error?.code == .fetch)
            #expect(error?.place?.source == "gone")
            #expect(error?.description.contains(folder.appendingPathComponent("feeds/missing.xml").standardizedFileURL.path) == true,
                    "\(String(describing: error))")
        }
    }

    @Test func fileOverTheSizeLimitIsRefused() async throws {
        try await withFolder { folder in
            try Data(repeating: 0x41, count: 2048).write(to: folder.appendingPathComponent("feeds/big.xml"))
            let fetcher = FileFetcher(baseDirectory: folder, maxBytes: 1024)
            let error = await #expect(throws: EarshotError.self) {
                try await fetcher.fetch(SourceConfig(id: "big", url: "feeds/big.xml"), validators: nil, now: now)
            }
            #expect(error?.code == .fetch)
            #expect(error?.message.contains("1024") == true)
        }
    }
}
