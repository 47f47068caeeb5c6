import EarshotCore
import Foundation

/// Collects one item's candidate values while a parser reads it, and applies the fallback
/// rules (DESIGN.md's field mapping) when the item ends. A lower rank wins; among equal
/// ranks the first value seen wins.
struct FeedItemBuilder {
    enum Field: Int, CaseIterable { case id, title, link, published, updated, author, summary, content, rating, subject }

    /// A candidate value: a `String`, or (summary and content from a streamed document) valid
    /// UTF-8 bytes that become a `String` only when reduced.
    struct Candidate {
        var rank: Int
        var text: String?
        var bytes = Bytes()
        var plain: Bool

        /// No value yet: ranked after every offer.
        static var absent: Candidate { Candidate(rank: .max, text: nil, plain: false) }

        var value: String { text ?? bytes.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) } }

        /// The value as plain text (``HTMLText/plainText(_:)``, or ``HTMLText/fold(_:)`` when
        /// `plain`); nil when nothing but white space remains.
        var plainText: String? {
            if let text { return plain ? HTMLText.fold(text) : HTMLText.plainText(text) }
            return bytes.withUnsafeBufferPointer { plain ? HTMLText.fold(bytes: $0) : HTMLText.plainText(bytes: $0) }
        }

        /// ``value`` without white space at its edges (an id or a link as the item gives it).
        var trimmed: String { FeedWhitespace.trimmed(value) }

        /// The instant ``FeedDate/parse(_:)`` reads in ``trimmed``; offered bytes are read in place
        /// (no `String` made) unless an edge is white space beyond ASCII.
        var date: Date? {
            if text == nil, let date = bytes.withUnsafeBufferPointer({ bytes -> Date?? in
                guard let range = FeedWhitespace.trimmedRange(bytes) else { return nil }
                return .some(FeedDate.parse(trimmedBytes: UnsafeBufferPointer(rebasing: bytes[range])))
            }) {
                return date
            }
            return FeedDate.parse(trimmed)
        }

        /// ``trimmed`` written into `output` as a JSON string literal; offered bytes are trimmed
        /// in place (no `String` made) unless an edge is white space beyond ASCII.
        func writeTrimmedJSON(into output: TextOutput) {
            if text == nil {
                let written = bytes.withUnsafeBufferPointer { bytes in
                    guard let range = FeedWhitespace.trimmedRange(bytes) else { return false }
                    output.appendJSONString(UnsafeBufferPointer(rebasing: bytes[range]))
                    return true
                }
                if written { return }
            }
            var trimmed = trimmed
            trimmed.withUTF8 { output.appendJSONString($0) }
        }

        /// ``plainText`` written into `output` as a JSON string literal, or `null` when nothing remains.
        func writeJSON(into output: TextOutput) {
            if var text { return text.withUTF8 { HTMLText.writeJSON($0, plain: plain, into: output) } }
            bytes.withUnsafeBufferPointer { HTMLText.writeJSON($0, plain: plain, into: output) }
        }
    }
    /// The best candidate per field, indexed by ``Field/rawValue`` (no hashing per offer);
    /// ``Candidate/absent`` where none was offered. Not optionals: the array is freed with each
    /// item, and the runtime's generic code destroys an optional element several times slower
    /// than a plain one.
    private var values = [Candidate](repeating: .absent, count: Field.allCases.count)

    /// The candidate offered for `field`, or nil.
    private func candidate(_ field: Field) -> Candidate? {
        let candidate = values[field.rawValue]
        return candidate.rank == .max ? nil : candidate
    }
    var rating: Double?
    var warnings: [String] = []

    /// Empties the builder for the next item as a new one would be, keeping its storage: a parser
    /// reuses one builder for all its items rather than allocating the candidates' array and
    /// freeing it (in the runtime's unspecialised code) per item.
    mutating func reset() {
        // Only offered slots hold anything to free (an offer's rank is never `Int.max`). Bytes keep
        // their storage for the next item's offer (one summary or content array per builder, not per item).
        // Field by field in place: a slot offered a `String` has no bytes (the offer made the
        // candidate anew), so it is left as ``Candidate/absent`` is without building one.
        values.withUnsafeMutableBufferPointer { slots in
            for index in slots.indices where slots[index].rank != .max {
                slots[index].rank = .max
                if slots[index].text != nil { slots[index].text = nil }
                if slots[index].bytes.isEmpty { slots[index].plain = false } else { slots[index].bytes.removeAll() }
            }
        }
        rating = nil
        if !warnings.isEmpty { warnings.removeAll() }
    }

    /// Offers `value` for `field` at `rank`; empty values are ignored (an empty string counts as absent).
    /// - Parameter plain: true when the value is already plain text (Atom `type="text"`, JSON Feed
    ///   `content_text`): white space is folded but nothing is read as a tag or an entity.
    mutating func offer(_ field: Field, _ value: String?, rank: Int = 0, plain: Bool = false) {
        guard let value, !FeedWhitespace.isBlank(value) else { return }
        if values[field.rawValue].rank <= rank { return }
        values[field.rawValue] = Candidate(rank: rank, text: value, plain: plain)
    }

    /// ``offer(_:_:rank:plain:)`` for text given as valid UTF-8 bytes, kept as bytes.
    mutating func offer(_ field: Field, bytes: UnsafeBufferPointer<UInt8>, rank: Int = 0, plain: Bool = false) {
        guard !FeedWhitespace.isBlank(bytes) else { return }
        if values[field.rawValue].rank <= rank { return }
        // Into the slot's own array, in place: it keeps its storage from earlier items (see ``reset()``).
        values[field.rawValue].rank = rank
        values[field.rawValue].text = nil
        values[field.rawValue].plain = plain
        values[field.rawValue].bytes.set(bytes)
    }

    func has(_ field: Field) -> Bool { values[field.rawValue].rank != .max }

    /// The value offered for `field` (the best so far), trimmed, or nil.
    func value(_ field: Field) -> String? { candidate(field).map { FeedWhitespace.trimmed($0.value) } }

    /// Builds the item; `place` prefixes date warnings (for example `feeds/x.xml:12`).
    mutating func build(place: String) -> FeedItem { build { place } }

    /// Builds the item; `place` (made only for a warning) prefixes date warnings.
    mutating func build(place: () -> String) -> FeedItem { buildStreamed(place: place).item }

    /// Builds the item with its id, title, link, dates' texts, summary and content left as offered
    /// (trimmed or reduced when asked for);
    /// `place` (made only for a warning) prefixes date warnings.
    mutating func buildStreamed(place: () -> String) -> StreamedFeedItem {
        // Candidates are read in place in ``values``: copied out (``candidate(_:)``), each one's
        // text and bytes were retained and released again.
        func text(_ field: Field) -> String? { values[field.rawValue].rank == .max ? nil : values[field.rawValue].plainText }
        // The dates' texts are made only for a warning (or for ``StreamedFeedItem/item``).
        @inline(__always) func date(_ field: Field) -> Date? {
            let index = field.rawValue
            guard values[index].rank != .max else { return nil }
            let date = values[index].date
            if date == nil { warnings.append("\(place()): unreadable date '\(values[index].trimmed)'; left empty") }
            return date
        }
        let published = date(.published), updated = date(.updated)
        let author = text(.author).map(FeedItemBuilder.authorName)
        return StreamedFeedItem(published: published, updated: updated, author: author, rating: rating, subject: text(.subject), candidates: values)
    }

    /// `email (Name)` gives Name; `Name (email)` and `Name <email>` give Name; anything else as written.
    static func authorName(_ author: String) -> String {
        // On the bytes in place (the UTF-8 view's iterator costs several times more per byte).
        var bytes = author
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "<") } }) else { return author }
        if let ascii = author.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? asciiAuthorName($0, author) : nil }),
           let name = ascii {
            return name
        }
        if let open = author.firstIndex(of: "("), author.hasSuffix(")") {
            let inside = author[author.index(after: open)..<author.index(before: author.endIndex)].trimmingCharacters(in: .whitespaces)
            let before = author[..<open].trimmingCharacters(in: .whitespaces)
            if before.contains("@"), !before.contains(" "), !inside.isEmpty { return inside }
            if FeedItemBuilder.isEmail(inside), !before.isEmpty { return before }
        }
        if let open = author.firstIndex(of: "<"), author.hasSuffix(">"), author[open...].contains("@") {
            let name = author[..<open].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return author
    }

    /// ``authorName(_:)`` on ASCII bytes: the same rules, where `.whitespaces` is the space and the tab.
    private static func asciiAuthorName(_ bytes: UnsafeBufferPointer<UInt8>, _ author: String) -> String {
        func trimmed(_ range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
            return lower..<upper
        }
        func contains(_ byte: UInt8, _ range: Range<Int>) -> Bool { range.contains { bytes[$0] == byte } }
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        let count = bytes.count
        if let open = bytes.firstIndex(of: UInt8(ascii: "(")), bytes[count - 1] == UInt8(ascii: ")") {
            let inside = trimmed(open + 1..<count - 1), before = trimmed(0..<open)
            if contains(UInt8(ascii: "@"), before), !contains(0x20, before), !inside.isEmpty { return string(inside) }
            if !before.isEmpty, FeedItemBuilder.isEmail(string(inside)) { return string(before) }
        }
        if let open = bytes.firstIndex(of: UInt8(ascii: "<")), bytes[count - 1] == UInt8(ascii: ">"), contains(UInt8(ascii: "@"), open..<count) {
            let name = trimmed(0..<open)
            if !name.isEmpty { return string(name) }
        }
        return author
    }

    /// True for one word with an `@` between a local part and a dotted domain (`me@example.com`).
    static func isEmail(_ text: String) -> Bool {
        guard !text.contains(" "), let at = text.firstIndex(of: "@"), at != text.startIndex else { return false }
        let domain = text[text.index(after: at)...]
        return domain.contains(".") && !domain.hasPrefix(".") && !domain.hasSuffix(".")
    }
}
