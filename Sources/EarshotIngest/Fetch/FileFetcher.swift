import EarshotCore
import Foundation

/// Reads sources that are local files, resolving relative paths against the config's folder.
///
/// Uses the file's modification time (to the microsecond) and size as a validator, so an
/// unchanged file is "not modified" just as an unchanged feed is over HTTP, and a file
/// rewritten within the same second is still read again.
public struct FileFetcher: DocumentFetcher {
    /// The folder relative paths are resolved against (the config file's folder).
    public var baseDirectory: URL
    /// Files larger than this are refused.
    public var maxBytes: Int

    public init(baseDirectory: URL, maxBytes: Int = 32 << 20) {
        self.baseDirectory = baseDirectory
        self.maxBytes = maxBytes
    }

    public func fetch(_ source: SourceConfig, validators: HTTPValidators?, now: Date) async throws -> FetchedDocument {
        let url = resolve(source.url)
        let place = EarshotError.Place(file: url.path, source: source.id)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw EarshotError(.fetch, "cannot read the file; check the path (relative paths are relative to the config file)", place: place)
        }
        if let size = attributes[.size] as? Int, size > maxBytes {
            throw EarshotError(.fetch, "the file is \(size) bytes, over the \(maxBytes)-byte limit (fetch.maxBytes)", place: place)
        }
        let current = FileFetcher.validators(attributes)
        if let validators, !current.isEmpty, validators == current {
            return FetchedDocument(source: source.id, bytes: [], finalURL: url.path, validators: current, fetchedAt: now, notModified: true)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw EarshotError(.fetch, "cannot read the file (permissions?)", place: place)
        }
        return FetchedDocument(source: source.id, bytes: [UInt8](data), finalURL: url.path, validators: current, fetchedAt: now)
    }

    /// `mtime:<seconds.microseconds> size:<bytes>` as the Last-Modified validator; empty without a modification date.
    static func validators(_ attributes: [FileAttributeKey: Any]) -> HTTPValidators {
        guard let modified = attributes[.modificationDate] as? Date else { return HTTPValidators() }
        let microseconds = Int64((modified.timeIntervalSince1970 * 1_000_000).rounded())
        let seconds = microseconds / 1_000_000, fraction = abs(microseconds % 1_000_000)
        let fractionText = String(fraction)
        var text = "mtime:\(seconds)." + String(repeating: "0", count: 6 - fractionText.count) + fractionText
        if let size = (attributes[.size] as? NSNumber)?.int64Value { text += " size:\(size)" }
        return HTTPValidators(etag: nil, lastModified: text)
    }

    func resolve(_ path: String) -> URL {
        var path = path
        if path.lowercased().hasPrefix("file://") { path = String(path.dropFirst(7)) }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL
    }
}
