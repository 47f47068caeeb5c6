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

    private let buffer = TextOutput(capacity: 1 << 17)
    private var items = 0
    private var headerWritten = false
    /// The day of the last date written: a feed's dates fall on few days, so most dates copy it.
    private var lastDay = ISODay()

    init() {}

    /// Writes one item, after the document's header when it is the first.
    mutating func item(_ item: FeedItem, header: FeedDocument) throws {
        try writeItem(published: item.published, updated: item.updated, author: item.author, rating: item.rating, header: header,
                      id: { $0.string(item.id) }, title: { $0.string(item.title) }, link: { $0.string(item.link) },
                      summary: { $0.string(item.summary) }, content: { $0.string(item.content) })
    }

    /// Writes one streamed item as ``item(_:header:)`` writes the same item built whole: its
    /// id, title, link, summary and content go from the feed's text to this JSON as bytes
    /// (trimmed, or reduced, and escaped in one pass), with no `String` made.
    mutating func item(_ item: StreamedFeedItem, header: FeedDocument) throws {
        try writeItem(published: item.published, updated: item.updated, author: item.author, rating: item.rating, header: header,
                      id: { item.writeIDJSON(into: $0.buffer) }, title: { item.writeTitleJSON(into: $0.buffer) },
                      link: { item.writeLinkJSON(into: $0.buffer) }, summary: { item.writeSummaryJSON(into: $0.buffer) }, content: { item.writeContentJSON(into: $0.buffer) })
    }

    /// The fields an item's line holds besides those the closures write (a streamed item keeps
    /// them apart, with no `FeedItem` made).
    private mutating func writeItem(published: Date?, updated: Date?, author: String?, rating: Double?, header: FeedDocument,
                                    id: (inout FeedJSONWriter) -> Void,
                                    title: (inout FeedJSONWriter) -> Void, link: (inout FeedJSONWriter) -> Void,
                                    summary: (inout FeedJSONWriter) -> Void, content: (inout FeedJSONWriter) -> Void) throws {
        if !headerWritten { writeHeader(header) }
        if items > 0 { byte(UInt8(ascii: ",")) }
        items += 1
        raw("\n{\"id\":"); id(&self)
        raw(",\"title\":"); title(&self)
        raw(",\"link\":"); link(&self)
        raw(",\"published\":"); date(published)
        raw(",\"updated\":"); date(updated)
        raw(",\"author\":"); string(author)
        raw(",\"summary\":"); summary(&self)
        raw(",\"content\":"); content(&self)
        raw(",\"rating\":")
        if let rating { buffer.append(JSONText.number(rating)) } else { raw("null") }
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
        guard buffer.count > 0 else { return }
        let bytes = buffer.bytes
        var offset = 0, complete = true
        while offset < bytes.count {
            let written = write(1, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { complete = false; break }
            offset += written
        }
        buffer.removeAll()
        guard complete else { throw WriteError() }
    }

    private mutating func writeHeader(_ document: FeedDocument) {
        headerWritten = true
        raw("{\"format\":"); string(document.format.rawValue)
        raw(",\"title\":"); string(document.title)
        raw(",\"link\":"); string(document.link)
        raw(",\"items\":[")
    }

    private func byte(_ value: UInt8) { buffer.append(value) }

    /// (Inline: each field's name is a constant copied in place, not a call and a `memcpy`.)
    @inline(__always)
    private func raw(_ text: StaticString) {
        buffer.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func date(_ date: Date?) {
        guard let date else { return raw("null") }
        byte(UInt8(ascii: "\""))
        FeedJSONWriter.appendISO(date, to: buffer, day: &lastDay)
        byte(UInt8(ascii: "\""))
    }

    /// `text` as a JSON string literal (the same escapes as ``JSONText/quote(_:)``), or `null`.
    private func string(_ text: String?) {
        guard var text else { return raw("null") }
        text.withUTF8 { buffer.appendJSONString($0) }
    }

    /// Appends `date` in UTC as `YYYY-MM-DDTHH:MM:SSZ`, seconds rounded down.
    static func appendISO(_ date: Date, to bytes: TextOutput) {
        var day = ISODay()
        appendISO(date, to: bytes, day: &day)
    }

    /// A calendar day as ``appendISO(_:to:day:)`` last wrote it: its number and its `YYYY-MM-DD`.
    struct ISODay {
        /// Days since 1970-01-01, or `Int.min` before the first day (or after one whose year
        /// has no four digits, which is never kept).
        var number = Int.min
        /// The ten bytes of `YYYY-MM-DD`.
        var text: (UInt64, UInt16) = (0, 0)
    }

    /// ``appendISO(_:to:)``, copying the `YYYY-MM-DD` of `day` when `date` falls on it, and
    /// leaving its own day there for the next date.
    static func appendISO(_ date: Date, to bytes: TextOutput, day cached: inout ISODay) {
        // Rounded down without a call to `floor`: truncated, then one less below zero.
        let interval = date.timeIntervalSince1970
        var seconds = Int(interval)
        if Double(seconds) > interval { seconds -= 1 }
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 { rest += 86_400; days -= 1 }
        if days != cached.number {
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
            guard year >= 0, year <= 9999 else {
                // Its decimal form, then `-MM-DDTHH:MM:SSZ`; not kept (no ten bytes).
                cached.number = Int.min
                bytes.append(String(year))
                bytes.reserve(16)
                ISODigits.putMonthDay(month, day, at: bytes.base + bytes.count)
                bytes.count += 6
                return appendTime(rest, to: bytes)
            }
            withUnsafeMutableBytes(of: &cached.text) { text in
                let field = text.baseAddress!.assumingMemoryBound(to: UInt8.self)
                ISODigits.put(year / 100, at: field)
                ISODigits.put(year % 100, at: field + 2)
                ISODigits.putMonthDay(month, day, at: field + 4)
            }
            cached.number = days
        }
        // Written straight into the storage: the day's ten bytes, then `THH:MM:SSZ`.
        bytes.reserve(20)
        let field = UnsafeMutableRawPointer(bytes.base + bytes.count)
        field.storeBytes(of: cached.text.0, as: UInt64.self)
        field.storeBytes(of: cached.text.1, toByteOffset: 8, as: UInt16.self)
        bytes.count += 10
        appendTime(rest, to: bytes)
    }

    /// `THH:MM:SSZ` of `rest` seconds into a day (room for ten bytes reserved).
    @inline(__always)
    private static func appendTime(_ rest: Int, to bytes: TextOutput) {
        let field = bytes.base + bytes.count
        field[0] = UInt8(ascii: "T"); ISODigits.put(rest / 3600, at: field + 1)
        field[3] = UInt8(ascii: ":"); ISODigits.put(rest % 3600 / 60, at: field + 4)
        field[6] = UInt8(ascii: ":"); ISODigits.put(rest % 60, at: field + 7)
        field[9] = UInt8(ascii: "Z")
        bytes.count += 10
    }

    private enum ISODigits {
        /// `value` (0...99) as two digits at `target`.
        @inline(__always)
        static func put(_ value: Int, at target: UnsafeMutablePointer<UInt8>) {
            target[0] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10)
            target[1] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10)
        }

        /// `-MM-DD` (six bytes) at `target`.
        @inline(__always)
        static func putMonthDay(_ month: Int, _ day: Int, at target: UnsafeMutablePointer<UInt8>) {
            target[0] = UInt8(ascii: "-"); put(month, at: target + 1)
            target[3] = UInt8(ascii: "-"); put(day, at: target + 4)
        }
    }
}
