import NIOCore
import NIOEmbedded
import Testing
@testable import EarshotOutput

@Suite struct SMTPReplyDecoderTests {
    static func decode(_ chunks: [String]) throws -> [SMTPReply] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        for chunk in chunks { try channel.writeInbound(ByteBuffer(string: chunk)) }
        var replies: [SMTPReply] = []
        while let reply = try channel.readInbound(as: SMTPReply.self) { replies.append(reply) }
        _ = try? channel.finish()
        return replies
    }

    @Test func multiLineRepliesArriveAsOne() throws {
        let replies = try Self.decode(["220 mail.example.com ESMTP\r\n250-mail.example.com\r\n250-STAR", "TTLS\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n"])
        #expect(replies == [SMTPReply(code: 220, lines: ["mail.example.com ESMTP"]),
                            SMTPReply(code: 250, lines: ["mail.example.com", "STARTTLS", "AUTH PLAIN LOGIN", "8BITMIME"])])
        #expect(replies[1].extensions == ["STARTTLS": [], "AUTH": ["PLAIN", "LOGIN"], "8BITMIME": []])
    }

    @Test func bareLFAndCodeOnlyLinesAreAccepted() throws {
        #expect(try Self.decode(["354\n", "250-AUTH=LOGIN\n250 OK\n"]) ==
                [SMTPReply(code: 354, lines: [""]), SMTPReply(code: 250, lines: ["AUTH=LOGIN", "OK"])])
    }

    @Test(arguments: ["hello\r\n", "250-first\r\n251 second\r\n", "250+odd\r\n", "99 low\r\n", String(repeating: "x", count: 3000)])
    func malformedRepliesAreProtocolErrors(_ input: String) {
        #expect(throws: SMTPReplyDecoder.ProtocolError.self) { _ = try Self.decode([input]) }
    }

    @Test func replyDescriptionIsOneCleanLine() {
        let reply = SMTPReply(code: 550, lines: ["5.1.1 no such user", "second\u{7}line"])
        #expect(reply.description == "550 5.1.1 no such user second line")
    }
}
