import Foundation
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

    /// ``LineChunkReader/next(size:)`` hands out the input whole and in order, each chunk ending
    /// just after a line feed (the last may have none), about `size` bytes unless one line is
    /// longer; from a pipe written in small pieces (short reads) as from a file.
    @Test(arguments: [1, 7, 64, 1 << 15])
    func chunksAreWholeLinesOfTheInput(size: Int) throws {
        let lines = (0..<400).map { index in
            index % 50 == 7 ? String(repeating: "long ", count: 300) : "line \(index) \(String(repeating: "x", count: index % 23))"
        }
        for text in [lines.joined(separator: "\n"), lines.joined(separator: "\r\n") + "\r\n", "", "\n", "no feed"] {
            let bytes = Array(text.utf8)
            var descriptors: [Int32] = [0, 0]
            try #require(pipe(&descriptors) == 0)
            let writeEnd = descriptors[1]
            let writer = Thread {
                var offset = 0
                while offset < bytes.count {
                    let piece = min(1000, bytes.count - offset)
                    offset += bytes[offset..<(offset + piece)].withUnsafeBytes { write(writeEnd, $0.baseAddress!, piece) }
                }
                close(writeEnd)
            }
            writer.start()
            var reader = LineChunkReader(descriptor: descriptors[0])
            var read: [UInt8] = [], chunks = 0
            while let chunk = reader.next(size: size) {
                chunks += 1
                read += chunk
                let whole = chunk.last == 0x0A || read.count == bytes.count
                #expect(whole, "chunk \(chunks) ends inside a line")
                // No line feed before the last `size` bytes: it would have ended the chunk sooner.
                if size > 1, chunk.count > size, let feed = chunk.dropLast().lastIndex(of: 0x0A) { #expect(feed >= size - 1, "chunk \(chunks)") }
            }
            close(descriptors[0])
            let same = read == bytes
            #expect(same, "\(text.prefix(20).debugDescription): \(read.count) bytes read of \(bytes.count)")
            #expect(reader.next(size: size) == nil)
        }
    }
}
