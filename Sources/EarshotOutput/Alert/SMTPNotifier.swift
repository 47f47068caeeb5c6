import EarshotCore
import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends alert messages to an SMTP server, written on SwiftNIO.
///
/// One connection per message: greeting, EHLO (HELO if refused), STARTTLS when offered (unless
/// the configuration says otherwise) or TLS from the start for `smtps://`, AUTH PLAIN or LOGIN,
/// MAIL FROM, RCPT TO for each configured recipient, DATA with the dot-stuffed message, QUIT.
/// The message is accepted when the server answers 250 to the data; a QUIT that fails after
/// that does not matter. Any 4xx or 5xx reply fails the delivery with the server's text.
///
/// The password is only ever written to the TLS-protected (or, with `starttls: false`,
/// explicitly plain) connection: it is not logged and not part of any error.
public struct SMTPNotifier: Notifier {
    /// The validated configuration.
    public let configuration: Configuration
    let from: EmailAddress
    let recipients: [EmailAddress]
    let tlsContext: NIOSSLContext?
    let eventLoopGroup: any EventLoopGroup
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates a notifier.
    ///
    /// - Parameters:
    ///   - configuration: the server, TLS mode, sender, recipients and credentials.
    ///   - eventLoopGroup: where connections run; NIO's shared singleton by default.
    ///   - logger: receives `debug` and `trace` events; the password is never logged.
    ///   - now: the clock for the `Date` header.
    /// - Throws: ``EarshotCore/EarshotError`` `.configuration` for an invalid sender or recipient,
    ///   no recipient, an EHLO name that is not a domain, or a trust-roots file that cannot be loaded.
    public init(configuration: Configuration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
                logger: Logger = Logger(label: "earshot.delivery", factory: { _ in SwiftLogNoOpLogHandler() }),
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configuration = configuration
        from = try EmailAddress(parsing: configuration.from, field: "alerts.email.from")
        recipients = try configuration.to.map { try EmailAddress(parsing: $0, field: "alerts.email.to") }
        guard !recipients.isEmpty else {
            throw EarshotError(.configuration, "alerts.email.to lists no recipient; add at least one address")
        }
        let heloCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:[]".utf8)
        guard !configuration.heloName.isEmpty, configuration.heloName.utf8.allSatisfy(heloCharacters.contains) else {
            throw EarshotError(.configuration, "the EHLO name '\(MIMEHeader.sanitized(configuration.heloName))' is not a domain name or address literal")
        }
        if configuration.security == .none {
            tlsContext = nil
        } else {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.minimumTLSVersion = .tlsv12
            if let file = configuration.trustRootsFile { tls.trustRoots = .file(file) }
            do {
                tlsContext = try NIOSSLContext(configuration: tls)
            } catch {
                throw EarshotError(.configuration, "could not set up TLS for SMTP (trust roots: \(configuration.trustRootsFile ?? "system"))", cause: error)
            }
        }
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.now = now
    }

    /// `host:port`, with brackets around an IPv6 address.
    var server: String {
        configuration.host.contains(":") ? "[\(configuration.host)]:\(configuration.port)" : "\(configuration.host):\(configuration.port)"
    }

    /// Sends `message` to every configured recipient in one SMTP transaction.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` when the server cannot be reached, TLS
    ///   fails, a reply is late, or the server refuses a step (with its reply text).
    public func deliver(_ message: AlertMessage) async throws {
        let email = EmailMessage(from: from, to: recipients, message: message, date: now())
        let data = SMTPNotifier.dotStuffed(email.rendered())
        var metadata: Logger.Metadata = ["smtp.server": "\(server)", "message.id": "\(message.messageID)"]
        let channel: NIOAsyncChannel<SMTPReply, ByteBuffer>
        do {
            channel = try await connect()
        } catch {
            throw EarshotError(.delivery, "could not connect to SMTP server \(server)", cause: error)
        }
        let implicitTLS = configuration.security == .implicitTLS
        try await channel.executeThenClose { inbound, outbound in
            var connection = SMTPConnection(channel: channel.channel, replies: inbound.makeAsyncIterator(), outbound: outbound,
                                            server: server, timeout: configuration.timeout, logger: logger,
                                            isEncrypted: implicitTLS)
            try await converse(&connection, data: data)
            metadata["smtp.tls"] = "\(connection.isEncrypted)"
            // Accepted: a failing QUIT no longer matters.
            _ = try? await connection.send("QUIT")
        }
        logger.debug("alert email delivered", metadata: metadata)
    }

    /// Opens the TCP connection, with TLS first for `smtps://`.
    private func connect() async throws -> NIOAsyncChannel<SMTPReply, ByteBuffer> {
        let tls = configuration.security == .implicitTLS ? tlsContext : nil
        let hostname = sniHostname
        return try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: hostname))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// The host for SNI and certificate checks; nil for an IP address, which NIO checks
    /// against the certificate's IP entries instead.
    var sniHostname: String? {
        let host = configuration.host
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1 { return nil }
        return host
    }
}
