/// Quoted-printable content transfer encoding (RFC 2045 §6.7) of UTF-8 text.
///
/// Line breaks in the text (LF, CRLF or CR) become hard CRLF breaks; lines longer than 76
/// characters get soft breaks (`=` at the end of a line); everything outside printable ASCII,
/// `=` itself, and a space or tab at the end of a line are written as `=XX`. The output is
/// 7-bit ASCII with CRLF line ends and no line over 76 characters, so it passes any SMTP hop.
/// Leading dots are left as they are: the SMTP transport dot-stuffs them.
enum QuotedPrintable {
    /// The encoded text, lines joined by CRLF, without a final line break.
    static func encode(_ text: String) -> String {
        lines(of: text).map(encodeLine).joined(separator: "\r\n")
    }

    /// Splits on LF, CRLF or a lone CR.
    static func lines(of text: String) -> [Substring.UTF8View] {
        var result: [Substring.UTF8View] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let byte = utf8[i]
            if byte == 0x0A || byte == 0x0D {
                result.append(Substring(text)[start..<i].utf8)
                var next = utf8.index(after: i)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        result.append(Substring(text)[start..<utf8.endIndex].utf8)
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ line: Substring.UTF8View) -> String {
        let bytes = Array(line)
        // Tokens: a literal character or an =XX escape; never split when wrapping.
        var tokens: [[UInt8]] = []
        tokens.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !isLast)
            tokens.append(literal ? [byte] : [0x3D, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
        }
        var output: [UInt8] = []
        var column = 0
        for (index, token) in tokens.enumerated() {
            let isLast = index == tokens.count - 1
            // A line may hold 76 characters; leave room for the soft-break "=" unless this ends the line.
            let limit = isLast ? 76 : 75
            if column + token.count > limit {
                output += [0x3D, 0x0D, 0x0A]
                column = 0
            }
            output += token
            column += token.count
        }
        return String(decoding: output, as: UTF8.self)
    }
}
