import Foundation

/// Fresh folders under the system's temporary directory for file-database tests.
enum TemporaryFolder {
    /// Runs `body` with a new empty folder, and removes the folder when `body` returns or throws.
    static func with(_ body: (URL) async throws -> Void) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        try await body(url)
    }
}
