/// Counts the attributes of each start tag in the bytes about to reach libxml2, so that a tag with
/// tens of thousands of them is refused before libxml2 sees it: libxml2 checks a tag's attributes
/// for duplicates in time quadratic in their number (200,000 attributes took 39 s), and its own
/// limits do not stop that.
///
/// A byte scanner that carries its state across chunks (one pass over every byte, counting lines):
/// inside a start tag it counts the values that open after an `=` (`name="…"` or `name='…'`),
/// skipping quoted text. Comments, CDATA, declarations and processing instructions (`<!`, `<?`)
/// are not counted. It never decides anything about a well-formed feed: real tags have a handful of
/// attributes, and the limit is far above any.
struct StartTagGuard {
    /// More attributes than this on one start tag refuse the document.
    static let limit = 50_000

    private enum State { case text, tagStart, tag, quoted(UInt8), declaration }
    private var state = State.text
    private var count = 0
    private var afterEquals = false
    /// Line breaks seen so far (the refused tag's line is this plus one).
    private(set) var lines = 0

    /// Scans the next chunk; returns the line of a start tag over ``limit`` attributes, or nil.
    mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let end = chunk.count
        while index < end {
            let byte = chunk[index]
            if byte == 0x0A { lines += 1 }
            switch state {
            case .text:
                if byte == UInt8(ascii: "<") { state = .tagStart }
            case .tagStart:
                if byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "/") {
                    state = .declaration
                } else {
                    state = .tag
                    count = 0
                    afterEquals = false
                }
            case .declaration:
                if byte == UInt8(ascii: ">") { state = .text }
            case .tag:
                switch byte {
                case UInt8(ascii: ">"):
                    state = .text
                case UInt8(ascii: "="):
                    afterEquals = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if afterEquals {
                        count += 1
                        if count > StartTagGuard.limit { return lines + 1 }
                    }
                    afterEquals = false
                    state = .quoted(byte)
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                default:
                    afterEquals = false
                }
            case .quoted(let quote):
                if byte == quote { state = .tag }
            }
            index += 1
        }
        return nil
    }

    /// The line of the first start tag in `bytes` over ``limit`` attributes, or nil: for a whole
    /// document about to go to libxml2's recovering parser.
    static func firstOffence(in bytes: [UInt8]) -> Int? {
        var scanner = StartTagGuard()
        return bytes.withUnsafeBufferPointer { scanner.scan($0) }
    }
}
