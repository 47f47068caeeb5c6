/// The tokens of one text as the scorer reads them: a record per token (clause, flags and
/// the token's ``WordTable`` entry) and the token's two forms as bytes, with no `String` per
/// token. The lookup forms lie back to back in ``forms``, each followed by a space, so that
/// the tokens `i..<j` joined by spaces (a phrase to look up) are one slice of ``forms``.
///
/// Reused from text to text (``SentimentScorer/Scratch``): ``removeAll()`` keeps the
/// buffers, so once they have grown tokenising allocates nothing.
struct TokenList {
    struct Record {
        /// The lookup form: `forms[textStart..<textStart + textCount]`.
        var textStart: Int32
        var textCount: Int32
        /// The form as written: `written[rawStart..<rawStart + rawCount]`.
        var rawStart: Int32
        var rawCount: Int32
        var clause: Int32
        var flags: Flags
        /// The lookup form's index in the tokenizer's ``WordTable`` (-1 when no list holds it).
        var word: Int32
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A Chinese word (found by segmentation).
        static let han = Flags(rawValue: 1)
        /// The lookup form is all ASCII.
        static let ascii = Flags(rawValue: 2)
        /// ``SentimentScorer/isUpper(_:)`` of the written form.
        static let upper = Flags(rawValue: 4)
    }

    private(set) var records: [Record] = []
    /// The lookup forms, each followed by one space.
    private(set) var forms: [UInt8] = []
    /// The written forms, back to back.
    private(set) var written: [UInt8] = []

    init() {}

    var count: Int { records.count }
    var indices: Range<Int> { records.indices }
    var isEmpty: Bool { records.isEmpty }

    subscript(index: Int) -> Record { records[index] }

    mutating func removeAll() {
        records.removeAll(keepingCapacity: true)
        forms.removeAll(keepingCapacity: true)
        written.removeAll(keepingCapacity: true)
    }

    mutating func reserve(bytes: Int) {
        if forms.capacity < bytes * 2 + 16 { forms.reserveCapacity(bytes * 2 + 16) }
        if written.capacity < bytes + 16 { written.reserveCapacity(bytes + 16) }
        if records.capacity < bytes / 4 + 2 { records.reserveCapacity(bytes / 4 + 2) }
    }

    // MARK: Adding tokens

    /// Starts a token: its lookup form is appended by ``appendText(_:)`` calls, then
    /// ``finish(raw:clause:flags:word:)`` records it.
    var pendingTextStart: Int { forms.count }

    mutating func appendText(_ byte: UInt8) {
        forms.append(byte)
    }

    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        forms.append(contentsOf: bytes)
    }

    /// The lookup form appended since `start` (``pendingTextStart``), in place.
    func withPendingText<R>(from start: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        forms.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Records the token whose lookup form was appended since `textStart`, written as `rawBytes`.
    mutating func finish(textStart: Int, raw rawBytes: UnsafeBufferPointer<UInt8>, clause: Int, flags: Flags, word: Int) {
        let rawStart = written.count
        written.append(contentsOf: rawBytes)
        records.append(Record(textStart: Int32(truncatingIfNeeded: textStart), textCount: Int32(truncatingIfNeeded: forms.count - textStart),
                              rawStart: Int32(truncatingIfNeeded: rawStart), rawCount: Int32(truncatingIfNeeded: rawBytes.count),
                              clause: Int32(truncatingIfNeeded: clause), flags: flags, word: Int32(truncatingIfNeeded: word)))
        forms.append(UInt8(ascii: " "))
    }

    /// Appends ASCII `bytes` lower-cased, as the pending lookup form.
    mutating func appendLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, hasUpper: Bool) {
        let start = forms.count
        forms.append(contentsOf: bytes)
        guard hasUpper else { return }
        forms.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where buffer[index] >= UInt8(ascii: "A") && buffer[index] <= UInt8(ascii: "Z") {
                buffer[index] |= 0x20
            }
        }
    }

    /// Replaces the lookup form appended since `start` with `bytes`.
    mutating func replaceText(from start: Int, with bytes: [UInt8]) {
        forms.removeSubrange(start...)
        forms.append(contentsOf: bytes)
    }

    // MARK: Reading tokens

    func clause(_ index: Int) -> Int { Int(records[index].clause) }
    func isHan(_ index: Int) -> Bool { records[index].flags.contains(.han) }
    func isASCII(_ index: Int) -> Bool { records[index].flags.contains(.ascii) }
    func isUpper(_ index: Int) -> Bool { records[index].flags.contains(.upper) }
    func word(_ index: Int) -> Int { Int(records[index].word) }

    /// The lookup form of token `index`, in place.
    func withText<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let record = records[index]
        return withText(Int(record.textStart)..<Int(record.textStart + record.textCount), body)
    }

    /// The lookup forms of tokens `range` joined by spaces, in place.
    func withPhrase<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let first = records[range.lowerBound], last = records[range.upperBound - 1]
        return withText(Int(first.textStart)..<Int(last.textStart + last.textCount), body)
    }

    private func withText<R>(_ bytes: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        forms.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[bytes])) }
    }

    /// The lookup form of token `index`.
    func text(_ index: Int) -> String {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The lookup forms of tokens `range` joined by spaces.
    func phrase(_ range: Range<Int>) -> String {
        withPhrase(range) { String(decoding: $0, as: UTF8.self) }
    }

    /// The form of token `index` as written.
    func rawText(_ index: Int) -> String {
        let record = records[index]
        return written.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(record.rawStart)..<Int(record.rawStart + record.rawCount)]), as: UTF8.self)
        }
    }

    /// True when the lookup form of token `index` is `word` (ASCII), compared on bytes.
    func isText(_ index: Int, _ word: StaticString) -> Bool {
        let record = records[index]
        guard Int(record.textCount) == word.utf8CodeUnitCount else { return false }
        return withText(index) { bytes in
            word.withUTF8Buffer { bytes.elementsEqual($0) }
        }
    }

    /// The last byte of the lookup form of token `index`, or nil when it is empty.
    func lastByte(_ index: Int) -> UInt8? {
        let record = records[index]
        guard record.textCount > 0 else { return nil }
        return forms[Int(record.textStart + record.textCount) - 1]
    }

    /// The tokens as ``Token`` values.
    func tokens() -> [Token] {
        indices.map { index in
            Token(text: text(index), raw: rawText(index), clause: clause(index), isHan: isHan(index), isASCII: isASCII(index), isUpper: isUpper(index))
        }
    }
}
