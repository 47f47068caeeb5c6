import EarshotCore
import EarshotIngest
import Foundation

/// Writes `earshot parse-feed`'s JSON item by item through one reused byte buffer and
/// `write`, so a feed of any size is printed in flat memory.
///
/// The text is exactly what the whole-document writer printed before streaming:
/// `{"format":…,"title":…,"link":…,"items":[` then one item per line, then `]}`.
struct FeedJSONWriter {
    /// Standard output could not be written (a closed pipe, a full disk).
    struct WriteError: Error, CustomStringConvertible {
        var description: String { "cannot write the JSON to standard output; check the pipe or the disk" }
    }

    private var buffer: [UInt8] = []
    /// Where a streamed item's summary and content are reduced to plain text before they are quoted.
    private var scratch: [UInt8] = []
    private var items = 0
    private var headerWritten = false

    init() { buffer.reserveCapacity(1 << 17) }

    /// Writes one item, after the document's header when it is the first.
    mutating func item(_ item: FeedItem, header: FeedDocument) throws {
        try writeItem(item, header: header, summary: { $0.string(item.summary) }, content: { $0.string(item.content) })
    }

    /// Writes one streamed item as ``item(_:header:)`` writes the same item built whole: its
    /// summary and content go from the feed's text to this JSON as bytes, with no `String` made.
    mutating func item(_ item: StreamedFeedItem, header: FeedDocument) throws {
        try writeItem(item.fields, header: header, summary: { $0.plainText(item.writeSummary) }, content: { $0.plainText(item.writeContent) })
    }

    private mutating func writeItem(_ item: FeedItem, header: FeedDocument,
                                    summary: (inout FeedJSONWriter) -> Void, content: (inout FeedJSONWriter) -> Void) throws {
        if !headerWritten { writeHeader(header) }
        if items > 0 { byte(UInt8(ascii: ",")) }
        items += 1
        raw("\n{\"id\":"); string(item.id)
        raw(",\"title\":"); string(item.title)
        raw(",\"link\":"); string(item.link)
        raw(",\"published\":"); date(item.published)
        raw(",\"updated\":"); date(item.updated)
        raw(",\"author\":"); string(item.author)
        raw(",\"summary\":"); summary(&self)
        raw(",\"content\":"); content(&self)
        raw(",\"rating\":")
        if let rating = item.rating { raw(JSONText.number(rating)) } else { raw("null") }
        byte(UInt8(ascii: "}"))
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Closes the document (writing its header if no item did) and flushes.
    mutating func finish(_ document: FeedDocument) throws {
        if !headerWritten { writeHeader(document) }
        raw("]}\n")
        try flush()
    }

    /// Writes what is buffered to file descriptor 1 (a plain `write` loop: the C `stdout`
    /// global is shared mutable state to Swift 6).
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        let complete = buffer.withUnsafeBytes { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let written = write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
        guard complete else { throw WriteError() }
    }

    private mutating func writeHeader(_ document: FeedDocument) {
        headerWritten = true
        raw("{\"format\":"); string(document.format.rawValue)
        raw(",\"title\":"); string(document.title)
        raw(",\"link\":"); string(document.link)
        raw(",\"items\":[")
    }

    private mutating func byte(_ value: UInt8) { buffer.append(value) }

    private mutating func raw(_ text: String) { buffer.append(contentsOf: text.utf8) }

    private mutating func date(_ date: Date?) {
        guard let date else { return raw("null") }
        byte(UInt8(ascii: "\""))
        FeedJSONWriter.appendISO(date, to: &buffer)
        byte(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Bytes copied as they are: everything but `"`, `\\`, control characters and 0xE2 (the
    /// lead byte of U+2028 and U+2029, checked one by one).
    private static let plain: [Bool] = (0..<256).map { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }

    /// The high bit of each byte of `word` JSON does not copy as is (a control character, `"`,
    /// `\\` or 0xE2), and maybe of some bytes above one of those; 0 when there is none. The
    /// lowest bit set is always exact (a borrow only marks bytes above a byte that truly matches),
    /// and a byte marked that needs no escape only sends the writer to its byte loop.
    private static func notPlainBytes(_ word: UInt64) -> UInt64 {
        ByteLanes.marks(word, below: 0x20) | ByteLanes.marks(word, equalTo: 0x22) | ByteLanes.marks(word, equalTo: 0x5C)
            | ByteLanes.marks(word, equalTo: 0xE2)
    }

    /// `text` as a JSON string literal (the same escapes as ``JSONText/quote(_:)``), or `null`.
    private mutating func string(_ text: String?) {
        guard var text else { return raw("null") }
        text.withUTF8 { quote($0) }
    }

    /// The text `write` puts into the start of a buffer (returning its length, or nil for none)
    /// as a JSON string literal, or `null`.
    private mutating func plainText(_ write: (inout [UInt8]) -> Int?) {
        var text: [UInt8] = []
        swap(&text, &scratch)
        defer { swap(&text, &scratch) }
        guard let count = write(&text) else { return raw("null") }
        text.withUnsafeBufferPointer { quote(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// The valid UTF-8 `utf8` as a JSON string literal.
    private mutating func quote(_ utf8: UnsafeBufferPointer<UInt8>) {
        byte(UInt8(ascii: "\""))
        FeedJSONWriter.plain.withUnsafeBufferPointer { plain in
            let count = utf8.count
            var start = 0, index = 0
            while true {
                // Eight bytes at a time while none needs escaping, then byte by byte.
                // Offsets stay within `count`, so plain wrapping arithmetic (no overflow checks).
                while index &+ 8 <= count {
                    let stops = FeedJSONWriter.notPlainBytes(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                    if stops != 0 { index &+= stops.trailingZeroBitCount >> 3; break }
                    index &+= 8
                }
                while index < count, plain[Int(utf8[index])] { index &+= 1 }
                guard index < count else { break }
                let value = utf8[index]
                if value == 0xE2 {
                    // U+2028 and U+2029, which JavaScript reads as line ends.
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    buffer.append(contentsOf: utf8[index + 2] == 0xA8 ? "\\u2028".utf8 : "\\u2029".utf8)
                    index += 3
                    start = index
                    continue
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                switch value {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(value)
                case 0x0A: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
                default:
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                               FeedJSONWriter.hex[Int(value >> 4)], FeedJSONWriter.hex[Int(value & 15)]])
                }
                index += 1
                start = index
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<count]))
        }
        byte(UInt8(ascii: "\""))
    }

    /// Appends `date` in UTC as `YYYY-MM-DDTHH:MM:SSZ`, seconds rounded down.
    static func appendISO(_ date: Date, to bytes: inout [UInt8]) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        /// `value` (0...99) as two digits.
        func two(_ value: Int) {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
        }
        if year < 0 || year > 9999 { bytes.append(contentsOf: String(year).utf8) } else { two(year / 100); two(year % 100) }
        bytes.append(UInt8(ascii: "-")); two(month)
        bytes.append(UInt8(ascii: "-")); two(day)
        bytes.append(UInt8(ascii: "T")); two(rest / 3600)
        bytes.append(UInt8(ascii: ":")); two(rest % 3600 / 60)
        bytes.append(UInt8(ascii: ":")); two(rest % 60)
        bytes.append(UInt8(ascii: "Z"))
    }
}
