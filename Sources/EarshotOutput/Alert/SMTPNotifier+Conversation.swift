import EarshotCore
import Foundation
import NIOCore

extension SMTPNotifier {
    /// Greeting to accepted data: every step of the SMTP transaction but QUIT.
    func converse(_ connection: inout SMTPConnection, data: ByteBuffer) async throws {
        let greeting = try await connection.reply(to: "the greeting")
        guard greeting.code == 220 else {
            throw EarshotError(.delivery, "SMTP server \(server) refused the connection: \(greeting)")
        }
        var extensions = try await hello(&connection)

        if configuration.security == .startTLSWhenOffered, !connection.isEncrypted {
            if extensions["STARTTLS"] != nil, let tlsContext {
                try await connection.expect([220], from: "STARTTLS")
                try await connection.startTLS(context: tlsContext, serverHostname: sniHostname)
                extensions = try await hello(&connection)
            } else if configuration.credentials != nil {
                throw EarshotError(.delivery, "SMTP server \(server) does not offer STARTTLS, so earshot will not send the password unencrypted; use smtps://, enable STARTTLS on the server, or set starttls: false to allow it")
            }
        }

        if let credentials = configuration.credentials {
            try await authenticate(&connection, credentials: credentials, mechanisms: extensions["AUTH"] ?? [])
        }

        try await connection.expect([250], from: "MAIL FROM:<\(from.address)>")
        for recipient in recipients {
            try await connection.expect([250, 251], from: "RCPT TO:<\(recipient.address)>")
        }
        try await connection.expect([354], from: "DATA")
        try await connection.write(data, what: "the message")
        let accepted = try await connection.reply(to: "the end of the message data")
        guard accepted.code == 250 else {
            throw EarshotError(.delivery, "SMTP server \(server) refused the message: \(accepted)")
        }
    }

    /// EHLO, falling back to HELO for a server that does not know it.
    /// - Returns: the extensions the server offers (none after HELO).
    private func hello(_ connection: inout SMTPConnection) async throws -> [String: [String]] {
        let reply = try await connection.send("EHLO \(configuration.heloName)")
        if reply.code == 250 { return reply.extensions }
        guard reply.code == 500 || reply.code == 502 else {
            throw EarshotError(.delivery, "SMTP server \(server) refused EHLO: \(reply)")
        }
        try await connection.expect([250], from: "HELO \(configuration.heloName)")
        return [:]
    }

    /// AUTH PLAIN when offered, else AUTH LOGIN. No password in any message or log line.
    private func authenticate(_ connection: inout SMTPConnection, credentials: SMTPCredentials, mechanisms: [String]) async throws {
        let user = "'\(MIMEHeader.sanitized(credentials.username))'"
        func refused(_ reply: SMTPReply) -> EarshotError {
            EarshotError(.delivery, "SMTP server \(server) refused the login for \(user): \(reply)")
        }
        func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

        if mechanisms.contains("PLAIN") {
            let token = base64("\0\(credentials.username)\0\(credentials.password)")
            let reply = try await connection.send("AUTH PLAIN \(token)", shownAs: "AUTH PLAIN")
            guard reply.code == 235 else { throw refused(reply) }
        } else if mechanisms.contains("LOGIN") {
            var reply = try await connection.send("AUTH LOGIN")
            guard reply.code == 334 else { throw refused(reply) }
            reply = try await connection.send(base64(credentials.username), shownAs: "the AUTH LOGIN username")
            guard reply.code == 334 else { throw refused(reply) }
            reply = try await connection.send(base64(credentials.password), shownAs: "the AUTH LOGIN password")
            guard reply.code == 235 else { throw refused(reply) }
        } else if mechanisms.isEmpty {
            throw EarshotError(.delivery, "SMTP server \(server) does not offer AUTH; remove alerts.email.username or check the server's port and TLS settings")
        } else {
            throw EarshotError(.delivery, "SMTP server \(server) offers AUTH \(mechanisms.joined(separator: " ")), but earshot speaks only PLAIN and LOGIN")
        }
    }

    /// The message for DATA: a second dot before every line that starts with one (RFC 5321
    /// §4.5.2), CRLF at the end, then the `.` line that ends the data.
    static func dotStuffed(_ message: String) -> ByteBuffer {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") { bytes.append(UInt8(ascii: ".")) }
            bytes.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !bytes.isEmpty, !atLineStart { bytes += Array("\r\n".utf8) }
        bytes += Array(".\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }
}
