import EarshotCore
import Foundation
import Logging

/// Hands alert messages to the local mail system: runs `sendmail -t -i` with the message on stdin.
///
/// The message is the same RFC 5322 message ``SMTPNotifier`` sends, with LF line ends; `-t`
/// takes the recipients from its `To` header (which holds only the configured recipients) and
/// `-i` keeps a line with a single dot from ending the input. The message is given through a
/// temporary file rather than a pipe, so a sendmail that exits early cannot stall or signal
/// earshot. Exit status 0 means the mail system accepted the message.
public struct SendmailNotifier: Notifier {
    /// The sendmail program (for example `/usr/sbin/sendmail`).
    public let path: String
    /// How long sendmail may run before it is terminated and the delivery fails.
    public let timeout: Duration
    let from: EmailAddress
    let recipients: [EmailAddress]
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates a notifier.
    ///
    /// - Parameters:
    ///   - path: the sendmail program.
    ///   - from: the sender mailbox (`alerts@example.com` or `Name <alerts@example.com>`).
    ///   - to: the recipient mailboxes; at least one.
    ///   - timeout: the longest sendmail may run.
    ///   - logger: receives a `debug` event per delivery.
    ///   - now: the clock for the `Date` header.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` for an empty path, an invalid
    ///   mailbox, or no recipient.
    public init(path: String, from: String, to: [String], timeout: Duration = .seconds(60),
                logger: Logger = Logger(label: "earshot.delivery", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw EarshotError(.configuration, "alerts.email.sendmail is empty; give the path of the sendmail program")
        }
        self.path = path
        self.timeout = timeout
        self.from = try EmailAddress(parsing: from, field: "alerts.email.from")
        recipients = try to.map { try EmailAddress(parsing: $0, field: "alerts.email.to") }
        guard !recipients.isEmpty else {
            throw EarshotError(.configuration, "alerts.email.to lists no recipient; add at least one address")
        }
        self.logger = logger
        self.now = now
    }

    /// The arguments sendmail gets: `-t -i`.
    public static let arguments = ["-t", "-i"]

    /// Runs sendmail with `message` on stdin and waits for it.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` when sendmail cannot be started, runs
    ///   past the timeout, or exits non-zero (with the first lines it printed).
    public func deliver(_ message: AlertMessage) async throws {
        let email = EmailMessage(from: from, to: recipients, message: message, date: now())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-sendmail-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw EarshotError(.delivery, "could not create a temporary folder for sendmail's input", cause: error)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("message.eml")
        let output = folder.appendingPathComponent("output.txt")
        let status: Int32
        do {
            try Data(email.renderedForPipe().utf8).write(to: input)
            try Data().write(to: output)
            status = try await run(input: input, output: output)
        } catch let error as EarshotError {
            throw error
        } catch {
            throw EarshotError(.delivery, "could not run sendmail at '\(path)'", cause: error)
        }
        guard status == 0 else {
            let printed = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            let text = MIMEHeader.sanitized(printed).trimmingCharacters(in: .whitespaces)
            let said = text.isEmpty ? "" : ": " + String(text.prefix(400))
            throw EarshotError(.delivery, "sendmail at '\(path)' exited with status \(status)\(said)")
        }
        logger.debug("alert email handed to sendmail", metadata: ["sendmail.path": "\(path)", "message.id": "\(message.messageID)"])
    }

    /// Starts `process` from a thread of its own whose signal mask is empty.
    ///
    /// A child inherits the signal mask of the thread that spawns it, and Swift concurrency's
    /// threads block nearly every signal: sendmail started from one would ignore SIGTERM,
    /// SIGALRM and the rest, which breaks its own timeouts and its shutdown.
    static func launch(_ process: Process) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                do {
                    try process.run()
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Runs the program with `input` as stdin and stdout and stderr into `output`; returns its
    /// exit status, killing it when it runs past ``timeout``.
    private func run(input: URL, output: URL) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = SendmailNotifier.arguments
        let stdin = try FileHandle(forReadingFrom: input)
        let stdout = try FileHandle(forWritingTo: output)
        defer {
            try? stdin.close()
            try? stdout.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        let finished = AsyncStream<Int32>.makeStream(of: Int32.self, bufferingPolicy: .bufferingNewest(1))
        process.terminationHandler = { process in
            finished.continuation.yield(process.terminationStatus)
            finished.continuation.finish()
        }
        try await SendmailNotifier.launch(process)
        let watchdog = Task { [timeout, process] () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            // SIGKILL: the one signal a program cannot block or ignore.
            kill(process.processIdentifier, SIGKILL)
            return true
        }
        var statuses = finished.stream.makeAsyncIterator()
        let status = await statuses.next() ?? -1
        watchdog.cancel()
        // Exit status 0 means accepted, even if the watchdog fired just after.
        if await watchdog.value, status != 0 {
            throw EarshotError(.delivery, "sendmail at '\(path)' did not finish within \(timeout.secondsText) s and was stopped")
        }
        return status
    }
}
