import NIOCore

/// Splits the bytes an SMTP server sends into ``SMTPReply`` values.
///
/// Lines end in CRLF (a bare LF is accepted); `ddd-text` continues a reply and `ddd text` or
/// `ddd` ends it. A line over 2,048 bytes, a reply over 200 lines, a line without a three-digit
/// code, or a code that changes inside one reply is a protocol error.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    /// The server broke RFC 5321's reply syntax.
    struct ProtocolError: Error, CustomStringConvertible {
        var description: String
    }

    static let maxLineLength = 2048
    static let maxLines = 200

    private var code: Int?
    private var lines: [String] = []

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > SMTPReplyDecoder.maxLineLength {
                throw ProtocolError(description: "the server sent a reply line longer than \(SMTPReplyDecoder.maxLineLength) bytes")
            }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex + 1
        guard length <= SMTPReplyDecoder.maxLineLength + 2, var bytes = buffer.readBytes(length: length) else {
            throw ProtocolError(description: "the server sent a reply line longer than \(SMTPReplyDecoder.maxLineLength) bytes")
        }
        bytes.removeLast()
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        try consume(line: bytes, context: context)
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    private mutating func consume(line bytes: [UInt8], context: ChannelHandlerContext) throws {
        let digits = bytes.prefix(3)
        guard digits.count == 3, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let lineCode = Int(String(decoding: digits, as: UTF8.self)), (200...599).contains(lineCode) else {
            throw ProtocolError(description: "the server sent a line that is not an SMTP reply: '\(String(decoding: bytes.prefix(80), as: UTF8.self))'")
        }
        if let code, code != lineCode {
            throw ProtocolError(description: "the server changed the reply code from \(code) to \(lineCode) inside one reply")
        }
        let separator = bytes.count > 3 ? bytes[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw ProtocolError(description: "the server sent a reply line with '\(Character(Unicode.Scalar(separator)))' after its code")
        }
        code = lineCode
        lines.append(bytes.count > 4 ? String(decoding: bytes[4...], as: UTF8.self) : "")
        guard lines.count <= SMTPReplyDecoder.maxLines else {
            throw ProtocolError(description: "the server sent a reply of more than \(SMTPReplyDecoder.maxLines) lines")
        }
        if separator == UInt8(ascii: " ") {
            let reply = SMTPReply(code: lineCode, lines: lines)
            code = nil
            lines = []
            context.fireChannelRead(wrapInboundOut(reply))
        }
    }
}
