import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

/// SendmailNotifier running a fake sendmail: a shell script that saves its arguments and stdin.
@Suite struct SendmailNotifierTests {
    /// Writes an executable fake sendmail into a fresh folder; returns the folder.
    static func fakeSendmail(exitStatus: Int = 0, stderr: String = "") throws -> URL {
        let folder = try TemporaryFolder.make("sendmail")
        let script = """
        #!/bin/sh
        here=$(dirname "$0")
        printf '%s\\n' "$@" > "$here/args.txt"
        cat > "$here/stdin.eml"
        printf '%s' '\(stderr)' >&2
        exit \(exitStatus)

        """
        let path = folder.appendingPathComponent("sendmail")
        try script.write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        return folder
    }

    /// A generous default `timeout` (it only ends a hang; see `SMTPNotifierTests.notifier`).
    static func notifier(_ folder: URL, timeout: Duration = .seconds(45)) throws -> SendmailNotifier {
        try SendmailNotifier(path: folder.appendingPathComponent("sendmail").path, from: "Earshot <alerts@example.com>",
                             to: ["team@example.com", "Ops Team <ops@example.com>"], timeout: timeout, now: { DeliveryFixture.now })
    }

    @Test func runsSendmailWithDashTDashIAndTheMessageOnStdin() async throws {
        let folder = try Self.fakeSendmail()
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "品维"))
        try await Self.notifier(folder).deliver(message)

        let args = try String(contentsOf: folder.appendingPathComponent("args.txt"), encoding: .utf8)
        #expect(args == "-t\n-i\n")
        let received = try Data(contentsOf: folder.appendingPathComponent("stdin.eml"))
        let expected = EmailMessage(from: try EmailAddress(parsing: "Earshot <alerts@example.com>", field: "from"),
                                    to: try ["team@example.com", "Ops Team <ops@example.com>"].map { try EmailAddress(parsing: $0, field: "to") },
                                    message: message, date: DeliveryFixture.now)
        #expect(received == Data(expected.renderedForPipe().utf8))
        let text = String(decoding: received, as: UTF8.self)
        #expect(!text.contains("\r"))
        #expect(text.hasPrefix("Date: Fri, 20 Nov 2026 09:05:07 +0000\nFrom: Earshot <alerts@example.com>\nTo: team@example.com, Ops Team <ops@example.com>\nSubject: =?UTF-8?B?"))
        #expect(text.contains("\nMessage-ID: \(message.messageID)\n"))
        #expect(!text.contains("\n.\n"), "no dot-stuffing and no terminating dot on a pipe")
    }

    @Test func aNonZeroExitFailsWithWhatSendmailSaid() async throws {
        let folder = try Self.fakeSendmail(exitStatus: 75, stderr: "sendmail: fatal: queue file write error")
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(folder).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message == "sendmail at '\(folder.path)/sendmail' exited with status 75: sendmail: fatal: queue file write error")
    }

    @Test func aMissingProgramFailsClearly() async throws {
        let folder = try TemporaryFolder.make("sendmail-missing")
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(folder).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message == "could not run sendmail at '\(folder.path)/sendmail'")
    }

    @Test func aHangingSendmailIsStoppedAtTheTimeout() async throws {
        let folder = try TemporaryFolder.make("sendmail-hang")
        let path = folder.appendingPathComponent("sendmail")
        let pidFile = folder.appendingPathComponent("pid")
        try "#!/bin/sh\necho $$ > '\(pidFile.path)'\nexec sleep 3600\n".write(to: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(folder, timeout: .milliseconds(300)).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.message.contains("did not finish within 0.3 s") == true)
        // Stopped, not left to sleep for an hour: the process (exec'd into sleep, same pid) is gone.
        // No wall-clock bound here: on a loaded machine the watchdog may fire late, never not at all.
        let pid = try #require(Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "sendmail (pid \(pid)) is still running")
    }
}
