import Foundation
import EarshotCore

/// A mailbox from the configuration: `alerts@example.com` or `Earshot <alerts@example.com>`.
///
/// The address itself must be plain ASCII `local@domain` with no spaces, brackets or control
/// characters, so it can go into `MAIL FROM`/`RCPT TO` and a header as it is; a display name
/// may be any text and is quoted or RFC 2047-encoded in headers.
struct EmailAddress: Sendable, Equatable {
    /// The bare `local@domain`.
    var address: String
    /// The name shown before the address, if any.
    var displayName: String?

    /// Parses one mailbox.
    /// - Throws: ``EarshotError`` `.configuration` naming `field` when the text is not a usable mailbox.
    init(parsing text: String, field: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String? = nil
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var display = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
            }
            name = display.isEmpty ? nil : display
        }
        guard EmailAddress.isValid(address) else {
            throw EarshotError(.configuration, "\(field) '\(MIMEHeader.sanitized(text))' is not an email address; write it as name@example.com or Name <name@example.com>")
        }
        if let name, name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw EarshotError(.configuration, "\(field) has a control character in its display name; remove it")
        }
        self.address = address
        self.displayName = name
    }

    /// The mailbox as a header value: `Name <local@domain>`, the name quoted or encoded as needed.
    var headerValue: String {
        guard let displayName else { return address }
        if !MIMEHeader.isPrintableASCII(displayName) {
            return MIMEHeader.encodedWords(displayName).joined(separator: " ") + " <" + address + ">"
        }
        let atext = displayName.unicodeScalars.allSatisfy { scalar in
            scalar == " " || (scalar.properties.isASCIIHexDigit || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar) || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar))
        }
        if atext { return displayName + " <" + address + ">" }
        let quoted = displayName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + quoted + "\" <" + address + ">"
    }

    /// Whether `text` is a plain ASCII `local@domain` that is safe in SMTP commands and headers.
    static func isValid(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64, text.utf8.count <= 254 else { return false }
        let forbidden = Set("<>()[]\\,;:\"@ ".utf8)
        return local.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }
            && domain.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }
            && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
