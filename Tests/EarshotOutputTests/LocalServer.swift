import Foundation
import Testing

/// A test server process on 127.0.0.1: one of the scripts in `Servers/`, started with Foundation's
/// `Process`, ready once it prints `READY <port>` (it prints that only after it listens), and
/// terminated by ``stop()``, which every test calls in a `defer`.
final class LocalServer: @unchecked Sendable {
    let process: Process
    let port: Int
    /// The folder the server writes what it receives to.
    let folder: URL
    let log: URL

    /// The `Servers/` folder beside this file.
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Servers")

    private init(process: Process, port: Int, folder: URL, log: URL) {
        self.process = process
        self.port = port
        self.folder = folder
        self.log = log
    }

    /// Starts `Servers/<script>` with `arguments` plus `--dir <folder>` and waits until it is ready.
    static func start(_ script: String, _ arguments: [String] = [], folder: URL? = nil) async throws -> LocalServer {
        let folder = try folder ?? TemporaryFolder.make("server")
        let log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scripts.appendingPathComponent(script).path, "--dir", folder.path] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        // Read the READY line on a thread of its own: a blocking read must not hold one of the
        // few threads Swift concurrency runs every test on.
        let reader = stdout.fileHandleForReading
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String, Never>) in
            Thread.detachNewThread {
                var bytes: [UInt8] = []
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if bytes.contains(UInt8(ascii: "\n")) { break }
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        guard line.hasPrefix("READY "), let port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            let errors = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw ServerError(description: "\(script) did not start: \(line) \(errors)")
        }
        return LocalServer(process: process, port: port, folder: folder, log: log)
    }

    /// Terminates the server and waits for it to exit.
    /// Sends SIGTERM, and SIGKILL if the server is still running 5 seconds later.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { usleep(10_000) }
    }

    /// The files named `<n><suffix>` the server wrote, in order.
    func files(suffix: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.compactMap { name -> (Int, URL)? in
            guard name.hasSuffix(suffix), let n = Int(name.dropLast(suffix.count)) else { return nil }
            return (n, folder.appendingPathComponent(name))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
    }
}

/// Fresh folders, all under one folder of this test process's in the system's temporary folder,
/// removed when the process exits (servers' logs and scripts are not left behind run after run).
enum TemporaryFolder {
    static func make(_ prefix: String) throws -> URL {
        let url = try root.get().appendingPathComponent("earshot-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private static let root: Result<URL, any Error> = Result {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("earshot-output-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { TemporaryFolder.removeRoot() }
        return url
    }

    private static func removeRoot() {
        if case .success(let url) = root { try? FileManager.default.removeItem(at: url) }
    }
}
