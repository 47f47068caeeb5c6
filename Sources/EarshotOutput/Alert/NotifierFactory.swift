import AsyncHTTPClient
import EarshotCore
import Foundation
import Logging

/// Builds the notifiers that `alerts.email` and `alerts.webhook` describe, validating them.
///
/// The channel names match the store's outbox (`email`, `webhook`), so a caller can take each
/// pending entry's ``EarshotCore/Alert``, group them with ``AlertMessage/grouped(_:)``, and hand
/// each message to `notifiers[entry.channel]`.
public enum NotifierFactory {
    /// One notifier per configured channel, keyed `email` and `webhook`; empty when none is configured.
    ///
    /// - Parameters:
    ///   - config: the `alerts` section.
    ///   - httpClient: the client for the webhook; the caller owns its lifetime.
    ///   - environment: where `alerts.email.passwordEnv` is looked up.
    ///   - logger: passed to every notifier.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` as ``emailNotifier(_:environment:logger:)``
    ///   and ``webhookNotifier(_:httpClient:logger:)`` do.
    public static func notifiers(for config: AlertConfig, httpClient: HTTPClient,
                                 environment: [String: String] = ProcessInfo.processInfo.environment,
                                 logger: Logger) throws -> [String: any Notifier] {
        var result: [String: any Notifier] = [:]
        if let email = config.email { result["email"] = try emailNotifier(email, environment: environment, logger: logger) }
        if let webhook = config.webhook { result["webhook"] = try webhookNotifier(webhook, httpClient: httpClient, logger: logger) }
        return result
    }

    /// An ``SMTPNotifier`` for `alerts.email.smtp`, or a ``SendmailNotifier`` for `alerts.email.sendmail`.
    ///
    /// - Parameters:
    ///   - config: the `alerts.email` section: exactly one of `smtp` and `sendmail`.
    ///   - environment: where the variable named by `passwordEnv` is read.
    ///   - logger: passed to the notifier.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` when both or neither transport is
    ///   given, the SMTP URL is invalid, a mailbox is invalid, `username` and `passwordEnv` do
    ///   not come together, or the password variable is unset or empty.
    public static func emailNotifier(_ config: EmailConfig, environment: [String: String] = ProcessInfo.processInfo.environment,
                                     logger: Logger) throws -> any Notifier {
        switch (config.smtp, config.sendmail) {
        case (let smtp?, nil):
            var configuration = try SMTPNotifier.Configuration(url: smtp, starttls: config.starttls, from: config.from,
                                                               to: config.to)
            configuration.credentials = try credentials(config, environment: environment)
            return try SMTPNotifier(configuration: configuration, logger: logger)
        case (nil, let sendmail?):
            guard config.username == nil, config.passwordEnv == nil else {
                throw EarshotError(.configuration, "alerts.email.username and passwordEnv apply to smtp only; remove them when using sendmail")
            }
            return try SendmailNotifier(path: sendmail, from: config.from, to: config.to, logger: logger)
        case (.some, .some):
            throw EarshotError(.configuration, "alerts.email has both smtp and sendmail; keep one")
        case (nil, nil):
            throw EarshotError(.configuration, "alerts.email needs smtp (smtp://host:port or smtps://host:port) or sendmail (a path)")
        }
    }

    /// A ``WebhookNotifier`` for `alerts.webhook`.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` when the URL is not http or https.
    public static func webhookNotifier(_ config: WebhookConfig, httpClient: HTTPClient, logger: Logger) throws -> WebhookNotifier {
        try WebhookNotifier(url: config.url, httpClient: httpClient, logger: logger)
    }

    /// The password in the variable `variable`, else in the file whose path is in `<variable>_FILE`
    /// (the convention of Docker and Kubernetes secrets; one trailing line break is dropped); nil
    /// when neither is set or the value is empty.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` when the file cannot be read.
    static func password(variable: String, environment: [String: String]) throws -> String? {
        if let value = environment[variable], !value.isEmpty { return value }
        guard let path = environment[variable + "_FILE"], !path.isEmpty else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw EarshotError(.configuration, "could not read the SMTP password from \(variable)_FILE (\(path))", cause: error)
        }
        var password = Substring(text)
        if password.hasSuffix("\r\n") { password = password.dropLast(2) } else if password.hasSuffix("\n") { password = password.dropLast() }
        return password.isEmpty ? nil : String(password)
    }

    /// The SMTP credentials: `username` plus the password from the variable `passwordEnv` names.
    static func credentials(_ config: EmailConfig, environment: [String: String]) throws -> SMTPCredentials? {
        switch (config.username, config.passwordEnv) {
        case (nil, nil):
            return nil
        case (let username?, let variable?):
            guard let password = try password(variable: variable, environment: environment) else {
                throw EarshotError(.configuration, "alerts.email.passwordEnv names \(variable), which is not set in the environment; export it (or \(variable)_FILE with the path of a file that holds it) before the run")
            }
            guard !username.isEmpty, !username.contains(where: { $0.isNewline }) else {
                throw EarshotError(.configuration, "alerts.email.username is empty or has a line break")
            }
            return SMTPCredentials(username: username, password: password)
        case (.some, nil):
            throw EarshotError(.configuration, "alerts.email.username is set but passwordEnv is not; name the environment variable that holds the password")
        case (nil, .some):
            throw EarshotError(.configuration, "alerts.email.passwordEnv is set but username is not; add the SMTP login name")
        }
    }
}
