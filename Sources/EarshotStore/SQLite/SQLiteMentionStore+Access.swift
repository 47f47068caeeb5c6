import EarshotCore
import Foundation
import GRDB

/// Database access that turns every failure into an ``EarshotError`` naming the file.
extension SQLiteMentionStore {
    /// Runs `updates` in one write transaction.
    /// - Parameter action: what is being done, for the error message ("could not save …").
    func write<T: Sendable>(_ action: @autoclosure () -> String,
                            _ updates: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(updates)
        } catch {
            throw storeError(action(), error)
        }
    }

    /// Runs `value` on a consistent snapshot of the database.
    func read<T: Sendable>(_ action: @autoclosure () -> String,
                           _ value: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(value)
        } catch {
            throw storeError(action(), error)
        }
    }

    func storeError(_ action: String, _ error: any Error) -> EarshotError {
        Self.storeError(action, error, path: path)
    }

    /// `EarshotError(.store, "<what failed>: <why>; <what to do>", place: file, cause: error)`.
    ///
    /// An ``EarshotError`` thrown inside a transaction passes through unchanged.
    static func storeError(_ action: String, _ error: any Error, path: String) -> EarshotError {
        if var earshotError = error as? EarshotError {
            if earshotError.place == nil { earshotError.place = .init(file: path) }
            return earshotError
        }
        let place = EarshotError.Place(file: path)
        guard let databaseError = error as? DatabaseError else {
            return EarshotError(.store, "\(action); check the store file and retry", place: place, cause: error)
        }
        let reason: String
        switch databaseError.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            reason = "the database is locked by another process; wait for the other earshot run to finish, then retry"
        case .SQLITE_NOTADB:
            reason = "the file is not an SQLite database; point `store.path` at another file or move this one aside"
        case .SQLITE_CORRUPT:
            reason = "the database is corrupt; restore a backup, or move the file aside to start a new store"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            reason = "the file cannot be opened for writing; check that it and its folder exist and are writable"
        case .SQLITE_FULL:
            reason = "the disk is full; free some space, then retry"
        case .SQLITE_IOERR:
            reason = "the disk failed to read or write the file; check the disk, then retry"
        case .SQLITE_CONSTRAINT:
            reason = "a value broke the store's rules (ratings on 1–5, compounds on -1…1); this is a bug in the stage that produced it"
        default:
            reason = "SQLite failed; check the store file and retry"
        }
        return EarshotError(.store, "\(action): \(reason)", place: place, cause: databaseError)
    }
}
