/// The tokens of one text as the scorer reads them: a record per token (clause, flags and
/// the token's ``WordTable`` entry) and the token's two forms as bytes, with no `String` per
/// token. The lookup forms lie back to back, each followed by a space, so that the tokens
/// `i..<j` joined by spaces (a phrase to look up) are one run of bytes.
///
/// Reused from text to text (``ScoreScratch``): ``removeAll()`` keeps the buffers, so once
/// they have grown tokenising allocates nothing. A class that owns its three buffers; it is
/// used by one thread at a time.
final class TokenList {
    struct Record {
        /// The lookup form: bytes `textStart..<textStart + textCount` of the lookup forms.
        var textStart: Int
        var textCount: Int
        /// The form as written: bytes `rawStart..<rawStart + rawCount` of the written forms,
        /// or, when `rawStart` is -1, the lookup form (an ASCII word written in lower case).
        var rawStart: Int
        var rawCount: Int
        var clause: Int
        /// The lookup form's index in the tokenizer's ``WordTable`` (-1 when no list holds it).
        var word: Int
        var flags: Flags
        /// The word's ``WordTable/tokenRoles(_:text:flags:)``: what the span search may find here.
        var roles: UInt8
        /// The index of the span that covers the token, or -1 (``setSpan(_:_:)``: the span search notes it).
        var span: Int32 = -1
        /// For an ASCII word of the byte scan, where it began in the scanned bytes (shifted left
        /// by one) and whether a clause break was pending there (bit 0); -1 for other tokens.
        /// The clause before it is the previous token's (``wordStart(_:)``).
        var source: Int32 = -1
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A Chinese word (found by segmentation).
        static let han = Flags(rawValue: 1)
        /// The lookup form is all ASCII.
        static let ascii = Flags(rawValue: 2)
        /// ``SentimentScorer/isUpper(_:)`` of the written form.
        static let upper = Flags(rawValue: 4)
        /// A clause break (punctuation or a line break) came right before the token.
        static let afterBreak = Flags(rawValue: 8)
        /// ``ascii`` and ``upper``, made from the raw value: as the literal `[.ascii, .upper]` in
        /// the tokenizer's loop, the compiler built the option set from a stack array at each
        /// ALL-CAPS word once the loop grew (~28 instructions a line on the bench lines).
        static let asciiUpper = Flags(rawValue: 2 | 4)
    }

    // One thread uses a list at a time, and no access overlaps another: the dynamic
    // exclusivity checks of class properties (several per byte appended) are left out.
    @exclusivity(unchecked) private var records: Buffer<Record>
    /// ``WordScan/kind(of:)`` of every byte, then (at 256 + byte) each byte lower-cased when
    /// it is an ASCII letter, for the word scan (``WordScan/init(scanning:from:into:kinds:)``):
    /// the list's own copy, read through a stored pointer (a `static let` table cost a
    /// `swift_once` check per word).
    let wordByteKinds: UnsafeMutablePointer<UInt8>
    /// The lookup forms, each followed by one space.
    @exclusivity(unchecked) private var forms: Buffer<UInt8>
    /// The written forms that differ from their lookup forms, back to back.
    @exclusivity(unchecked) private var written: Buffer<UInt8>
    /// The spans the span search found in these tokens (``appendSpan(_:)``): kept here, not in
    /// an `Array`, which checked its uniqueness at each append and was retained and released
    /// with the table that reads it.
    @exclusivity(unchecked) private var foundSpans: Buffer<TermSpan>
    /// Where each sentence after the first begins: the index of the token after each sentence
    /// end (``noteSentenceEnd()``), ascending. Kept apart from the records, noted only at a
    /// sentence end: a flag per token cost the tokenizer's loop ~50 instructions a line.
    @exclusivity(unchecked) private var sentenceStarts: Buffer<Int>

    init() {
        wordByteKinds = .allocate(capacity: 512)
        for byte in 0..<256 {
            let kind = WordScan.kind(of: UInt8(byte))
            wordByteKinds[byte] = kind
            // Upper case (kind 1) to lower case: set bit 5.
            wordByteKinds[256 + byte] = UInt8(byte) | (kind & 1) << 5
        }
        records = Buffer(capacity: 64)
        forms = Buffer(capacity: 512)
        written = Buffer(capacity: 256)
        foundSpans = Buffer(capacity: 16)
        sentenceStarts = Buffer(capacity: 8)
    }

    deinit {
        wordByteKinds.deallocate()
        records.deallocate()
        forms.deallocate()
        written.deallocate()
        foundSpans.deallocate()
        sentenceStarts.deallocate()
    }

    /// How many tokens have ``Flags/upper``, kept as they are recorded (the scorer's
    /// ALL-CAPS test read every record for it).
    @exclusivity(unchecked) private(set) var upperCount = 0

    var count: Int { records.count }
    var indices: Range<Int> { 0..<records.count }
    var isEmpty: Bool { records.count == 0 }

    subscript(index: Int) -> Record {
        precondition(index >= 0 && index < records.count, "token index out of range")
        return records.base[index]
    }

    /// True when the byte scan read the whole text (from its first byte, to the end): it then
    /// counted the text's "!" and "?", ASCII and fullwidth, as
    /// ``SentimentScorer/punctuationEmphasis(_:)`` counts them (those inside emoticons too), in
    /// ``exclamations`` and ``questions``, so that the text is not read again for them (~20
    /// instructions a line; ~200 when most texts were). False after ``removeAll()``, until such a
    /// scan sets it.
    @exclusivity(unchecked) var marksCounted = false
    @exclusivity(unchecked) var exclamations = 0, questions = 0

    /// True when the byte scan read the whole text and met no "!" or "?": its punctuation emphasis is 0.
    var noMarks: Bool { marksCounted && exclamations == 0 && questions == 0 }

    /// Counts the "!" and "?" of `bytes[range]` (an emoticon the scan emitted whole) into
    /// ``exclamations`` and ``questions``, as ``SentimentScorer/punctuationEmphasis(_:)`` counts them.
    func countMarks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var counts = (exclamations, questions)
        SentimentScorer.countMarks(bytes, range, into: &counts)
        (exclamations, questions) = counts
    }

    /// True when a span of ``spans`` is a contrast word: the contrast pivot is looked for only
    /// then (most texts have none).
    @exclusivity(unchecked) private(set) var hasContrastSpan = false

    /// True when a token after a break has the length of one of ``SentimentScorer/sideRemarkWords``
    /// (``SentimentScorer/mayBeSideRemark(length:)``): a hint that side remarks are looked for only then (a token dropped by
    /// ``truncate(before:)`` may leave it set, which only costs the look).
    @exclusivity(unchecked) var mayOpenSideRemark = false

    /// (Inline: once a text; as a call, which the compiler chose when the list grew a buffer, it
    /// cost ~14 instructions a line.)
    @inline(__always)
    func removeAll() {
        marksCounted = false
        exclamations = 0
        questions = 0
        hasContrastSpan = false
        mayOpenSideRemark = false
        upperCount = 0
        records.count = 0
        forms.count = 0
        written.count = 0
        foundSpans.count = 0
        sentenceStarts.count = 0
    }

    /// Drops token `token` and every token after it.
    func truncate(before token: Int) {
        var writtenCount = written.count
        for index in token..<records.count where records.base[index].rawStart >= 0 {
            writtenCount = records.base[index].rawStart
            break
        }
        forms.count = records.base[token].textStart
        written.count = writtenCount
        for index in token..<records.count where records.base[index].flags.contains(.upper) { upperCount -= 1 }
        records.count = token
        // (A sentence end before token `token` stays: the scan that goes on from there starts after it.)
        while sentenceStarts.count > 0, sentenceStarts.base[sentenceStarts.count &- 1] > token { sentenceStarts.count &-= 1 }
    }

    /// Lines at least this long keep no word starts (``Record/source`` holds 31-bit offsets).
    static let maxNotedOffset = 1 << 30

    /// Where the byte scan met token `index`'s word (an ASCII word; nil for other tokens) in a
    /// line shorter than ``maxNotedOffset``: its first byte's offset, and the clause state
    /// before the word (a scan from the line's start begins in clause 0 with no break pending).
    func wordStart(_ index: Int) -> (offset: Int, clause: Int, pendingBreak: Bool)? {
        let source = self[index].source
        guard source >= 0 else { return nil }
        return (Int(source >> 1), index == 0 ? 0 : self[index - 1].clause, source & 1 != 0)
    }

    // MARK: Adding tokens

    /// Where the next lookup form starts: append it with ``appendText(_:)``, then record the
    /// token with ``finish(textStart:raw:clause:flags:word:roles:)``.
    var pendingTextStart: Int { forms.count }

    /// (Inline: a Chinese word or an emoticon appends its form here; as a call, ~10 instructions each.)
    @inline(__always)
    func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        forms.append(bytes)
    }

    /// What one pass over an ASCII word finds (``init(scanning:from:into:kinds:)``).
    struct WordScan {
        /// ``ByteKeyTable/hash(_:)`` of the lower-cased word.
        var hash: UInt32
        /// The ``kind(of:)`` bits of the word's bytes, or-ed: the questions below read them
        /// (one byte kept, not four flags that the scan loop's caller spilled to the stack).
        var kinds: UInt8
        var hasUpper: Bool { kinds & 1 != 0 }
        var hasLower: Bool { kinds & 2 != 0 }
        /// Every byte is an ASCII letter.
        var lettersOnly: Bool { kinds & 0xC == 0 }
        /// Every byte is an ASCII letter or an apostrophe.
        var lettersAndApostrophes: Bool { kinds & 8 == 0 }
        /// Where the word starts and ends (its trailing apostrophes and hyphens left out), and
        /// where the run of word bytes ends (with them), as indices into the scanned bytes.
        var start = 0, end = 0, runEnd = 0
    }

    /// Room for `count` more lookup-form bytes, and where the pending lookup form goes: a word
    /// scan (``WordScan/init(scanning:from:into:kinds:)``) writes it there, not yet counted. Until
    /// ``appendScannedWord(_:)`` counts it the list is as before (another token may be appended
    /// instead, over it).
    /// (With room for the space after the form too: a finish with `reserved: true` appends it unchecked.)
    func pendingFormTarget(reserving count: Int) -> UnsafeMutablePointer<UInt8> {
        forms.reserve(additional: count &+ 1)
        return forms.base + forms.count
    }

    /// Appends the lookup form that the scan `scan` wrote at ``pendingFormTarget(reserving:)``
    /// (nothing was appended since) as the pending one.
    func appendScannedWord(_ scan: WordScan) {
        forms.count &+= scan.end &- scan.start
    }

    /// Replaces the lookup form appended since `start` with `bytes`.
    func replaceText(from start: Int, with bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { replaceText(from: start, with: $0) }
    }

    /// ``replaceText(from:with:)`` from bytes in place (no array made).
    func replaceText(from start: Int, with bytes: UnsafeBufferPointer<UInt8>) {
        forms.count = start
        // (With room for the space after it: a reserved finish may follow.)
        forms.reserve(additional: bytes.count + 1)
        forms.append(bytes)
    }

    /// The lookup form appended since `start` (``pendingTextStart``), in place.
    /// (Inline: called for every token; as a call, which the compiler chose when the scan loop
    /// grew, it cost ~11 instructions a line.)
    @inline(__always)
    func pendingText(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: forms.base + start, count: forms.count &- start)
    }

    /// Records the token whose lookup form was appended since `textStart`, written as
    /// `rawBytes` (nil: as its lookup form), with its word's `roles`
    /// (``WordTable/tokenRoles(_:text:flags:)``; the span search skips a token without them).
    /// (Inline: once per token; as a call, which the compiler chose when the scan loop grew, it
    /// cost ~65 instructions a token more.)
    /// - Parameter reserved: true when ``pendingFormTarget(reserving:)`` made room for the space
    ///   after the form (and only ``replaceText(from:with:)`` changed the forms since).
    @inline(__always)
    func finish(textStart: Int, raw rawBytes: UnsafeBufferPointer<UInt8>?, clause: Int, flags: Flags, word: Int, roles: UInt8, source: Int32 = -1,
                reserved: Bool = false) {
        var rawStart = -1, rawCount = 0
        if let rawBytes {
            rawStart = written.count
            rawCount = rawBytes.count
            written.append(rawBytes)
        }
        records.append(Record(textStart: textStart, textCount: forms.count &- textStart, rawStart: rawStart, rawCount: rawCount,
                              clause: clause, word: word, flags: flags, roles: roles, source: source))
        if flags.contains(.upper) { upperCount += 1 }
        if reserved { forms.appendReserved(UInt8(ascii: " ")) } else { forms.append(UInt8(ascii: " ")) }
    }

    /// Notes that span `span` (an index into the spans found, or -1 for none) covers token `index`.
    func setSpan(_ index: Int, _ span: Int) {
        precondition(index >= 0 && index < records.count, "token index out of range")
        records.base[index].span = Int32(truncatingIfNeeded: span)
    }

    /// The spans found in these tokens, in place (valid until the list changes).
    var spans: Spans { Spans(base: foundSpans.base, count: foundSpans.count) }

    /// How many spans were found (``appendSpan(_:)``).
    var spanCount: Int { foundSpans.count }

    func appendSpan(_ span: TermSpan) {
        if case .contrast = span.kind { hasContrastSpan = true }
        foundSpans.append(span)
    }

    /// Forgets the spans found (their notes in the records stay: ``setSpan(_:_:)``).
    func removeSpans() {
        foundSpans.count = 0
        hasContrastSpan = false
    }

    /// The spans found, read in place: a list's ``spans``.
    struct Spans: RandomAccessCollection {
        fileprivate let base: UnsafeMutablePointer<TermSpan>
        let count: Int
        var startIndex: Int { 0 }
        var endIndex: Int { count }

        subscript(index: Int) -> TermSpan {
            precondition(index >= 0 && index < count, "span index out of range")
            return base[index]
        }
    }

    /// The index of the span covering token `index` as ``setSpan(_:_:)`` last noted it, or -1.
    func spanIndex(_ index: Int) -> Int {
        Int(self[index].span)
    }

    // MARK: Reading tokens

    /// The first token at or after `index` (0...count) whose ``Record/roles`` share a bit with
    /// `mask`, or ``count``: the span search skips most tokens, and this reads only their roles
    /// byte (a checked copy of each whole record cost more).
    func nextToken(from index: Int, withRoles mask: UInt8) -> Int {
        precondition(index >= 0, "token index out of range")
        var index = index
        let count = records.count, base = records.base
        while index < count, base[index].roles & mask == 0 { index += 1 }
        return index
    }

    func clause(_ index: Int) -> Int { self[index].clause }
    func isHan(_ index: Int) -> Bool { self[index].flags.contains(.han) }
    func isASCII(_ index: Int) -> Bool { self[index].flags.contains(.ascii) }
    func isUpper(_ index: Int) -> Bool { self[index].flags.contains(.upper) }
    /// Whether a clause break (punctuation or a line break) came right before token `index`.
    func followsBreak(_ index: Int) -> Bool { self[index].flags.contains(.afterBreak) }

    /// Notes that a sentence ends before the next token (the tokenizer calls it at ". ! ? ;",
    /// "。！？；" and line breaks): ``sentence(containing:)`` reads these.
    /// (Not inline: sentence ends are few, and inline it grew the tokenizer's loop, which then
    /// cost ~14 instructions a line more than the call.)
    @inline(never)
    func noteSentenceEnd() {
        let next = records.count
        guard next > 0, sentenceStarts.count == 0 || sentenceStarts.base[sentenceStarts.count &- 1] != next else { return }
        sentenceStarts.append(next)
    }

    /// The tokens of the sentence that token `index` is in: from the first token after a
    /// sentence end (or the first token) to the next such token (or the end).
    func sentence(containing index: Int) -> Range<Int> {
        precondition(index >= 0 && index < records.count, "token index out of range")
        // The first noted start after `index`, by binary search (the starts ascend; a text of many
        // sentences asks once per sentence). A sentence end after the last token notes `count`,
        // which ends the range as well.
        var low = 0, high = sentenceStarts.count
        while low < high {
            let middle = (low + high) / 2
            if sentenceStarts.base[middle] > index { high = middle } else { low = middle + 1 }
        }
        let start = low == 0 ? 0 : sentenceStarts.base[low - 1]
        return start..<(low < sentenceStarts.count ? sentenceStarts.base[low] : records.count)
    }

    func word(_ index: Int) -> Int { self[index].word }

    /// The lookup form of token `index`, in place (valid until the list changes).
    func textBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let record = self[index]
        return UnsafeBufferPointer(start: forms.base + record.textStart, count: record.textCount)
    }

    /// The lookup forms of tokens `range` joined by spaces, in place (valid until the list changes).
    func phraseBytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        let first = self[range.lowerBound], last = self[range.upperBound - 1]
        return UnsafeBufferPointer(start: forms.base + first.textStart, count: last.textStart + last.textCount - first.textStart)
    }

    /// The lookup form of token `index`.
    func text(_ index: Int) -> String {
        String(decoding: textBytes(index), as: UTF8.self)
    }

    /// The lookup forms of tokens `range` joined by spaces.
    func phrase(_ range: Range<Int>) -> String {
        String(decoding: phraseBytes(range), as: UTF8.self)
    }

    /// The form of token `index` as written.
    func rawText(_ index: Int) -> String {
        let record = self[index]
        guard record.rawStart >= 0 else { return text(index) }
        return String(decoding: UnsafeBufferPointer(start: written.base + record.rawStart, count: record.rawCount), as: UTF8.self)
    }

    /// True when the lookup form of token `index` is `word` (ASCII), compared on bytes.
    /// (Inline: the rules ask it of fixed words, whose length and bytes are then constants; as a
    /// call, ~19 instructions each.)
    @inline(__always)
    func isText(_ index: Int, _ word: StaticString) -> Bool {
        let bytes = textBytes(index)
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { bytes.starts(at: 0, with: $0) }
    }

    /// The last byte of the lookup form of token `index`, or nil when it is empty.
    func lastByte(_ index: Int) -> UInt8? {
        textBytes(index).last
    }

    /// The tokens as ``Token`` values.
    func tokens() -> [Token] {
        indices.map { index in
            Token(text: text(index), raw: rawText(index), clause: clause(index), isHan: isHan(index), isASCII: isASCII(index), isUpper: isUpper(index))
        }
    }

    /// A growable buffer of trivial values that the list owns and frees.
    /// (Counts add with `&+`: they are bounded by allocated memory, far below `Int.max`, and
    /// each checked add cost an overflow branch, a dozen a word on the scan's path.)
    private struct Buffer<Element> {
        private(set) var base: UnsafeMutablePointer<Element>
        var count = 0
        private var capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        func deallocate() {
            base.deallocate()
        }

        mutating func append(_ element: Element) {
            if count == capacity { grow(to: count + 1) }
            (base + count).initialize(to: element)
            count &+= 1
        }

        /// Appends `element` where ``reserve(additional:)`` made room for it.
        @inline(__always)
        mutating func appendReserved(_ element: Element) {
            assert(count < capacity, "no room reserved")
            (base + count).initialize(to: element)
            count &+= 1
        }

        /// Makes room for `additional` more elements (written through ``base``, then counted).
        mutating func reserve(additional: Int) {
            if count &+ additional > capacity { grow(to: count + additional) }
        }

        mutating func append(_ elements: UnsafeBufferPointer<Element>) {
            if count &+ elements.count > capacity { grow(to: count + elements.count) }
            if let source = elements.baseAddress { (base + count).initialize(from: source, count: elements.count) }
            count &+= elements.count
        }

        private mutating func grow(to needed: Int) {
            var newCapacity = capacity * 2
            while newCapacity < needed { newCapacity *= 2 }
            let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
            newBase.moveInitialize(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }
    }
}

extension TokenList.WordScan {
    /// Reads the ASCII word that starts at `bytes[start]` (an ASCII letter or digit): letters
    /// and digits, with apostrophes and hyphens inside it, and writes it lower-cased at `target`
    /// (room for `bytes.count - start` bytes: ``TokenList/pendingFormTarget(reserving:)``), reading
    /// each byte's kind from `kinds` (``TokenList/wordByteKinds``), in
    /// one pass that also finds its end, hashes it and notes its cases. Apostrophes
    /// and hyphens at its end are no part of the word.
    /// (Transparent, so that the tokenizer's scan loop holds it inline: as a call, a method of
    /// the list, it cost ~30 instructions more per word.)
    @_transparent
    init(scanning bytes: UnsafeBufferPointer<UInt8>, from start: Int, into target: UnsafeMutablePointer<UInt8>, kinds: UnsafePointer<UInt8>) {
        var scan = Self.lowercaseWord(bytes, from: start, to: bytes.count, into: target, kinds: kinds)
        let runEnd = scan.end
        var end = runEnd
        // (A word of letters only, most words, has no apostrophe or hyphen to trim.)
        if !scan.lettersOnly {
            while bytes[end - 1] == UInt8(ascii: "'") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
        }
        if end < runEnd {
            // Rare: the run ended in apostrophes or hyphens; the word is read again without them.
            scan = Self.lowercaseWord(bytes, from: start, to: end, into: target, kinds: kinds)
        }
        scan.runEnd = runEnd
        scan.start = start
        self = scan
    }

    /// The loop behind ``init(scanning:from:into:kinds:)``: lower-cases word bytes from `start` into
    /// `target` until a byte that is no ASCII letter, digit, apostrophe or hyphen, or `limit`.
    @inline(__always)
    fileprivate static func lowercaseWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to limit: Int,
                                          into target: UnsafeMutablePointer<UInt8>, kinds table: UnsafePointer<UInt8>) -> Self {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var kinds: UInt8 = 0
        // One offset indexes both the word's bytes and `target` (one induction variable, not two).
        let source = bytes.baseAddress.unsafelyUnwrapped + start, length = limit &- start
        var offset = 0
        // (Runs of three letters are looked for later, only for the words that may be stretched:
        // here they cost ~6 instructions a byte.)
        while offset < length {
            let byte = source[offset]
            let kind = table[Int(byte)]
            if kind == 0 { break }
            kinds |= kind
            let lower = table[256 &+ Int(byte)]
            target[offset] = lower
            hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
            offset &+= 1
        }
        let position = start &+ offset
        return Self(hash: UInt32(truncatingIfNeeded: hash ^ (hash >> 32)), kinds: kinds, start: start, end: position,
                    runEnd: position)
    }

    /// A byte's kind as one bit: upper-case letter 1, lower-case letter 2, apostrophe 4,
    /// digit or hyphen 8; 0 for a byte that ends a word.
    static func kind(of byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"): 2
        case UInt8(ascii: "'"): 4
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): 8
        default: 0
        }
    }

}
