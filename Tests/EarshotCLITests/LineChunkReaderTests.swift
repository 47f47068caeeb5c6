import Testing
@testable import EarshotCLI

/// ``LineChunkReader/lines(of:_:)`` splits a chunk as `readLine(strippingNewline: true)` would.
@Suite struct LineChunkReaderTests {
    @Test(arguments: ["", "a", "a\n", "\n", "\n\n", "ab\ncd", "ab\r\ncd\r\n", "\r\n", "\r", "x\r", "a\rb\n", "好\n\ncafé\r\n😡", "a\n\r\n b \n"])
    func linesAreWhatReadLineReturns(text: String) {
        var found: [String] = []
        LineChunkReader.lines(of: Array(text.utf8)) { found.append(String(decoding: $0, as: UTF8.self)) }
        // readLine: each line feed ends a line (a carriage return before it dropped); text after
        // the last line feed is one more line, kept as it is.
        let pieces = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        var expected = pieces.enumerated().map { number, line in
            String(decoding: number < pieces.count - 1 && line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
        }
        if text.utf8.last == 0x0A || text.isEmpty { expected.removeLast() }
        #expect(found == expected, "\(text.debugDescription)")
    }
}
