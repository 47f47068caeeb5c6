import EarshotCore
import Foundation

/// A private copy of an SQLite store, so that reading it can never change the user's file.
///
/// Opening a store migrates it and lets SQLite touch its header, which would rewrite a page
/// of the original even when nothing is stored; a backtest promises to leave the store byte
/// for byte as it was, so it reads a copy of the database and its write-ahead log instead.
enum StoreSnapshot {
    /// Copies `file` (and its `-wal` log, if any) into a new temporary folder, calls `body`
    /// with the copy, and removes the folder afterwards.
    /// - Throws: ``EarshotError`` `.io` when the copy cannot be made; whatever `body` throws.
    static func withCopy<T>(of file: URL, _ body: (URL) async throws -> T) async throws -> T {
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("earshot-backtest-\(UUID().uuidString)")
        let copy = folder.appendingPathComponent(file.lastPathComponent)
        defer { try? fileManager.removeItem(at: folder) }
        do {
            try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            try fileManager.copyItem(at: file, to: copy)
            let log = URL(fileURLWithPath: file.path + "-wal")
            if fileManager.fileExists(atPath: log.path) {
                try fileManager.copyItem(at: log, to: URL(fileURLWithPath: copy.path + "-wal"))
            }
        } catch {
            throw EarshotError(.io, "could not copy the store to read it; check the temporary folder has room",
                               place: .init(file: file.path), cause: error)
        }
        return try await body(copy)
    }
}
