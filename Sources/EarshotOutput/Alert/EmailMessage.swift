import Foundation

/// An ``AlertMessage`` as an RFC 5322 message: headers, then multipart/alternative text and HTML.
///
/// Both parts are UTF-8 in quoted-printable, so the whole message is 7-bit ASCII with CRLF
/// line ends and short lines; the subject is RFC 2047-encoded when it is not ASCII; every
/// header value is sanitised so that data (a brand name) can never add a header. The
/// boundary starts with `=_`, which quoted-printable output never contains.
struct EmailMessage: Sendable {
    var from: EmailAddress
    var to: [EmailAddress]
    var message: AlertMessage
    /// The `Date` header's instant.
    var date: Date

    /// The multipart boundary: derived from the idempotency key, so rendering is deterministic.
    var boundary: String { "=_earshot_" + message.idempotencyKey.prefix(24) }

    /// The header lines, each folded, in the order they are written.
    var headerLines: [String] {
        [
            "Date: " + RFC5322Date.string(from: date),
            MIMEHeader.fold("From: " + MIMEHeader.sanitized(from.headerValue)),
            MIMEHeader.fold("To: " + to.map { MIMEHeader.sanitized($0.headerValue) }.joined(separator: ", ")),
            MIMEHeader.field("Subject", message.subject),
            "Message-ID: " + message.messageID,
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
            "Auto-Submitted: auto-generated",
        ]
    }

    /// The whole message with CRLF line ends (for SMTP; the transport adds dot-stuffing).
    func rendered() -> String {
        var lines = headerLines
        lines.append("")
        lines.append("This is a multi-part message in MIME format.")
        for (type, body) in [("text/plain", message.text), ("text/html", message.html)] {
            lines.append("--" + boundary)
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(QuotedPrintable.encode(body))
        }
        lines.append("--" + boundary + "--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The message with LF line ends, as local programs such as sendmail expect on stdin.
    func renderedForPipe() -> String {
        rendered().replacingOccurrences(of: "\r\n", with: "\n")
    }
}
