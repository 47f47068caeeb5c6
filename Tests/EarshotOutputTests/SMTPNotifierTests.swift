import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

/// SMTPNotifier against a real SMTP server (aiosmtpd, `Servers/smtp_server.py`) on 127.0.0.1.
@Suite struct SMTPNotifierTests {
    static let to = ["team@example.com", "Ops Team <ops@example.com>"]

    /// The default `timeout` is generous on purpose: it only ends a hung exchange, and a loaded CI
    /// machine (suites in parallel, compilers beside them) has stalled the Python server for over
    /// ten seconds between two replies. Tests of the timeout itself pass a short one.
    static func notifier(_ server: LocalServer, security: SMTPNotifier.Configuration.Security = .none,
                         credentials: SMTPCredentials? = nil, trustRoots: String? = nil,
                         timeout: Duration = .seconds(45)) throws -> SMTPNotifier {
        try SMTPNotifier(
            configuration: .init(host: "127.0.0.1", port: server.port, security: security, from: "Earshot <alerts@example.com>",
                                 to: to, credentials: credentials, trustRootsFile: trustRoots, timeout: timeout, heloName: "earshot.test"),
            now: { DeliveryFixture.now })
    }

    static func certificate() throws -> SelfSignedCertificate { try SelfSignedCertificate.shared.get() }

    /// Checks everything about one received message that does not depend on the brand.
    static func expectWellFormed(_ mail: DeliveryFixture.ReceivedMail, _ message: AlertMessage) {
        #expect(mail.mailFrom == "alerts@example.com")
        #expect(mail.rcptTos == ["team@example.com", "ops@example.com"])
        #expect(mail.header("From") == ["Earshot <alerts@example.com>"])
        #expect(mail.header("To") == ["team@example.com, Ops Team <ops@example.com>"])
        #expect(mail.header("Date") == ["Fri, 20 Nov 2026 09:05:07 +0000"])
        #expect(mail.header("Message-ID") == [message.messageID])
        #expect(mail.header("MIME-Version") == ["1.0"])
        #expect(mail.header("Bcc").isEmpty && mail.header("Cc").isEmpty)
        #expect(mail.contentType == "multipart/alternative")
        #expect(mail.defects.isEmpty)
        #expect(mail.subject == message.subject)
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.map(\.charset) == ["utf-8", "utf-8"])
        #expect(mail.parts.map(\.transferEncoding) == ["quoted-printable", "quoted-printable"])
        #expect(mail.parts.allSatisfy { $0.defects.isEmpty })
        if mail.parts.count == 2 {
            // Python's decoder gives each part back exactly, in MIME's canonical CRLF line ends.
            for part in mail.parts { #expect(!part.content.replacingOccurrences(of: "\r\n", with: "").contains("\n")) }
            #expect(mail.parts[0].content.replacingOccurrences(of: "\r\n", with: "\n") == message.text)
            #expect(mail.parts[1].content.replacingOccurrences(of: "\r\n", with: "\n") == message.html)
        }
    }

    @Test func deliversAChineseBrandWithEncodedSubjectAndBothParts() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "品维"), DeliveryFixture.trustDrop(brand: "品维"))
        try await Self.notifier(server).deliver(message)

        let mail = try #require(try DeliveryFixture.received(server).first)
        Self.expectWellFormed(mail, message)
        #expect(mail.subject == "[earshot] 品维: negative spike in customer service, trust score drop")
        let expected = try EmailMessage(from: EmailAddress(parsing: "Earshot <alerts@example.com>", field: "from"),
                                        to: Self.to.map { try EmailAddress(parsing: $0, field: "to") },
                                        message: message, date: DeliveryFixture.now)
        // Byte for byte: what the server stored is what EmailMessage rendered, dot-stuffing undone.
        #expect(mail.raw == Array(expected.rendered().utf8))
        #expect(mail.rawHeader.contains("\r\nSubject: =?UTF-8?B?"))
        #expect(!mail.tls)
        #expect(mail.auth == nil)
    }

    @Test func deliversAMalayBrandWithAPlainSubject() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "Kedai Ceria"))
        try await Self.notifier(server).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        Self.expectWellFormed(mail, message)
        #expect(mail.rawHeader.contains("\r\nSubject: [earshot] Kedai Ceria: negative spike in customer service\r\n"))
        #expect(mail.parts.first?.content.contains("Perkhidmatan pelanggan teruk, sangat kecewa!") == true)
    }

    @Test func dotStuffsLinesThatStartWithADot() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        var alert = DeliveryFixture.spike(brand: ".NET Café")
        alert.details.append(".")
        alert.details.append("..two dots")
        let message = try DeliveryFixture.message(alert)
        try await Self.notifier(server).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        Self.expectWellFormed(mail, message)
        let raw = String(decoding: mail.raw, as: UTF8.self)
        #expect(raw.contains("\r\n.NET Caf=C3=A9: negative spike"))
        #expect(raw.contains("\r\n.\r\n..two dots\r\n"))
        #expect(mail.parts.first?.content.contains("\r\n.\r\n..two dots\r\n") == true)
    }

    @Test func brandWithCRLFCannotInjectAHeaderOrRecipient() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "Evil\r\nBcc: x@evil.example"))
        try await Self.notifier(server).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        #expect(mail.rcptTos == ["team@example.com", "ops@example.com"])
        #expect(mail.header("Bcc").isEmpty)
        #expect(mail.subject == "[earshot] Evil  Bcc: x@evil.example: negative spike in customer service")
        #expect(!mail.rawHeader.components(separatedBy: "\r\n").contains { $0.lowercased().hasPrefix("bcc") })
        #expect(mail.defects.isEmpty)
    }

    @Test(arguments: [("PLAIN", [String]()), ("LOGIN", ["--exclude-mech", "PLAIN"])])
    func authenticates(mechanism: String, extra: [String]) async throws {
        let server = try await LocalServer.start("smtp_server.py", ["--auth", "alerts:s3cret pass"] + extra)
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        try await Self.notifier(server, credentials: .init(username: "alerts", password: "s3cret pass")).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        #expect(mail.auth?.mechanism == mechanism)
        #expect(mail.auth?.login == "alerts")
        Self.expectWellFormed(mail, message)
    }

    @Test func wrongPasswordFailsWithTheServersTextAndNeverThePassword() async throws {
        let server = try await LocalServer.start("smtp_server.py", ["--auth", "alerts:right"])
        defer { server.stop() }
        let secret = "wr0ng-Secret"
        let notifier = try Self.notifier(server, credentials: .init(username: "alerts", password: secret))
        let error = await #expect(throws: EarshotError.self) {
            try await notifier.deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        let text = error.map(String.init(describing:)) ?? ""
        #expect(text.contains("535"))
        #expect(text.contains("refused the login for 'alerts'"))
        #expect(!text.contains(secret))
        #expect(!text.contains(Data("\0alerts\0\(secret)".utf8).base64EncodedString()))
        #expect(!String(describing: notifier.configuration).contains(secret))
        #expect(try DeliveryFixture.received(server).isEmpty)
    }

    @Test func startTLSWithATrustedCertificateThenAuth() async throws {
        let cert = try Self.certificate()
        let server = try await LocalServer.start("smtp_server.py", ["--mode", "starttls", "--cert", cert.certificate,
                                                                    "--key", cert.key, "--auth", "alerts:pw"])
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "品维"))
        try await Self.notifier(server, security: .startTLSWhenOffered, credentials: .init(username: "alerts", password: "pw"),
                                trustRoots: cert.certificate).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        #expect(mail.tls)
        #expect(mail.auth?.mechanism == "PLAIN")
        Self.expectWellFormed(mail, message)
    }

    @Test func startTLSRefusesAnUntrustedCertificate() async throws {
        let cert = try Self.certificate()
        let server = try await LocalServer.start("smtp_server.py", ["--mode", "starttls", "--cert", cert.certificate, "--key", cert.key])
        defer { server.stop() }
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(server, security: .startTLSWhenOffered).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message.contains("TLS") == true, "\(String(describing: error))")
        #expect(try DeliveryFixture.received(server).isEmpty)
    }

    @Test func implicitTLS() async throws {
        let cert = try Self.certificate()
        let server = try await LocalServer.start("smtp_server.py", ["--mode", "implicit", "--cert", cert.certificate,
                                                                    "--key", cert.key, "--auth", "alerts:pw"])
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike(brand: "Kedai Ceria"))
        try await Self.notifier(server, security: .implicitTLS, credentials: .init(username: "alerts", password: "pw"),
                                trustRoots: cert.certificate).deliver(message)
        let mail = try #require(try DeliveryFixture.received(server).first)
        #expect(mail.tls)
        #expect(mail.auth?.login == "alerts")
        Self.expectWellFormed(mail, message)
    }

    @Test func withoutSTARTTLSThePasswordIsNotSentInTheClear() async throws {
        let server = try await LocalServer.start("smtp_server.py", ["--auth", "alerts:pw"])
        defer { server.stop() }
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(server, security: .startTLSWhenOffered, credentials: .init(username: "alerts", password: "pw"))
                .deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.message.contains("does not offer STARTTLS") == true)
        #expect(try DeliveryFixture.received(server).isEmpty)
    }

    @Test func startTLSWhenOfferedStillDeliversWithoutTLSWhenNoPasswordIsInvolved() async throws {
        let server = try await LocalServer.start("smtp_server.py")
        defer { server.stop() }
        let message = try DeliveryFixture.message(DeliveryFixture.spike())
        try await Self.notifier(server, security: .startTLSWhenOffered).deliver(message)
        #expect(try DeliveryFixture.received(server).count == 1)
    }

    @Test func aRejectedRecipientFailsWithTheServersTextAndSendsNothing() async throws {
        let server = try await LocalServer.start("smtp_server.py", ["--reject-rcpt", "ops@example.com"])
        defer { server.stop() }
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(server).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.code == .delivery)
        #expect(error?.message.contains("refused RCPT TO:<ops@example.com>: 550 5.1.1 <ops@example.com>: Recipient address rejected: User unknown") == true)
        #expect(try DeliveryFixture.received(server).isEmpty)
    }

    @Test func aServerThatIsDownThenUpGetsTheAlertExactlyOnce() async throws {
        // Learn a free port, then stop the server: the port is closed for the first attempt.
        let first = try await LocalServer.start("smtp_server.py")
        first.stop()
        let notifier = try Self.notifier(first)
        let message = try DeliveryFixture.message(DeliveryFixture.spike())

        let error = await #expect(throws: EarshotError.self) { try await notifier.deliver(message) }
        #expect(error?.code == .delivery)
        #expect(error?.message.contains("could not connect to SMTP server 127.0.0.1:\(first.port)") == true)

        let second = try await LocalServer.start("smtp_server.py", ["--port", "\(first.port)"], folder: first.folder)
        defer { second.stop() }
        try await notifier.deliver(message)
        let received = try DeliveryFixture.received(second)
        #expect(received.count == 1)
        #expect(received.first?.header("Message-ID") == [message.messageID])
    }

    @Test func badTrustRootsAndEHLONamesAreConfigurationErrors() {
        for (trustRoots, helo) in [("/nonexistent/ca.pem", "earshot.test"), (nil, "bad name\r\nRSET")] {
            let error = #expect(throws: EarshotError.self) {
                try SMTPNotifier(configuration: .init(host: "127.0.0.1", port: 25, security: .startTLSWhenOffered,
                                                      from: "a@example.com", to: ["b@example.com"], trustRootsFile: trustRoots,
                                                      heloName: helo))
            }
            #expect(error?.code == .configuration)
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let server = try await LocalServer.start("smtp_server.py", ["--mode", "silent"])
        defer { server.stop() }
        let started = ContinuousClock.now
        let error = await #expect(throws: EarshotError.self) {
            try await Self.notifier(server, timeout: .milliseconds(500)).deliver(try DeliveryFixture.message(DeliveryFixture.spike()))
        }
        #expect(error?.message == "SMTP server 127.0.0.1:\(server.port) did not answer the greeting within 0.5 s")
        #expect(ContinuousClock.now - started < .seconds(60), "the silent server never answers: only the timeout ends this")
    }
}
