import AsyncHTTPClient
import EarshotCore
import Foundation
import Logging
import Testing
@testable import EarshotOutput

@Suite struct NotifierFactoryTests {
    static let logger = Logger(label: "test")

    static func email(_ fields: [String: Any]) throws -> EmailConfig {
        var object: [String: Any] = ["from": "alerts@example.com", "to": ["team@example.com"]]
        object.merge(fields) { $1 }
        return try JSONDecoder().decode(EmailConfig.self, from: JSONSerialization.data(withJSONObject: object))
    }

    static func smtp(_ notifier: any Notifier) throws -> SMTPNotifier.Configuration {
        try #require(notifier as? SMTPNotifier).configuration
    }

    @Test func smtpURLs() throws {
        var c = try Self.smtp(NotifierFactory.emailNotifier(Self.email(["smtp": "smtp://mail.example.com:2525"]), logger: Self.logger))
        #expect((c.host, c.port, c.security) == ("mail.example.com", 2525, .startTLSWhenOffered))
        c = try Self.smtp(NotifierFactory.emailNotifier(Self.email(["smtp": "smtps://mail.example.com"]), logger: Self.logger))
        #expect((c.port, c.security) == (465, .implicitTLS))
        c = try Self.smtp(NotifierFactory.emailNotifier(Self.email(["smtp": "SMTP://127.0.0.1", "starttls": false]), logger: Self.logger))
        #expect((c.host, c.port, c.security) == ("127.0.0.1", 25, .none))
        c = try Self.smtp(NotifierFactory.emailNotifier(Self.email(["smtp": "smtp://[::1]:587"]), logger: Self.logger))
        #expect((c.host, c.port) == ("::1", 587))
    }

    @Test(arguments: ["http://mail.example.com", "mail.example.com:25", "smtp://user:pw@mail.example.com", "smtp://mail.example.com/path",
                      "smtp://:25", "smtp://mail.example.com?x=1", ""])
    func invalidSMTPURLsAreConfigurationErrors(_ url: String) throws {
        let error = #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["smtp": url]), logger: Self.logger)
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("pw") == false)
    }

    @Test func credentialsComeFromTheNamedEnvironmentVariable() throws {
        let config = try Self.email(["smtp": "smtps://mail.example.com", "username": "alerts", "passwordEnv": "EARSHOT_SMTP_PASSWORD"])
        let notifier = try NotifierFactory.emailNotifier(config, environment: ["EARSHOT_SMTP_PASSWORD": "hunter2"], logger: Self.logger)
        #expect(try Self.smtp(notifier).credentials == SMTPCredentials(username: "alerts", password: "hunter2"))
        #expect(!String(describing: try Self.smtp(notifier)).contains("hunter2"))

        let error = #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(config, environment: [:], logger: Self.logger)
        }
        #expect(error?.message.hasPrefix("alerts.email.passwordEnv names EARSHOT_SMTP_PASSWORD, which is not set in the environment") == true)

        let folder = try TemporaryFolder.make("secret")
        let file = folder.appendingPathComponent("smtp-password")
        try "from-a-file\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try NotifierFactory.emailNotifier(config, environment: ["EARSHOT_SMTP_PASSWORD_FILE": file.path], logger: Self.logger)
        #expect(try Self.smtp(fromFile).credentials?.password == "from-a-file")
        #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["smtp": "smtp://h", "username": "alerts"]), logger: Self.logger)
        }
    }

    @Test func sendmailIsTheOtherTransport() throws {
        let notifier = try NotifierFactory.emailNotifier(Self.email(["sendmail": "/usr/sbin/sendmail"]), logger: Self.logger)
        #expect((notifier as? SendmailNotifier)?.path == "/usr/sbin/sendmail")
        #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["sendmail": "/usr/sbin/sendmail", "smtp": "smtp://h"]), logger: Self.logger)
        }
        #expect(throws: EarshotError.self) { try NotifierFactory.emailNotifier(Self.email([:]), logger: Self.logger) }
    }

    @Test func recipientsAndSenderAreValidated() {
        #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["smtp": "smtp://h", "to": [String]()]), logger: Self.logger)
        }
        #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["smtp": "smtp://h", "to": ["a@b\r\nBcc: c@d"]]), logger: Self.logger)
        }
        #expect(throws: EarshotError.self) {
            try NotifierFactory.emailNotifier(Self.email(["sendmail": "/x", "from": "not an address"]), logger: Self.logger)
        }
    }

    @Test func webhooksAndTheChannelMap() throws {
        let alerts = AlertConfig(email: try Self.email(["smtp": "smtp://h:25"]), webhook: WebhookConfig(url: "https://hooks.example.com/T/B/x"))
        let notifiers = try NotifierFactory.notifiers(for: alerts, httpClient: .shared, environment: [:], logger: Self.logger)
        #expect(Set(notifiers.keys) == ["email", "webhook"])
        #expect((notifiers["webhook"] as? WebhookNotifier)?.origin == "https://hooks.example.com")
        #expect(try NotifierFactory.notifiers(for: AlertConfig(), httpClient: .shared, logger: Self.logger).isEmpty)
        for url in ["ftp://x/y", "not a url", "https://"] {
            let error = #expect(throws: EarshotError.self) {
                try NotifierFactory.webhookNotifier(WebhookConfig(url: url), httpClient: .shared, logger: Self.logger)
            }
            #expect(error?.code == .configuration)
        }
    }
}
