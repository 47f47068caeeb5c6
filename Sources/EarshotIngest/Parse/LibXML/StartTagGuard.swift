import CLibXML2
import Foundation

/// Counts the attributes of each start tag in the bytes about to reach libxml2, so that a tag with
/// tens of thousands of them is refused before libxml2 sees it: libxml2 checks a tag's attributes
/// for duplicates in time quadratic in their number (200,000 attributes took 39 s), and its own
/// limits do not stop that. ``XMLPushParser`` runs one only while the bytes libxml2 holds unparsed
/// and the next chunk are enough to hold such a tag; the recovering reader's whole document is
/// scanned at once (``firstOffence(in:)``).
///
/// A byte scanner that carries its state across chunks (text, quoted values and declarations are
/// skipped sixteen bytes at a time, and so are line breaks counted):
/// inside a start tag it counts the values that open after an `=` (`name="…"` or `name='…'`),
/// skipping quoted text. Comments, CDATA, declarations and processing instructions (`<!`, `<?`)
/// are not counted. It never decides anything about a well-formed feed: real tags have a handful of
/// attributes, and the limit is far above any.
struct StartTagGuard {
    /// More attributes than this on one start tag refuse the document.
    static let limit = 50_000

    private enum State { case text, tagStart, tag, quoted, declaration }
    private var state = State.text
    /// The quote a value ends with, while `state` is `.quoted`.
    private var quote: UInt8 = 0
    private var count = 0
    private var afterEquals = false
    /// Line breaks seen so far (the refused tag's line is this plus one).
    private(set) var lines = 0

    /// Scans the next chunk; returns the line of a start tag over ``limit`` attributes, or nil.
    ///
    /// The chunk is scanned in pieces of 16 KB, as if fed in those (the scan carries its state
    /// across any split), so that each piece's line breaks are counted while its bytes are still
    /// in the L1 data cache: counted after a whole 64 KB chunk, they were read again from L2.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        let piece = 1 << 14
        guard chunk.count > piece else { return scanPiece(chunk) }
        var start = 0
        while start < chunk.count {
            let end = min(chunk.count, start + piece)
            if let line = scanPiece(UnsafeBufferPointer(rebasing: chunk[start..<end])) { return line }
            start = end
        }
        return nil
    }

    /// ``scan(_:)`` for one piece of a chunk.
    ///
    /// Text and quoted values (nearly every byte of a feed) are skipped with ``firstIndex(of:in:from:to:)``; line
    /// breaks are counted for the whole piece at once, sixteen bytes at a time, and for the part
    /// before an offending tag only when there is one.
    ///
    /// `state` is read once, where the piece starts; after that the scan goes straight from each
    /// step to the next: from text into a tag's start, over the tag's names, white space and values
    /// in one loop until its `>`, then into the text again. The byte that ends a name is classified
    /// by bit masks (no jump table: an indirect jump per tag is hard to predict).
    private mutating func scanPiece(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = chunk.baseAddress else { return nil }
        var index = 0
        let end = chunk.count
        // Resume inside whatever the last chunk ended in; each case leaves `state` `.text` or `.tag`.
        switch state {
        case .text, .tag:
            break
        case .quoted:
            guard let found = StartTagGuard.firstIndex(of: quote, in: base, from: index, to: end) else { return finish(chunk) }
            index = found + 1
            state = .tag
        case .declaration:
            guard let found = StartTagGuard.firstIndex(of: UInt8(ascii: ">"), in: base, from: index, to: end) else { return finish(chunk) }
            index = found + 1
            state = .text
        case .tagStart:
            guard index < end else { return finish(chunk) }
            if enterTag(chunk[index], at: &index, base: base, end: end) { return finish(chunk) }
        }
        var inTag = state == .tag
        while true {
            if inTag {
                // One start tag, up to its `>`.
                while true {
                    // Name bytes (letters and most punctuation) only end an `=`'s wait: skip them
                    // sixteen at a time. A byte loop's exit is mispredicted at nearly every name
                    // (their lengths vary); here a name ends inside its first block, found by
                    // `trailingZeroBitCount`, so the branch goes the same way for every short name.
                    while index &+ 16 <= end {
                        let lanes = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                        typealias Lanes = SIMD16<UInt8>
                        // White space and controls, `"`, `'`, and `=` or `>` (0x3D, 0x3E).
                        let stops = (lanes .<= Lanes(repeating: 0x20)) .| (lanes .== Lanes(repeating: 0x22))
                            .| (lanes .== Lanes(repeating: 0x27)) .| ((lanes &- Lanes(repeating: 0x3D)) .<= Lanes(repeating: 1))
                        let marks = earshot_high_bits16(unsafeBitCast(stops, to: SIMD16<UInt8>.self))
                        if marks == 0 {
                            afterEquals = false
                            index &+= 16
                            continue
                        }
                        let run = marks.trailingZeroBitCount
                        afterEquals = afterEquals && run == 0
                        index &+= run
                        break
                    }
                    while index < end {
                        guard StartTagGuard.isNameByte(chunk[index]) else { break }
                        afterEquals = false
                        index += 1
                    }
                    guard index < end else { return finish(chunk) }
                    let byte = chunk[index]
                    index += 1
                    // Not a name byte, so below 0x40: one bit of a word each.
                    let bit = UInt64(1) &<< UInt64(byte)
                    if bit & StartTagGuard.spaceBits != 0 { continue }
                    if bit & StartTagGuard.quoteBits != 0 {
                        if afterEquals {
                            count += 1
                            if count > StartTagGuard.limit {
                                return lines + StartTagGuard.lineBreaks(in: UnsafeBufferPointer(rebasing: chunk[..<(index - 1)])) + 1
                            }
                        }
                        afterEquals = false
                        // Straight over the value; a chunk that ends inside it leaves the scan `.quoted`.
                        guard let found = StartTagGuard.firstIndex(of: byte, in: base, from: index, to: end) else {
                            state = .quoted
                            quote = byte
                            return finish(chunk)
                        }
                        index = found + 1
                        continue
                    }
                    if bit & StartTagGuard.equalsBit != 0 {
                        afterEquals = true
                        continue
                    }
                    if bit & StartTagGuard.closeBit != 0 { break }
                    afterEquals = false
                }
                // `>`: on into the text.
                state = .text
            }
            // Text: straight to the next `<`, and into the tag it starts.
            guard let found = StartTagGuard.firstIndex(of: UInt8(ascii: "<"), in: base, from: index, to: end) else { return finish(chunk) }
            index = found + 1
            guard index < end else {
                state = .tagStart
                return finish(chunk)
            }
            if enterTag(chunk[index], at: &index, base: base, end: end) { return finish(chunk) }
            inTag = state == .tag
        }
    }

    /// White space inside a tag (space, tab, line feed, carriage return), as bits of `1 << byte`.
    private static let spaceBits: UInt64 = 1 << 0x20 | 1 << 0x09 | 1 << 0x0A | 1 << 0x0D
    /// `"` and `'`.
    private static let quoteBits: UInt64 = 1 << 0x22 | 1 << 0x27
    /// `=`.
    private static let equalsBit: UInt64 = 1 << 0x3D
    /// `>`.
    private static let closeBit: UInt64 = 1 << 0x3E

    /// The end of a chunk: its line breaks are added up, and no tag was refused.
    @inline(__always)
    private mutating func finish(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        lines += StartTagGuard.lineBreaks(in: chunk)
        return nil
    }

    /// Reads the byte after a `<` (at `index`): a declaration, a processing instruction or an end
    /// tag (`<!`, `<?`, `</`) is skipped to its `>` (the scan stays `.text`; true when the chunk
    /// ends first, leaving it `.declaration`); anything else starts a tag (`.tag`), whose name
    /// starts at `index` when `byte` is a name byte (any other byte is passed over).
    @inline(__always)
    private mutating func enterTag(_ byte: UInt8, at index: inout Int, base: UnsafePointer<UInt8>, end: Int) -> Bool {
        if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "/") {
            guard let found = StartTagGuard.firstIndex(of: UInt8(ascii: ">"), in: base, from: index + 1, to: end) else {
                state = .declaration
                return true
            }
            index = found + 1
            state = .text
            return false
        }
        state = .tag
        count = 0
        afterEquals = false
        if !StartTagGuard.isNameByte(byte) { index += 1 }
        return false
    }

    /// A byte that ends nothing inside a tag (letters and most punctuation): not white space, a
    /// control, a quote, `=` or `>`. Inside a tag it only ends an `=`'s wait.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        byte > 0x3E || (byte > 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte < 0x3D)
    }

    /// The index of the first `needle` in `base[start..<end]`, or nil. Most of the guard's searches
    /// are short (the next `<` or quote a few dozen bytes on), where a `memchr` call costs more than
    /// the search: the first 64 bytes are compared inline sixteen at a time (SSE2 compares on
    /// `SIMD16<UInt8>`, the lane mask gathered into one word by `earshot_high_bits16`), and only then is the rest handed
    /// to `memchr`. Under sixteen bytes left, byte by byte.
    @inline(__always)
    static func firstIndex(of needle: UInt8, in base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        let wanted = SIMD16<UInt8>(repeating: needle)
        while index &+ 16 <= end {
            if index &- start >= 64 {
                guard let found = memchr(base + index, Int32(needle), end &- index) else { return nil }
                return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            let lanes = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let marks = earshot_high_bits16(unsafeBitCast(lanes .== wanted, to: SIMD16<UInt8>.self))
            if marks != 0 { return index &+ marks.trailingZeroBitCount }
            index &+= 16
        }
        while index < end {
            if base[index] == needle { return index }
            index &+= 1
        }
        return nil
    }

    /// How many line feeds `bytes` holds, sixteen bytes at a time (SSE2 compares, no branch per
    /// line: a `memchr` call per line feed mispredicted its exit at nearly every line): each byte lane
    /// counts its line feeds for up to 254 blocks (a line feed's lane compares as 0xFF, so
    /// subtracting the compare adds one), then the lanes are summed (no population count per
    /// block: without the POPCNT instruction, which the baseline x86-64 target lacks, that is a
    /// dozen instructions).
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        typealias Lanes = SIMD16<UInt8>
        let count = bytes.count
        var total = 0, index = 0
        let feeds = Lanes(repeating: 0x0A)
        while index &+ 16 <= count {
            var lanes = Lanes(repeating: 0)
            let stop = min(count &- 16, index &+ 16 &* 253)
            while index <= stop {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: Lanes.self)
                lanes &-= unsafeBitCast(block .== feeds, to: Lanes.self)
                index &+= 16
            }
            // Sixteen lanes of at most 254: adjacent pairs into four 16-bit fields of each word,
            // the two words added (fields of at most 1,016), then the four fields summed.
            let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
            let pairs = (words & 0x00FF_00FF_00FF_00FF) &+ ((words &>> 8) & 0x00FF_00FF_00FF_00FF)
            total += Int(truncatingIfNeeded: ((pairs[0] &+ pairs[1]) &* 0x0001_0001_0001_0001) >> 48)
        }
        while index < count {
            if base[index] == 0x0A { total += 1 }
            index &+= 1
        }
        return total
    }

    /// The line of the first start tag in `bytes` over ``limit`` attributes, or nil: for a whole
    /// document about to go to libxml2's recovering parser.
    static func firstOffence(in bytes: [UInt8]) -> Int? {
        var scanner = StartTagGuard()
        return bytes.withUnsafeBufferPointer { scanner.scan($0) }
    }
}
