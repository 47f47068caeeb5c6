import EarshotCore
import Foundation

/// Writes a run's report files into its dated folder and into `latest/`, each file atomically.
///
/// Every file is rendered to memory first (a rendering failure writes nothing), then written
/// to a hidden temporary file in the target folder, flushed to disk, and renamed over the
/// final name with `rename(2)`, so a crash or a full disk never leaves a half-written
/// report: readers see the old file or the new one. `summary.json` is written last in each
/// folder, so a tool that watches it finds the other files already in place.
///
/// ```
/// reports/
///   2026-11-20/  report.html  report.md  mentions.csv  summary.json
///   latest/      (the same files)
/// ```
public struct ReportPublisher: Sendable {
    /// The writers whose files make up a report folder, in writing order.
    public var writers: [any ReportWriter]

    /// The files earshot publishes: HTML, Markdown, the mentions and trends CSVs, and `summary.json` last.
    public static var standardWriters: [any ReportWriter] {
        [HTMLReportWriter(), MarkdownReportWriter(), MentionsCSVWriter(), TrendsCSVWriter(), SummaryJSONWriter()]
    }

    /// Creates a publisher.
    ///
    /// - Parameter writers: The files to write, in order; by default ``standardWriters``.
    public init(writers: [any ReportWriter] = ReportPublisher.standardWriters) {
        self.writers = writers
    }

    /// Renders `report` and writes its files into `reportsDirectory/<asOf>/` and then
    /// `reportsDirectory/latest/`, creating the folders as needed.
    ///
    /// - Parameters:
    ///   - report: The computed report.
    ///   - reportsDirectory: The folder that holds one sub-folder per run day.
    /// - Returns: The dated folder, for example `reports/2026-11-20/`.
    /// - Throws: `EarshotError` with code `.report` naming the file or folder that could not
    ///   be written; files already renamed into place stay complete.
    @discardableResult
    public func publish(_ report: Report, to reportsDirectory: URL) throws -> URL {
        let files = try writers.map { ($0.fileName, try $0.render(report)) }
        let dated = reportsDirectory.appendingPathComponent(report.asOf.description, isDirectory: true)
        let latest = reportsDirectory.appendingPathComponent("latest", isDirectory: true)
        for folder in [dated, latest] {
            try makeFolder(folder)
            for (name, data) in files {
                try write(data, to: folder.appendingPathComponent(name, isDirectory: false))
            }
            syncFolder(folder)
        }
        return dated
    }

    func makeFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Self.failure(folder, error)
        }
        removeStaleTemporaries(in: folder)
    }

    /// Writes `data` to a temporary file beside `destination`, flushes it, and renames it over
    /// `destination`.
    func write(_ data: Data, to destination: URL) throws {
        let folder = destination.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(
            Self.temporaryPrefix(for: destination.lastPathComponent) + UUID().uuidString + ".tmp", isDirectory: false)
        do {
            try data.write(to: temporary, options: .withoutOverwriting)
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.synchronize()
            guard rename(temporary.path, destination.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Self.failure(destination, error)
        }
    }

    /// Flushes the folder's entries (the renames) to disk; best effort.
    func syncFolder(_ folder: URL) {
        guard let handle = try? FileHandle(forReadingFrom: folder) else { return }
        try? handle.synchronize()
        try? handle.close()
    }

    /// Removes temporary files a crashed earlier run left behind.
    func removeStaleTemporaries(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let prefixes = writers.map { Self.temporaryPrefix(for: $0.fileName) }
        for name in names where name.hasSuffix(".tmp") && prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    static func temporaryPrefix(for fileName: String) -> String { ".\(fileName).earshot-" }

    static func failure(_ url: URL, _ error: any Error) -> EarshotError {
        EarshotError(.report, "cannot write \(url.path): \(reason(error)); check the folder is writable",
                     place: .init(file: url.path), cause: error)
    }

    /// The operating system's words for an error: "Permission denied", "Not a directory".
    static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
