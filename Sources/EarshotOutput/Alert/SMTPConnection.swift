import EarshotCore
import Logging
import NIOCore
import NIOSSL

/// One open SMTP connection: writes command lines and reads replies, each within a timeout.
///
/// Lives inside `NIOAsyncChannel.executeThenClose`, which closes the channel when the
/// conversation ends, however it ends. A reply that does not arrive in time fails the
/// channel's inbound stream with ``Timeout``, which ``reply(to:)`` turns into an
/// ``EarshotCore/EarshotError``.
struct SMTPConnection {
    /// Fired into the pipeline when a reply is overdue.
    struct Timeout: Error {}

    let channel: any Channel
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// `host:port`, for messages.
    let server: String
    let timeout: Duration
    let logger: Logger
    /// Whether the connection is encrypted (implicit TLS or after STARTTLS).
    var isEncrypted: Bool

    /// Reads the next reply.
    /// - Parameter what: what the reply answers (`the greeting`, `MAIL FROM`), for messages.
    mutating func reply(to what: String) async throws -> SMTPReply {
        let channel = self.channel
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            channel.pipeline.fireErrorCaught(Timeout())
        }
        defer { timer.cancel() }
        let reply: SMTPReply?
        do {
            reply = try await replies.next()
        } catch is Timeout {
            throw EarshotError(.delivery, "SMTP server \(server) did not answer \(what) within \(timeout.secondsText) s")
        } catch let error as SMTPReplyDecoder.ProtocolError {
            throw EarshotError(.delivery, "SMTP server \(server) broke the protocol after \(what): \(error)")
        } catch let error as NIOSSLError {
            throw tlsFailure(error, after: what)
        } catch {
            throw EarshotError(.delivery, "lost the connection to SMTP server \(server) while waiting for the reply to \(what)", cause: error)
        }
        guard let reply else {
            throw EarshotError(.delivery, "SMTP server \(server) closed the connection instead of answering \(what)")
        }
        logger.trace("smtp reply", metadata: ["smtp.code": "\(reply.code)", "smtp.after": "\(what)"])
        return reply
    }

    /// Writes raw bytes.
    mutating func write(_ bytes: ByteBuffer, what: String) async throws {
        do {
            try await outbound.write(bytes)
        } catch {
            // The channel closed; why (a failed TLS handshake, say) waits in the inbound stream.
            do {
                _ = try await replies.next()
            } catch let reason as NIOSSLError {
                throw tlsFailure(reason, after: what)
            } catch {}
            throw EarshotError(.delivery, "lost the connection to SMTP server \(server) while sending \(what)", cause: error)
        }
    }

    private func tlsFailure(_ error: NIOSSLError, after what: String) -> EarshotError {
        EarshotError(.delivery, "TLS with SMTP server \(server) failed at \(what); check its certificate and the trust roots", cause: error)
    }

    /// Sends one command line and reads its reply.
    /// - Parameters:
    ///   - command: the line, without CRLF.
    ///   - shownAs: how the command appears in messages and logs; pass it for lines holding secrets.
    mutating func send(_ command: String, shownAs: String? = nil) async throws -> SMTPReply {
        let name = shownAs ?? command
        logger.trace("smtp command", metadata: ["smtp.command": "\(name)"])
        try await write(ByteBuffer(string: command + "\r\n"), what: name)
        return try await reply(to: name)
    }

    /// Sends a command and requires one of `codes`.
    /// - Throws: ``EarshotCore/EarshotError`` `.delivery` with the server's reply when it answers otherwise.
    @discardableResult
    mutating func expect(_ codes: Set<Int>, from command: String, shownAs: String? = nil) async throws -> SMTPReply {
        let reply = try await send(command, shownAs: shownAs)
        guard codes.contains(reply.code) else {
            throw EarshotError(.delivery, "SMTP server \(server) refused \(shownAs ?? command): \(reply)")
        }
        return reply
    }

    /// Puts TLS in front of the pipeline (after the server's 220 to STARTTLS).
    mutating func startTLS(context: NIOSSLContext, serverHostname: String?) async throws {
        let channel = self.channel
        do {
            try await channel.eventLoop.submit {
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverHostname)
                try channel.pipeline.syncOperations.addHandler(handler, position: .first)
            }.get()
        } catch {
            throw EarshotError(.delivery, "could not start TLS with SMTP server \(server)", cause: error)
        }
        isEncrypted = true
    }
}
