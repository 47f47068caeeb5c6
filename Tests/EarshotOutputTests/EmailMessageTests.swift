import EarshotCore
import Foundation
import NIOCore
import Testing
@testable import EarshotOutput

@Suite struct EmailMessageTests {
    static func email(_ alerts: Alert..., to: [String] = ["team@example.com", "Ops Team <ops@example.com>"]) throws -> EmailMessage {
        EmailMessage(from: try EmailAddress(parsing: "Earshot <alerts@example.com>", field: "from"),
                     to: try to.map { try EmailAddress(parsing: $0, field: "to") },
                     message: try AlertMessage(alerts: alerts), date: DeliveryFixture.now)
    }

    /// Decodes RFC 2047 B-encoded words (what a mail reader does), for checking our encoder.
    static func decodeEncodedWords(_ value: String) -> String {
        var output = ""
        var previousWasEncoded = false
        for (index, word) in value.replacingOccurrences(of: "\r\n ", with: " ").split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="), let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) {
                // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
                if index > 0, !previousWasEncoded { output += " " }
                output += String(decoding: data, as: UTF8.self)
                previousWasEncoded = true
            } else {
                if index > 0 { output += " " }
                output += word
                previousWasEncoded = false
            }
        }
        return output
    }

    @Test func headersInOrder() throws {
        let email = try Self.email(DeliveryFixture.spike())
        let key = email.message.idempotencyKey
        #expect(email.headerLines == [
            "Date: Fri, 20 Nov 2026 09:05:07 +0000",
            "From: Earshot <alerts@example.com>",
            "To: team@example.com, Ops Team <ops@example.com>",
            "Subject: [earshot] Pinvale: negative spike in customer service",
            "Message-ID: <\(key.prefix(32))@earshot>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;\r\n boundary=\"=_earshot_\(key.prefix(24))\"",
            "Auto-Submitted: auto-generated",
        ])
    }

    @Test(arguments: [("品维", true), ("Kedai Ceria", false), ("Café Ñandú", true)])
    func subjectIsEncodedOnlyWhenNotASCII(brand: String, encoded: Bool) throws {
        let email = try Self.email(DeliveryFixture.spike(brand: brand))
        let subject = try #require(email.headerLines.first { $0.hasPrefix("Subject: ") })
        let value = String(subject.dropFirst("Subject: ".count))
        #expect(value.hasPrefix("=?UTF-8?B?") == encoded)
        #expect(Self.decodeEncodedWords(value) == "[earshot] \(brand): negative spike in customer service")
        for line in subject.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test func longChineseSubjectSplitsBetweenCharacters() throws {
        let brand = String(repeating: "品维客服", count: 12)
        let field = MIMEHeader.field("Subject", brand)
        let words = field.dropFirst("Subject: ".count).components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.count <= 64)
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            #expect(String(data: data, encoding: .utf8) != nil, "each word holds whole UTF-8 characters")
        }
        #expect(Self.decodeEncodedWords(String(field.dropFirst("Subject: ".count))) == brand)
    }

    @Test func dataCannotAddAHeader() throws {
        let email = try Self.email(DeliveryFixture.spike(brand: "Evil\r\nBcc: x@evil.example\nX-Spam: 1"))
        let header = email.rendered().components(separatedBy: "\r\n\r\n")[0]
        let lines = header.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("Bcc") || $0.hasPrefix("X-Spam") })
        #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
        #expect(header.contains("Subject: [earshot] Evil  Bcc: x@evil.example X-Spam: 1: negative spike"))
    }

    @Test func renderedMessageIsSevenBitCRLFWithShortLines() throws {
        let email = try Self.email(DeliveryFixture.spike(brand: "品维"))
        let rendered = email.rendered()
        #expect(rendered.utf8.allSatisfy { $0 < 0x80 })
        #expect(rendered.hasSuffix("--=_earshot_\(email.message.idempotencyKey.prefix(24))--\r\n"))
        let bytes = Array(rendered.utf8)
        for (i, byte) in bytes.enumerated() where byte == 0x0A { #expect(i > 0 && bytes[i - 1] == 0x0D) }
        for line in rendered.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
        #expect(rendered.components(separatedBy: "Content-Transfer-Encoding: quoted-printable").count == 3)
        #expect(email.renderedForPipe() == rendered.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func quotedPrintableEncodesWhatItMust() {
        #expect(QuotedPrintable.encode("a=b") == "a=3Db")
        #expect(QuotedPrintable.encode("trailing space \nnext\t") == "trailing space=20\r\nnext=09")
        #expect(QuotedPrintable.encode("品") == "=E5=93=81")
        #expect(QuotedPrintable.encode("a\r\nb\rc\nd") == "a\r\nb\r\nc\r\nd")
        #expect(QuotedPrintable.encode(".\n.x") == ".\r\n.x")
        let long = String(repeating: "é", count: 60)
        let lines = QuotedPrintable.encode(long).components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        for line in lines.dropLast() { #expect(line.hasSuffix("=") && line.utf8.count <= 76) }
        #expect(lines.joined().replacingOccurrences(of: "=", with: "").count == 60 * 2 * 2 - 0)
    }

    @Test func dateHeaderIsRFC5322InUTC() {
        #expect(RFC5322Date.string(from: Date(timeIntervalSince1970: 0)) == "Thu, 1 Jan 1970 00:00:00 +0000")
        #expect(RFC5322Date.string(from: DeliveryFixture.now) == "Fri, 20 Nov 2026 09:05:07 +0000")
        #expect(RFC5322Date.string(from: Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test(arguments: ["", "no-at-sign", "a b@example.com", "a@", "@example.com", "a@example.com\r\nBcc: x@y", "<a@b>,c@d", "x@y."])
    func invalidMailboxesAreRefused(_ text: String) {
        let error = #expect(throws: EarshotError.self) { try EmailAddress(parsing: text, field: "alerts.email.to") }
        #expect(error?.code == .configuration)
    }

    @Test func mailboxDisplayNamesAreQuotedOrEncoded() throws {
        #expect(try EmailAddress(parsing: "ops@example.com", field: "to").headerValue == "ops@example.com")
        #expect(try EmailAddress(parsing: "Ops Team <ops@example.com>", field: "to").headerValue == "Ops Team <ops@example.com>")
        #expect(try EmailAddress(parsing: "\"Ops, Team\" <ops@example.com>", field: "to").headerValue == "\"Ops, Team\" <ops@example.com>")
        let chinese = try EmailAddress(parsing: "品维 <ops@example.com>", field: "to")
        #expect(chinese.address == "ops@example.com")
        #expect(chinese.headerValue == "=?UTF-8?B?5ZOB57u0?= <ops@example.com>")
    }

    @Test func dotStuffingDoublesLeadingDotsAndEndsTheData() {
        let stuffed = SMTPNotifier.dotStuffed(".first\r\nmiddle\r\n.\r\n..two\r\nlast.\r\n")
        #expect(String(buffer: stuffed) == "..first\r\nmiddle\r\n..\r\n...two\r\nlast.\r\n.\r\n")
        #expect(String(buffer: SMTPNotifier.dotStuffed("no final newline")) == "no final newline\r\n.\r\n")
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
