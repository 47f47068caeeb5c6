import EarshotCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a file (`flock`), held for the life of a run so two cron runs never overlap.
/// The kernel releases it when the process exits, even after a crash.
final class RunLock {
    private let descriptor: Int32

    /// Takes the lock or throws at once.
    /// - Throws: ``EarshotError`` `.locked` when another run holds it, `.io` when the file cannot be opened.
    init(file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw EarshotError(.io, "cannot open the run lock; check the folder is writable", place: .init(file: file.path))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw EarshotError(.locked, "another earshot run holds the lock; try again when it ends", place: .init(file: file.path))
        }
        descriptor = fd
        let pid = Data("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
