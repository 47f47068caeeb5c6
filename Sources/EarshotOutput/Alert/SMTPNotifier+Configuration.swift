import EarshotCore
import Foundation

extension SMTPNotifier {
    /// Where and how an ``SMTPNotifier`` sends: server, TLS, sender, recipients, credentials.
    public struct Configuration: Sendable {
        /// How the connection is protected.
        public enum Security: Sendable, Equatable {
            /// TLS from the first byte (`smtps://`, usually port 465).
            case implicitTLS
            /// Plain TCP, upgraded with STARTTLS when the server offers it. Credentials are sent
            /// only after the upgrade: if the server does not offer STARTTLS, delivery fails.
            case startTLSWhenOffered
            /// Plain TCP, never upgraded (`starttls: false`). Credentials go in the clear:
            /// for a relay on the same host or a trusted network only.
            case none
        }

        /// The server's host name or IP address.
        public var host: String
        /// The server's port.
        public var port: Int
        /// TLS behaviour.
        public var security: Security
        /// The sender: `alerts@example.com` or `Earshot <alerts@example.com>`; also the envelope sender.
        public var from: String
        /// The recipients, each a mailbox like ``from``; the only addresses given to RCPT TO.
        public var to: [String]
        /// AUTH credentials, or nil to send without authenticating.
        public var credentials: SMTPCredentials?
        /// A PEM file of CA certificates to trust instead of the system's (an internal CA, or a
        /// test server's self-signed certificate); nil for the system trust store.
        public var trustRootsFile: String?
        /// How long to wait for each server reply.
        public var timeout: Duration
        /// How long to wait for the TCP connection.
        public var connectTimeout: Duration
        /// The name given in EHLO.
        public var heloName: String

        /// Creates a configuration from parts.
        public init(host: String, port: Int, security: Security, from: String, to: [String],
                    credentials: SMTPCredentials? = nil, trustRootsFile: String? = nil,
                    timeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10),
                    heloName: String = Configuration.defaultHeloName) {
            self.host = host
            self.port = port
            self.security = security
            self.from = from
            self.to = to
            self.credentials = credentials
            self.trustRootsFile = trustRootsFile
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.heloName = heloName
        }

        /// Creates a configuration from an `smtp://host:port` or `smtps://host:port` URL.
        ///
        /// - Parameters:
        ///   - url: `smtp://` (port 25 by default; STARTTLS per `starttls`) or `smtps://` (implicit
        ///     TLS, port 465 by default). A user, password, path or query in the URL is refused.
        ///   - starttls: whether a `smtp://` connection upgrades with STARTTLS when offered.
        /// - Throws: ``EarshotCore/EarshotError`` `.configuration` naming what is wrong with the URL.
        public init(url: String, starttls: Bool = true, from: String, to: [String],
                    credentials: SMTPCredentials? = nil) throws {
            let parsed = try Configuration.parse(url: url)
            let security: Security = parsed.implicitTLS ? .implicitTLS : (starttls ? .startTLSWhenOffered : .none)
            self.init(host: parsed.host, port: parsed.port, security: security, from: from, to: to, credentials: credentials)
        }

        /// This machine's host name when it looks like a domain name, else `localhost`.
        public static var defaultHeloName: String {
            let name = ProcessInfo.processInfo.hostName
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)
            guard !name.isEmpty, name.count <= 253, name.utf8.allSatisfy(allowed.contains) else { return "localhost" }
            return name
        }

        /// Host, port and whether TLS is implicit, from an SMTP URL.
        static func parse(url text: String) throws -> (host: String, port: Int, implicitTLS: Bool) {
            let field = "alerts.email.smtp"
            guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
                  let scheme = components.scheme?.lowercased() else {
                throw EarshotError(.configuration, "\(field) '\(MIMEHeader.sanitized(text))' is not a URL; write smtp://host:port or smtps://host:port")
            }
            guard scheme == "smtp" || scheme == "smtps" else {
                throw EarshotError(.configuration, "\(field) has the scheme '\(scheme)'; use smtp://host:port (STARTTLS) or smtps://host:port (implicit TLS)")
            }
            guard components.user == nil, components.password == nil else {
                throw EarshotError(.configuration, "\(field) must not hold a user or password; set alerts.email.username and name the password's environment variable in alerts.email.passwordEnv")
            }
            var host = components.host ?? ""
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            guard !host.isEmpty, !host.contains(where: { $0.isWhitespace || $0.isNewline }) else {
                throw EarshotError(.configuration, "\(field) '\(MIMEHeader.sanitized(text))' names no host; write smtp://host:port")
            }
            guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
                throw EarshotError(.configuration, "\(field) '\(MIMEHeader.sanitized(text))' has a path or query; write only smtp://host:port")
            }
            let port = components.port ?? (scheme == "smtps" ? 465 : 25)
            guard (1...65_535).contains(port) else {
                throw EarshotError(.configuration, "\(field) has the port \(port); use 1–65535")
            }
            return (host, port, scheme == "smtps")
        }
    }
}
