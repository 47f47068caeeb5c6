import Testing
@testable import EarshotIngest

/// The attribute counter that keeps libxml2's quadratic duplicate-attribute check bounded.
struct StartTagGuardTests {
    /// The line `text` is refused on, fed in chunks of `chunk` bytes; past its first `chunkedBytes`
    /// bytes, the rest goes in one piece.
    func offence(_ text: String, chunk: Int = 7, chunkedBytes: Int = .max) -> Int? {
        var scanner = StartTagGuard()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = start < chunkedBytes ? min(bytes.count, start + chunk) : bytes.count
            if let line = bytes[start..<end].withUnsafeBufferPointer({ scanner.scan($0) }) { return line }
            start = end
        }
        return nil
    }

    func tag(_ attributes: Int, quote: String = "\"") -> String {
        "<item" + (0..<attributes).map { " a\($0)=\(quote)x > y\(quote)" }.joined() + ">"
    }

    @Test func countsTheAttributesOfOneStartTagAcrossChunks() {
        #expect(offence("<rss>\n" + tag(StartTagGuard.limit) + "</item></rss>") == nil)
        #expect(offence("<rss>\n\n" + tag(StartTagGuard.limit + 1) + "</item></rss>") == 3, "the line of the tag")
        #expect(offence("<rss>" + tag(StartTagGuard.limit + 1, quote: "'")) == 1)
        #expect(offence(tag(StartTagGuard.limit + 1), chunk: 65_536) == 1)
    }

    /// The byte after `<` decides whether a tag starts (`!`, `?` and `/` do not) and is never
    /// itself looked at inside the tag, whatever it is; the scanner then goes on into the tag at
    /// once or on the next byte, and at every chunk size (a `<` or that byte at a chunk's end) alike.
    /// Only the tag's first 64 bytes go in small chunks (fed byte by byte, the 50,001 attributes
    /// took seconds in a debug build); the rest in one piece.
    @Test func readsTheByteAfterEachTagStartTheSameWayAtEveryChunkSize() {
        let attributes = String(tag(StartTagGuard.limit + 1).dropFirst("<item".count))
        for (first, offends) in [("a", true), (">", true), ("=", true), ("\"", true), ("'", true), (" ", true), ("\u{00E9}", true),
                                 ("/", false), ("!", false), ("?", false)] {
            for chunk in [1, 2, 3, 5, 8, 9, 4_096] {
                let line = offence("<" + first + "item" + attributes + "</item>", chunk: chunk, chunkedBytes: 64)
                #expect(line == (offends ? 1 : nil), "\(first.debugDescription) chunk \(chunk)")
            }
        }
    }

    /// After an `=`, white space (space, tab, line feed, carriage return) keeps the wait for a
    /// value's quote; any other byte (a control, a name byte) ends it, so the value does not count.
    /// `limit` plain attributes come first, then one with `separator` between its `=` and quote:
    /// the tag is refused exactly when that last one counts, on the line of its quote. The plain
    /// part is scanned once and the scanner copied for each case; the last attribute is fed in
    /// chunks of 1, 2, 3, 7 and 4,096 bytes, so that its separator and quote fall on either side
    /// of a chunk's end.
    @Test func onlyWhiteSpaceMayComeBetweenAnEqualsSignAndItsQuote() {
        let plain = Array(("<item" + (0..<StartTagGuard.limit).map { " a\($0)=\"x\"" }.joined()).utf8)
        var afterPlain = StartTagGuard()
        #expect(plain.withUnsafeBufferPointer { afterPlain.scan($0) } == nil, "\(StartTagGuard.limit) attributes are allowed")
        for (separator, counted) in [("", true), (" ", true), ("\t", true), ("\n", true), ("\r", true), (" \r\n\t ", true),
                                     ("\u{01}", false), ("\u{0B}", false), ("\u{0C}", false), ("\u{1F}", false), ("\u{00}", false),
                                     ("b", false), (" b ", false), ("\u{00E9}", false)] {
            let last = Array((" last=" + separator + "\"x\"></item>").utf8)
            let feeds = separator.utf8.filter { $0 == 0x0A }.count
            for chunk in [1, 2, 3, 7, 4_096] {
                var scanner = afterPlain
                var line: Int?
                var start = 0
                while line == nil, start < last.count {
                    let end = min(last.count, start + chunk)
                    line = last[start..<end].withUnsafeBufferPointer { scanner.scan($0) }
                    start = end
                }
                #expect(line == (counted ? 1 + feeds : nil), "\(separator.debugDescription) chunk \(chunk)")
            }
        }
    }

    /// Names are skipped sixteen bytes at a time when a block is left: a last attribute whose name
    /// (or a name between its `=` and quote) is 1 to 40 bytes long, ending anywhere in a block or
    /// on its edge, counts exactly as a short one, in one chunk or split in two.
    @Test func namesOfEveryLengthAcrossSixteenByteBlocks() {
        let plain = Array(("<item" + (0..<StartTagGuard.limit).map { " a\($0)=\"x\"" }.joined()).utf8)
        var afterPlain = StartTagGuard()
        #expect(plain.withUnsafeBufferPointer { afterPlain.scan($0) } == nil)
        for length in 1...40 {
            let name = String(repeating: "n", count: length)
            for (last, counted) in [(" \(name)=\"x\"></item>", true), (" \(name) = \"x\"></item>", true),
                                    (" a=\(name)\"x\"></item>", false), (" \(name)=\(name)\"x\"></item>", false)] {
                let bytes = Array(last.utf8)
                for split in [bytes.count, length / 2 + 1] {
                    var scanner = afterPlain
                    var line = bytes[..<split].withUnsafeBufferPointer { scanner.scan($0) }
                    if line == nil { line = bytes[split...].withUnsafeBufferPointer { scanner.scan($0) } }
                    #expect(line == (counted ? 1 : nil), "\(last.debugDescription) split at \(split)")
                }
            }
        }
    }

    @Test func countsEachTagApart() {
        // Many tags with many attributes each are fine: the count is per tag.
        let tags = String(repeating: tag(StartTagGuard.limit / 2), count: 3)
        #expect(offence("<rss>" + tags + "</rss>") == nil)
    }

    @Test func ignoresWhatIsNoAttribute() {
        // `="` inside quoted values, text, comments, CDATA and end tags does not count.
        let equalsInText = String(repeating: "a=\"b\" ", count: StartTagGuard.limit + 1)
        #expect(offence("<title>" + equalsInText + "</title>") == nil)
        #expect(offence("<!-- <x " + equalsInText + " -->") == nil)
        #expect(offence("<x v='" + equalsInText + "'/>") == nil)
        #expect(offence("<?pi " + equalsInText + "?>") == nil)
    }

    @Test func findsTheLineOfALateTagInABigChunk() {
        // Lines before the tag in earlier chunks and in the tag's own chunk, across word boundaries.
        let before = String(repeating: "<p>ab\n</p>\n", count: 1_000) + "x\n\n"
        #expect(offence(before + tag(StartTagGuard.limit + 1), chunk: 65_536) == 2_003)
        #expect(offence(before + tag(StartTagGuard.limit + 1), chunk: 13) == 2_003)
    }

    @Test func countsLineBreaksSixteenBytesAtATime() {
        for text in ["", "\n", "abc", "\n\n\n\n\n\n\n\n\n", "a\nb\u{0B}\n\r\n\u{8A}\n", String(repeating: "é\n\t\u{0A0A}", count: 37),
                     // More than 254 blocks (each byte lane counts at most 254), all line feeds or mixed,
                     // and exactly 254 blocks, with a byte more and less.
                     String(repeating: "\n", count: 4_100), String(repeating: "a\n\n\n", count: 2_999) + "\n",
                     String(repeating: "\n", count: 4_064), String(repeating: "\n", count: 4_065), String(repeating: "\n", count: 4_063),
                     // Sparse line feeds, then dense ones after them.
                     String(repeating: "abcdefghijklmnopqrstuvwxyz\n", count: 400) + String(repeating: "\n\nab", count: 700)] {
            let bytes = Array(text.utf8)
            let expected = bytes.filter { $0 == 0x0A }.count
            #expect(bytes.withUnsafeBufferPointer { StartTagGuard.lineBreaks(in: $0) } == expected, "\(text.debugDescription)")
        }
    }

    @Test func findsEachStopByteAtEveryLaneOffset() {
        // The search the scanner uses for `<`, `>` and quotes: sixteen bytes at a time for the first
        // 64, then memchr, then byte by byte under sixteen left. Every needle at every position of
        // ranges that start at different offsets and end in every place, among near misses (bytes one
        // bit away, the same low bits with the high bit set) and other needles, with a second needle after it.
        let needles: [UInt8] = [0x3C, 0x3E, 0x22, 0x27]
        let filler: [UInt8] = [0x3D, 0x3C ^ 0x01, 0x3E ^ 0x02, 0x22 | 0x80, 0x27 ^ 0x08, 0xBC, 0xBE, 0x20, 0x0A, 0x00, 0xFF, 0x61]
        for needle in needles {
            let others = filler + needles.filter { $0 != needle }
            let background = (0..<120).map { others[($0 * 7) % others.count] }
            for start in 0..<3 {
                for end in start...background.count {
                    for position in start...end {
                        var bytes = background
                        if position < end { bytes[position] = needle }
                        if position + 5 < end { bytes[position + 5] = needle }
                        let expected = bytes[start..<end].firstIndex(of: needle)
                        let found = bytes.withUnsafeBufferPointer { StartTagGuard.firstIndex(of: needle, in: $0.baseAddress!, from: start, to: end) }
                        #expect(found == expected, "needle \(needle) start \(start) end \(end) position \(position)")
                        if found != expected { return }
                    }
                }
            }
        }
    }
}
