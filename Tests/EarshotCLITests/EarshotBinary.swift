import Foundation
import Testing

/// Runs the built `earshot` executable as a user would, capturing its output and exit status.
struct EarshotBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's place (Tests/EarshotCLITests/).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `earshot` binary built beside the test bundle.
    static var executable: URL {
        get throws {
            let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            let candidates = [products, products.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent()]
                .map { $0.appendingPathComponent("earshot") }
            return try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
                                "earshot binary not found next to the test bundle")
        }
    }

    /// Runs `binary` (default: the built earshot) with `arguments` in `directory`, feeding `input` on stdin.
    ///
    /// Waits for the child without holding a thread: Swift Testing runs tests on the cooperative
    /// pool (two threads on a two-core machine), and a test blocked in `waitUntilExit` starves the
    /// async tests beside it (their time limits then fire although they would pass).
    static func run(_ arguments: [String], in directory: URL, input: String? = nil, binary: URL? = nil,
                    environment: [String: String] = [:]) async throws -> Result {
        let child = try Child(arguments, in: directory, binary: binary, environment: environment)
        defer { child.cleanUp() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            child.process.terminationHandler = { _ in continuation.resume() }
            do {
                try child.start(input: input)
            } catch {
                child.process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return try child.result()
    }

    /// A child process whose output goes to files, so a large output can never block it on a full pipe.
    private final class Child: @unchecked Sendable {
        let process = Process()
        let capture: URL, outURL: URL, errURL: URL
        let out: FileHandle, err: FileHandle
        let inPipe = Pipe()

        init(_ arguments: [String], in directory: URL, binary: URL?, environment: [String: String]) throws {
            process.executableURL = try binary ?? EarshotBinary.executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            var env = ProcessInfo.processInfo.environment
            for (key, value) in environment { env[key] = value }
            process.environment = env
            capture = try EarshotBinary.temporaryFolder()
            outURL = capture.appendingPathComponent("stdout")
            errURL = capture.appendingPathComponent("stderr")
            FileManager.default.createFile(atPath: outURL.path, contents: nil)
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
            out = try FileHandle(forWritingTo: outURL)
            err = try FileHandle(forWritingTo: errURL)
            process.standardOutput = out
            process.standardError = err
            process.standardInput = inPipe
        }

        /// Starts the child and feeds it `input`. Throws only when the child did not start (so
        /// that the termination handler runs exactly when this returns).
        func start(input: String?) throws {
            try process.run()
            if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
            try? inPipe.fileHandleForWriting.close()
        }

        /// The exit status and output, once the child has exited.
        func result() throws -> Result {
            try out.close()
            try err.close()
            let stdoutData = try Data(contentsOf: outURL), stderrData = try Data(contentsOf: errURL)
            return Result(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                          stderr: String(decoding: stderrData, as: UTF8.self))
        }

        func cleanUp() { try? FileManager.default.removeItem(at: capture) }
    }

    /// A new empty folder under ``temporaryRoot``.
    static func temporaryFolder() throws -> URL {
        let url = try temporaryRoot.get().appendingPathComponent("earshot-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder under the system's temporary directory for all of this test process's folders,
    /// removed when the process exits: the tests' stores, reports and logs (1-5 MB a test) are
    /// not left behind run after run.
    private static let temporaryRoot: Swift.Result<URL, any Error> = Swift.Result {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("earshot-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { EarshotBinary.removeTemporaryRoot() }
        return url
    }

    private static func removeTemporaryRoot() {
        if case .success(let url) = temporaryRoot { try? FileManager.default.removeItem(at: url) }
    }
}
