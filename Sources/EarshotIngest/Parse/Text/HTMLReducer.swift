import CLibXML2
import EarshotCore
import Foundation

/// The byte-level engine behind ``HTMLText``: the same four stages as ``HTMLTextReference``
/// (strip tags, decode entities, unescape double-escaped HTML once, fold white space), run over
/// UTF-8 bytes with precomputed tables, producing one `String` at the end.
///
/// Tags are read scalar by scalar in the reference too, so stripping them is exact on bytes.
/// The later stages compare `Character`s there; on bytes they give the same answer whenever every
/// grapheme cluster is one scalar (or `\r\n`), which ``isSimple(_:)`` checks before each of them.
/// When it is not (a space or `&` followed by a combining mark), the reducer answers `.unsure`
/// and ``HTMLText`` asks the reference.
enum HTMLReducer {
    enum Outcome {
        /// The plain text; nil when nothing but white space remains.
        case text(String?)
        /// The answer depends on grapheme clusters: ask ``HTMLTextReference``.
        case unsure
    }

    /// What a tag name means to the reducer.
    enum Kind: UInt8 {
        case other, block, cell, dropped, inline

        /// Named by the double-escape rule (`</p>`, `</b>`): block, cell and inline elements.
        var isKnownElement: Bool { self == .block || self == .cell || self == .inline }
    }

    /// Plain text of `html`, made as a `String`.
    static func plainText(_ html: UnsafeBufferPointer<UInt8>) -> Outcome {
        makeString(capacity: html.count) { reduce(html, plain: false, into: &$0) }
    }

    /// ``plainText(_:)`` (``fold(_:)`` when `plain`) written into `output` as a JSON string
    /// literal, or `null` when nothing but white space remains: one pass over `html` that strips,
    /// decodes, folds and escapes at once, with no intermediate copy. False, with nothing written,
    /// when the answer depends on grapheme clusters (ask ``HTMLTextReference``).
    static func writeJSON(_ html: UnsafeBufferPointer<UInt8>, plain: Bool, into output: TextOutput) -> Bool {
        let start = output.count
        output.append(dquote)
        var cursor = Cursor(base: output.base, count: output.count, capacity: output.capacity, owner: output)
        guard reduce(html, plain: plain, json: true, into: &cursor) else {
            output.count = start
            return false
        }
        output.count = cursor.count
        if output.count == start &+ 1 {
            output.count = start
            output.append("null")
        } else {
            output.append(dquote)
        }
        return true
    }

    /// ``plainText(_:)`` (``fold(_:)`` when `plain`) into `cursor`: the single pass, or when it
    /// cannot answer alone (a scalar that may join a neighbour, a reference broken by a tag, text
    /// that may be escaped twice) the stages one by one, whose last is the same pass as a fold.
    /// False when the answer depends on grapheme clusters.
    @inline(__always)
    private static func reduce(_ html: UnsafeBufferPointer<UInt8>, plain: Bool, json: Bool = false, into cursor: inout Cursor) -> Bool {
        let start = cursor.count
        if pass(html, html: !plain, json: json, into: &cursor) { return true }
        if plain { return false }
        cursor.count = start
        return reduce(html, unescapingTwice: true) { pass($0, html: false, json: json, into: &cursor) } ?? false
    }

    /// A `String` of what `body` writes into a cursor of `capacity` bytes (plus the eight the
    /// pass may store past its last byte); `.unsure` when `body` answers false.
    private static func makeString(capacity: Int, _ body: (inout Cursor) -> Bool) -> Outcome {
        var sure = true
        let text = String(unsafeUninitializedCapacity: capacity &+ 8) { buffer in
            var cursor = Cursor(base: buffer.baseAddress!, count: 0, capacity: buffer.count, owner: nil)
            sure = body(&cursor)
            return sure ? cursor.count : 0
        }
        return sure ? .text(text.isEmpty ? nil : text) : .unsure
    }

    /// Strips tags, decodes references and unescapes double-escaped HTML once as needed, then
    /// hands the result, known to be simple (``isSimple(_:)``), to `finish` (a fold); nil when it is not simple.
    private static func reduce<T>(_ html: UnsafeBufferPointer<UInt8>, unescapingTwice: Bool,
                                  _ finish: (UnsafeBufferPointer<UInt8>) -> T) -> T? {
        let survey = survey(html)
        if !survey.hasTagStart, !survey.hasAmpersand { return survey.isSimple || isSimple(html) ? finish(html) : nil }
        // Stripping tags keeps whole scalars of `html` and adds line breaks and spaces, so simple
        // text stays simple; decoding keeps those and adds the references' scalars, checked as
        // they are written. Without a `<` nothing is stripped; without a `&` nothing is decoded.
        return withPass(html, when: survey.hasTagStart, { stripTags($0, sawTag: &$1) }) { stripped, sawTag -> T? in
            guard survey.isSimple || isSimple(stripped) else { return nil }
            return withPass(stripped, when: survey.hasAmpersand, { decodeEntities($0, addedComplex: &$1) }) { decoded, addedComplex -> T? in
                guard survey.isSimple && !addedComplex || isSimple(decoded) else { return nil }
                if unescapingTwice, !sawTag, looksLikeEscapedHTML(decoded) { return reduce(decoded, unescapingTwice: false, finish) }
                return finish(decoded)
            }
        }
    }

    /// `body` gets `input` after `pass` (or `input` itself when the pass is not `needed`) and the
    /// flag the pass set (false when it did not run): stripping tags (whether a tag was seen) and
    /// decoding references (whether a decoded scalar failed ``isSimple(_:)``'s quick test).
    private static func withPass<T>(_ input: UnsafeBufferPointer<UInt8>, when needed: Bool,
                                    _ pass: (UnsafeBufferPointer<UInt8>, inout Bool) -> [UInt8],
                                    _ body: (UnsafeBufferPointer<UInt8>, Bool) -> T?) -> T? {
        guard needed else { return body(input, false) }
        var flag = false
        let output = pass(input, &flag)
        return output.withUnsafeBufferPointer { body($0, flag) }
    }

    /// One pass over `html`: whether it holds a `<` and a `&`, and whether every scalar passes
    /// ``isSimple(_:)``'s quick test (when false, ``isSimple(_:)`` decides the slow way).
    static func survey(_ html: UnsafeBufferPointer<UInt8>) -> (hasTagStart: Bool, hasAmpersand: Bool, isSimple: Bool) {
        let count = html.count
        guard let base = html.baseAddress else { return (false, false, true) }
        var hasTagStart = false, hasAmpersand = false, simple = true
        var index = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & high == 0 {
                    // `<` and `&` in any of the eight bytes, only until both were seen.
                    if !(hasTagStart && hasAmpersand) {
                        if ByteLanes.marks(word, equalTo: lt) != 0 { hasTagStart = true }
                        if ByteLanes.marks(word, equalTo: amp) != 0 { hasAmpersand = true }
                    }
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            if byte < 0x80 {
                if byte == lt { hasTagStart = true } else if byte == amp { hasAmpersand = true }
                index += 1
                continue
            }
            if byte < 0xCC { index += 2; continue }
            if byte >= 0xE4, byte <= 0xE9 { index += 3; continue }
            if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80, (0x90...0xA9).contains(base[index + 2]) { index += 3; continue }
            simple = false
            index += byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
        }
        return (hasTagStart, hasAmpersand, simple)
    }

    /// Whether one scalar passes ``isSimple(_:)``'s quick test (by its UTF-8 lead bytes).
    private static func isQuicklySimple(_ value: Unicode.Scalar) -> Bool {
        let v = value.value
        return v < 0x300 || (v >= 0x4000 && v <= 0x9FFF) || (v >= 0x2010 && v <= 0x2029)
    }

    // MARK: Tags

    private struct Tag {
        var kind: Kind
        var closing: Bool
        /// Where the name is in the input (a dropped element's end is found by it).
        var name: Range<Int>
        /// Just past the tag's `>` (or the end of the input).
        var end: Int

        /// Where the input goes on after this tag: past the end of the element when it is dropped
        /// (a script, a style), else past the tag.
        @inline(__always)
        func next(in input: UnsafeBufferPointer<UInt8>) -> Int {
            guard !closing, kind == .dropped else { return end }
            return pastElement(in: input)
        }

        /// Past the end of this dropped element.
        @inline(never)
        private func pastElement(in input: UnsafeBufferPointer<UInt8>) -> Int {
            let name = UnsafeBufferPointer(rebasing: input[name])
            // Names of dropped elements are ASCII, looked for in place (``skip(past:in:from:)`` lower-cases
            // both sides); a name of other letters that lower-cases to one is looked for as that.
            if name.allSatisfy({ $0 < 0x80 }) { return HTMLReducer.skip(past: name, in: input, from: end) }
            return Array(String(decoding: name, as: UTF8.self).lowercased().utf8).withUnsafeBufferPointer {
                HTMLReducer.skip(past: $0, in: input, from: end)
            }
        }
    }

    private static func stripTags(_ input: UnsafeBufferPointer<UInt8>, sawTag: inout Bool) -> [UInt8] {
        // A tag is at least two bytes (`<` and a letter) and leaves at most one.
        Output.collect(capacity: input.count) { output in stripTags(input, into: &output, sawTag: &sawTag) }
    }

    private static func stripTags(_ input: UnsafeBufferPointer<UInt8>, into output: inout Output, sawTag: inout Bool) {
        let count = input.count
        var index = 0, run = 0
        while index < count {
            guard let at = ByteSearch.firstIndex(of: lt, in: input, from: index) else { break }
            index = at
            guard let tag = readTag(input, at: index) else { index += 1; continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<index]))
            sawTag = true
            if tag.kind == .block { output.append(newline) } else if tag.kind == .cell { output.append(space) }
            index = tag.next(in: input)
            run = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<count]))
    }

    /// Reads a tag at `start` (a `<`); nil when this `<` starts no tag.
    @inline(__always)
    private static func readTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
        if let tag = readShortTag(input, at: start) { return tag }
        return readAnyTag(input, at: start)
    }

    /// ``readTag(_:at:)`` for every tag (the short reader's too).
    @inline(never)
    private static func readAnyTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
        let count = input.count
        var index = start + 1
        if index + 2 < count, input[index] == bang, input[index + 1] == dash, input[index + 2] == dash {
            // A comment: skip to "-->".
            var probe = index + 3
            while probe + 2 < count {
                if input[probe] == dash, input[probe + 1] == dash, input[probe + 2] == gt {
                    return Tag(kind: .other, closing: false, name: index..<index, end: probe + 3)
                }
                probe += 1
            }
            return Tag(kind: .other, closing: false, name: index..<index, end: count)
        }
        var closing = false
        if index < count, input[index] == slash { closing = true; index += 1 }
        guard index < count else { return nil }
        let first = input[index]
        if first < 0x80 {
            guard isLetter(first) || first == bang || first == question else { return nil }
        } else if alphabeticLength(in: input, at: index) == 0 {
            return nil
        }
        let nameStart = index
        var asciiName = true
        // An ASCII name's first sixteen bytes packed as ``kind(ofASCII:)`` packs them, as they are read.
        var key = TagKey()
        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                guard isNameByte(byte) else { break }
                key.add(byte, at: index &- nameStart)
                index &+= 1
            } else {
                let length = alphabeticLength(in: input, at: index)
                guard length > 0 else { break }
                asciiName = false
                index += length
            }
        }
        let name = UnsafeBufferPointer(rebasing: input[nameStart..<index])
        let end = tagEnd(input, from: index)
        let kind = asciiName ? self.kind(of: key, length: name.count) : kindsByName[String(decoding: name, as: UTF8.self).lowercased()] ?? .other
        return Tag(kind: kind, closing: closing, name: nameStart..<nameStart + name.count, end: end)
    }

    /// ``readTag(_:at:)`` for the usual tag, read a word of eight bytes at a time: `<` or `</`,
    /// then a name of one to fifteen ASCII letters and digits starting with a letter, ended by a
    /// byte that is not a name byte (``isNameByte(_:)``) and is ASCII. Nil when the tag is not of
    /// that shape (the general reader then decides, the same way for every tag). Near the end of
    /// the input a word holds the bytes left and zeros, and a zero ends a name as the end of the input does.
    @inline(__always)
    private static func readShortTag(_ input: UnsafeBufferPointer<UInt8>, at start: Int) -> Tag? {
        let count = input.count
        guard start &+ 1 < count, let base = input.baseAddress else { return nil }
        var nameStart = start &+ 1
        let closing = base[nameStart] == slash
        if closing { nameStart &+= 1 }
        let first = nameWord(base, count: count, at: nameStart)
        let (letters, firstStops) = nameMarks(first)
        // The first byte a letter.
        guard letters & 0x80 != 0 else { return nil }
        var length: Int, stop: UInt8, key: TagKey
        if firstStops != 0 {
            length = firstStops.trailingZeroBitCount >> 3
            stop = UInt8(truncatingIfNeeded: first >> UInt64(length &* 8))
            key = TagKey(low: first & ((1 &<< UInt64(length &* 8)) &- 1), high: 0)
        } else {
            // Eight name bytes (`blockquote`): the stop is in the next word, or the name is too long.
            let second = nameStart &+ 8 < count ? nameWord(base, count: count, at: nameStart &+ 8) : 0
            let stops = nameMarks(second).stops
            guard stops != 0 else { return nil }
            let rest = stops.trailingZeroBitCount >> 3
            length = 8 &+ rest
            stop = UInt8(truncatingIfNeeded: second >> UInt64(rest &* 8))
            key = TagKey(low: first, high: second & ((1 &<< UInt64(rest &* 8)) &- 1))
        }
        // `!`, `?`, `-` and `:` go on with the name; a byte from 0x80 up may be a letter.
        guard stop < 0x80, !isNameByte(stop) else { return nil }
        let nameEnd = nameStart &+ length
        let end = stop == gt ? nameEnd &+ 1 : tagEnd(input, from: nameEnd)
        return Tag(kind: kind(of: key, length: length), closing: closing, name: nameStart..<nameEnd, end: end)
    }

    /// The eight bytes of `base` from `offset` (before `count`) as a little-endian word, zeros past `count`.
    @inline(__always)
    private static func nameWord(_ base: UnsafePointer<UInt8>, count: Int, at offset: Int) -> UInt64 {
        if offset &+ 8 <= count { return UnsafeRawPointer(base).loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        var word: UInt64 = 0
        for index in offset..<count { word |= UInt64(base[index]) &<< UInt64((index &- offset) &* 8) }
        return word
    }

    /// The high bit of each byte of `word` that is an ASCII letter, and of each that is neither
    /// an ASCII letter nor a digit (where a short tag name stops).
    @inline(__always)
    private static func nameMarks(_ word: UInt64) -> (letters: UInt64, stops: UInt64) {
        let high: UInt64 = 0x8080_8080_8080_8080
        // On the low seven bits of each byte no addition carries into the next byte: x + 0x1F
        // sets the high bit exactly when x >= 0x61, x + 0x05 when x >= 0x7B, x + 0x50 when
        // x >= 0x30, x + 0x46 when x >= 0x3A. Bytes from 0x80 up are stops.
        let seven = word & 0x7F7F_7F7F_7F7F_7F7F
        let lower = seven | 0x2020_2020_2020_2020
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digits = (seven &+ 0x5050_5050_5050_5050) & ~(seven &+ 0x4646_4646_4646_4646)
        return (letters & ~word & high, (~(letters | digits) | word) & high)
    }

    /// Just past the `>` that ends a tag, outside quotes, looked for from `start` (after its
    /// name), or the end of the input: eight bytes at a time that hold none of `>`, `"` and `'`
    /// (or, inside quotes, not the closing quote) are skipped.
    private static func tagEnd(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count
        var index = start
        let raw = UnsafeRawPointer(input.baseAddress!)
        var quote: UInt8 = 0
        while index < count {
            while index &+ 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let stops = quote != 0 ? ByteLanes.marks(word, equalTo: quote)
                    : ByteLanes.marks(word, equalTo: gt) | ByteLanes.marks(word, equalTo: dquote) | ByteLanes.marks(word, equalTo: squote)
                if stops != 0 { index &+= stops.trailingZeroBitCount >> 3; break }
                index &+= 8
            }
            guard index < count else { break }
            let byte = input[index]
            index &+= 1
            if quote != 0 { if byte == quote { quote = 0 } } else if byte == dquote || byte == squote { quote = byte } else if byte == gt { break }
        }
        return index
    }

    /// Just past the `</name…>` that closes a dropped element, or the end of the input.
    /// `name` is compared as lower case: ASCII capitals in it or in the input match their small letters.
    fileprivate static func skip(past name: UnsafeBufferPointer<UInt8>, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count, length = name.count + 2
        var index = start
        // From `<` to `<` (`memchr`), not byte by byte.
        while index + length <= count, let at = ByteSearch.firstIndex(of: lt, in: input, from: index) {
            index = at
            guard index + length <= count else { break }
            if input[index + 1] == slash, name.indices.allSatisfy({ lowercased(input[index + 2 + $0]) == lowercased(name[$0]) }) {
                return readTag(input, at: index)?.end ?? count
            }
            index += 1
        }
        return count
    }

    /// The kind of an ASCII tag name, in any case (an open-addressing table on the packed name:
    /// no `Hasher` per tag).
    static func kind(ofASCII name: UnsafeBufferPointer<UInt8>) -> Kind {
        let length = name.count
        guard length <= 16, length > 0, let source = name.baseAddress else { return .other }
        // The name's bytes packed into the key (zero past its end), lower-cased with one `| 0x20`
        // per byte: the bytes of a tag name (letters, digits, `!`, `?`, `-`, `:`) all have 0x20
        // set but the capitals.
        var key = TagKey()
        // Byte by byte: tag names are short, and a `memcpy` call costs more than the loop.
        for offset in 0..<length { key.add(source[offset], at: offset) }
        return kind(of: key, length: length)
    }

    /// The kind of the ASCII tag name of `length` bytes packed into `key` (past sixteen bytes, `.other`).
    /// Every caller's name bytes are name bytes (``isNameByte(_:)``): none is a zero or a space.
    @inline(__always)
    private static func kind(of key: TagKey, length: Int) -> Kind {
        guard length <= 16, length > 0 else { return .other }
        let spaces: UInt64 = 0x2020_2020_2020_2020
        // The tags most HTML is made of, before the padding and the table (whose every use passes
        // its lazy initialisation check): `p`, `li`, `ul`, `br` are blocks, `a` and `b` inline, as
        // ``kindsByName`` says. Matched on the first word lower-cased whole: the zeros past a short
        // name become spaces, which no name byte is, so only these names give these words.
        switch key.low | spaces {
        case 0x2020_2020_2020_2070, 0x2020_2020_2020_696C, 0x2020_2020_2020_6C75, 0x2020_2020_2020_7262: return .block
        case 0x2020_2020_2020_2061, 0x2020_2020_2020_2062: return .inline
        default: break
        }
        var key = key
        key.low |= length >= 8 ? spaces : spaces & ((1 << (8 * UInt64(length))) &- 1)
        if length > 8 { key.high |= length == 16 ? spaces : spaces & ((1 << (8 * UInt64(length &- 8))) &- 1) }
        return tableKind(of: key)
    }

    /// ``kindTable``'s kind for a padded `key` (not inlined: the readers that inline ``kind(of:length:)`` stay small).
    @inline(never)
    private static func tableKind(of key: TagKey) -> Kind {
        kindTable.withUnsafeBufferPointer { table in
            var slot = key.slot
            while true {
                let entry = table[slot]
                if entry.key.low == 0 { return .other }
                if entry.key == key { return entry.kind }
                slot = (slot + 1) & (kindTableSize - 1)
            }
        }
    }

    private static let kindTableSize = 512

    /// ``kindsByName`` by ``TagKey/slot``, probing forward; an all-zero key marks an empty slot.
    private static let kindTable: [(key: TagKey, kind: Kind)] = {
        var table = [(key: TagKey, kind: Kind)](repeating: (TagKey(), .other), count: kindTableSize)
        for (name, kind) in kindsByName {
            var key = TagKey()
            for (offset, byte) in name.utf8.enumerated() { key.add(byte, at: offset) }
            var slot = key.slot
            while table[slot].key.low != 0 { slot = (slot + 1) & (kindTableSize - 1) }
            table[slot] = (key, kind)
        }
        return table
    }()

    /// A tag name of at most 16 ASCII bytes packed into two words (`UInt128` needs macOS 15).
    private struct TagKey: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0

        /// Adds `byte` at `offset`; past sixteen bytes, nothing (such a name has no kind).
        @inline(__always)
        mutating func add(_ byte: UInt8, at offset: Int) {
            if offset < 8 { low |= UInt64(byte) &<< (8 &* offset) } else if offset < 16 { high |= UInt64(byte) &<< (8 &* (offset &- 8)) }
        }

        /// The key's first slot in ``kindTable``.
        var slot: Int { Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F)) >> 55) }
    }

    private static let kindsByName: [String: Kind] = {
        var kinds: [String: Kind] = [:]
        for name in HTMLTextReference.inlineTags { kinds[name] = .inline }
        for name in HTMLTextReference.cellTags { kinds[name] = .cell }
        for name in HTMLTextReference.blockTags { kinds[name] = .block }
        for name in HTMLTextReference.droppedTags { kinds[name] = .dropped }
        return kinds
    }()

    // MARK: Entities

    /// Decodes `&name;`, `&#123;` and `&#x1F600;` as ``HTMLTextReference/decodeEntities(_:)`` does.
    /// A reference that decodes is ASCII and ends at the first `;` (or U+037E, which Swift's
    /// `Character` equality reads as `;`) within 34 characters, so bytes find it exactly.
    private static func decodeEntities(_ input: UnsafeBufferPointer<UInt8>, addedComplex: inout Bool) -> [UInt8] {
        // A reference that decodes is never shorter than its scalar's UTF-8 (`&lt;` is four bytes
        // for one, `&#x10000;` nine for four).
        Output.collect(capacity: input.count) { output in decodeEntities(input, into: &output, addedComplex: &addedComplex) }
    }

    private static func decodeEntities(_ input: UnsafeBufferPointer<UInt8>, into output: inout Output, addedComplex: inout Bool) {
        let count = input.count
        var index = 0, run = 0
        while index < count {
            guard let at = ByteSearch.firstIndex(of: amp, in: input, from: index) else { break }
            index = at
            guard case .scalar(let value, let end) = reference(in: input, at: index, tagsStripped: true) else {
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<index]))
            UTF8.encode(value) { output.append($0) }
            if !isQuicklySimple(value) { addedComplex = true }
            index = end
            run = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[run..<count]))
    }

    private enum Reference {
        /// Not a reference that decodes: the `&` stays as written.
        case none
        /// A tag may break the reference (`&am<b></b>p;`): only the text left once tags are stripped can say.
        case brokenByTag
        /// The scalar, and the index just past the reference.
        case scalar(Unicode.Scalar, end: Int)
    }

    /// The reference at `start` (a `&`) in `input`, as ``decodeEntities(_:addedComplex:)`` reads it
    /// once tags are stripped (`tagsStripped`), or read before stripping them, when a `<` met
    /// while its name may still decode makes it ``Reference/brokenByTag``. A name that decodes
    /// holds only letters, digits, `#`, `+` and `-`.
    @inline(__always)
    private static func reference(in input: UnsafeBufferPointer<UInt8>, at start: Int, tagsStripped: Bool) -> Reference {
        if let reference = shortReference(in: input, at: start) { return reference }
        return anyReference(in: input, at: start, tagsStripped: tagsStripped)
    }

    /// ``reference(in:at:tagsStripped:)`` for every reference (the short reader's too).
    @inline(never)
    private static func anyReference(in input: UnsafeBufferPointer<UInt8>, at start: Int, tagsStripped: Bool) -> Reference {
        // At most 34 bytes of name before the terminator.
        let limit = min(input.count, start &+ 35)
        var end = start &+ 1, terminator = 0
        while end < limit {
            let byte = input[end]
            if byte == semicolon { terminator = 1; break }
            if byte == 0xCD, end &+ 1 < input.count, input[end &+ 1] == 0xBE { terminator = 2; break }
            if byte >= 0x80 { break }
            if !tagsStripped, byte == lt {
                for index in (start + 1)..<end {
                    let byte = input[index]
                    guard isLetter(byte) || isDigit(byte) || byte == hash || byte == plus || byte == dash else { return .none }
                }
                return .brokenByTag
            }
            end &+= 1
        }
        guard terminator > 0, let value = decode(UnsafeBufferPointer(rebasing: input[(start + 1)..<end])) else { return .none }
        return .scalar(value, end: end + terminator)
    }

    /// ``reference(in:at:tagsStripped:)`` for the usual reference, read from one eight-byte word:
    /// a name of one to seven ASCII bytes, none of them `<`, then `;`, the name either `#` and
    /// decimal digits or letters and digits. Nil for any other shape (the general reader decides).
    @inline(__always)
    private static func shortReference(in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Reference? {
        guard start &+ 9 <= input.count, let base = input.baseAddress else { return nil }
        let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start &+ 1, as: UInt64.self)
        let semicolons = ByteLanes.marks(word, equalTo: semicolon)
        guard semicolons != 0 else { return nil }
        let length = semicolons.trailingZeroBitCount >> 3
        // The name's bytes (the lowest mark is exact: a `<` marked below the `;` is a real one).
        let below = (1 &<< UInt64(length &* 8)) &- 1
        let name = word & below
        guard length > 0, name & 0x8080_8080_8080_8080 == 0, ByteLanes.marks(word, equalTo: lt) & below == 0 else { return nil }
        let end = start &+ 2 &+ length
        if UInt8(truncatingIfNeeded: name) == hash {
            // `&#` and one to six decimal digits (``number(_:)``'s value, which always fits).
            guard length > 1 else { return nil }
            // The digits read all at once (SWAR), not one by one: a digit loop's exit, at a
            // different count in each reference, was mispredicted at most of them. `digits`
            // holds the one to six ASCII bytes after `#` (carry-free tests as in ``nameMarks(_:)``).
            let digits = name >> 8, digitCount = length &- 1
            let high: UInt64 = 0x8080_8080_8080_8080
            let inDigits = ((1 as UInt64) &<< UInt64(digitCount &* 8)) &- 1
            let isDigit = (digits &+ 0x5050_5050_5050_5050) & ~(digits &+ 0x4646_4646_4646_4646) & high
            guard isDigit & inDigits == high & inDigits else { return nil }
            // Each digit's value in its byte, the digits moved to the top bytes of the word (the
            // zero bytes below count as leading zeros), then pairs, fours and eights combined.
            var value = (digits & 0x0F0F_0F0F_0F0F_0F0F) &<< UInt64((8 &- digitCount) &* 8)
            value = (value &* 10 &+ (value &>> 8)) & 0x00FF_00FF_00FF_00FF
            value = (value &* 100 &+ (value &>> 16)) & 0x0000_FFFF_0000_FFFF
            value = (value &* 10_000 &+ (value &>> 32)) & 0xFFFF_FFFF
            guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) else { return Reference.none }
            return .scalar(scalar, end: end)
        }
        // Letters and digits only (carry-free on ASCII bytes, as in ``readShortTag(_:at:)``); the
        // bytes past the name count as letters.
        let lower = name | 0x2020_2020_2020_2020
        let letters = (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(lower &+ 0x0505_0505_0505_0505)
        let digits = (name &+ 0x5050_5050_5050_5050) & ~(name &+ 0x4646_4646_4646_4646)
        guard (letters | digits | ~below) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080 else { return nil }
        // The references nearly every feed uses, before the table: `&amp;`, `&lt;`, `&gt;`, `&quot;`.
        switch name {
        case 0x70_6D61: return .scalar("&", end: end)
        case 0x746C: return .scalar("<", end: end)
        case 0x7467: return .scalar(">", end: end)
        case 0x746F_7571: return .scalar("\"", end: end)
        default: break
        }
        guard let scalar = HTMLEntityTable.scalar(packed: name) else { return Reference.none }
        return .scalar(scalar, end: end)
    }

    private static func decode(_ reference: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if reference.count >= 2, reference[0] == hash, let value = number(UnsafeBufferPointer(rebasing: reference[1...])) {
            return Unicode.Scalar(value)
        }
        if reference.count >= 2, reference[0] == hash, reference[1] == UInt8(ascii: "x") || reference[1] == UInt8(ascii: "X") {
            return UInt32(String(decoding: UnsafeBufferPointer(rebasing: reference[2...]), as: UTF8.self), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if reference.first == hash {
            return UInt32(String(decoding: UnsafeBufferPointer(rebasing: reference[1...]), as: UTF8.self), radix: 10).flatMap(Unicode.Scalar.init)
        }
        guard !reference.isEmpty, reference.allSatisfy({ isLetter($0) || isDigit($0) }) else { return nil }
        return HTMLEntityTable.scalar(named: reference)
    }

    /// The value of `123` or `x1F600` when every character is a digit of its base and the value
    /// fits a `UInt32` (what `UInt32(_:radix:)` gives for them); nil for anything else (signs,
    /// empty or overlong digits), which ``decode(_:)`` reads the general way.
    private static func number(_ digits: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var start = 0, radix: UInt64 = 10
        if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") { start = 1; radix = 16 }
        let count = digits.count - start
        guard count >= 1, count <= (radix == 16 ? 8 : 9) else { return nil }
        var value: UInt64 = 0
        for index in start..<digits.count {
            let byte = digits[index]
            let digit: UInt64
            if isDigit(byte) {
                digit = UInt64(byte - 0x30)
            } else if radix == 16, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x66 {
                digit = UInt64((byte | 0x20) - 0x61 + 10)
            } else {
                return nil
            }
            value = value * radix + digit
        }
        return UInt32(value)
    }

    // MARK: Double escaping

    /// True when `text` closes a known HTML element (`</p>`, `</b>`) or holds `<br>`, `<br/>` or `<br />`.
    private static func looksLikeEscapedHTML(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        for index in 0..<count where text[index] == lt {
            let after = index + 1
            if after < count, text[after] == slash {
                var end = after + 1
                while end < count, isLetter(text[end]) || isDigit(text[end]) { end += 1 }
                if end > after + 1, end < count, text[end] == gt,
                   kind(ofASCII: UnsafeBufferPointer(rebasing: text[(after + 1)..<end])).isKnownElement { return true }
            } else if after + 1 < count, lowercased(text[after]) == UInt8(ascii: "b"), lowercased(text[after + 1]) == UInt8(ascii: "r") {
                var tail = after + 2
                while tail < count, text[tail] == space { tail += 1 }
                if tail < count, text[tail] == gt || (text[tail] == slash && tail + 1 < count && text[tail + 1] == gt) { return true }
            }
        }
        return false
    }

    // MARK: White space

    /// Folds runs of spaces, tabs, no-break and ideographic spaces into one, keeps single line
    /// breaks, trims; `.text(nil)` when empty.
    static func fold(_ text: UnsafeBufferPointer<UInt8>) -> Outcome {
        makeString(capacity: text.count) { reduce(text, plain: true, into: &$0) }
    }

    // MARK: The single pass

    /// Where ``pass(_:html:json:into:)`` writes: raw storage with room checked per piece. For
    /// JSON it is a ``TextOutput``'s, grown as needed; otherwise a buffer at least eight bytes
    /// longer than the input, which the reduction never outgrows (tags, references and white
    /// space only shrink).
    private struct Cursor {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
        let owner: TextOutput?
        /// The pass's fold state and what it has seen, as bits of one word kept with the output
        /// (in memory: as a local of the pass the optimizer carried a dozen register copies of it
        /// round the loop).
        var state: UInt32 = 0
        static let lineHasWord: UInt32 = 1, pendingSpace: UInt32 = 2, pendingNewline: UInt32 = 4
        static let sawTag: UInt32 = 8, wroteLessThan: UInt32 = 16, checkedSimple: UInt32 = 32

        /// White space that breaks the line: a line break is pending once a word follows.
        @inline(__always)
        mutating func lineBreak() {
            if state & Cursor.lineHasWord != 0 { state |= Cursor.pendingNewline }
            state &= ~(Cursor.lineHasWord | Cursor.pendingSpace)
        }

        /// White space within a line: a space is pending once a word follows.
        @inline(__always)
        mutating func separator() {
            if state & Cursor.lineHasWord != 0 { state |= Cursor.pendingSpace }
        }

        @inline(__always)
        mutating func room(_ extra: Int) {
            if extra > capacity &- count { grow(extra) }
        }

        @inline(never)
        mutating func grow(_ extra: Int) {
            throughOwner("HTMLReducer wrote past its output") { $0.reserve(extra) }
        }

        /// `byte` escaped for a JSON string literal (``TextOutput/appendJSONEscape(_:)``).
        @inline(never)
        mutating func escape(_ byte: UInt8) {
            throughOwner("HTMLReducer escaped outside JSON") { $0.appendJSONEscape(byte) }
        }

        /// Runs `body` on the owning ``TextOutput`` with the bytes written so far, then takes
        /// its storage back (it may have moved or grown).
        @inline(__always)
        private mutating func throughOwner(_ message: @autoclosure () -> String, _ body: (TextOutput) -> Void) {
            guard let owner else { preconditionFailure(message()) }
            owner.count = count
            body(owner)
            base = owner.base
            capacity = owner.capacity
            count = owner.count
        }
    }

    /// One pass over `text` that does every stage of the reduction at once, writing into `out`:
    /// with `html`, tags are stripped (block elements leave a line break, cells a space, scripts
    /// and styles go with their content) and references decoded, as ``stripTags(_:sawTag:)`` and
    /// ``decodeEntities(_:addedComplex:)`` would; then white space is folded (runs of spaces,
    /// tabs, no-break and ideographic spaces become one space, line breaks one line break, the
    /// ends are trimmed); with `json`, what is written is escaped for a JSON string literal (the
    /// fold writes no U+2028 or U+2029, so only `"`, `\\` and control characters need it).
    ///
    /// False when the pass cannot answer alone. With `html`: a scalar fails ``isSimple(_:)``'s
    /// quick test (outside tags, or decoded), a reference may be broken by a tag (`&am<b></b>p;`),
    /// or no tag was seen and a `<` was written (the text may be escaped twice); the caller then
    /// runs the stages one by one. Without `html`: `text` is not simple (ask ``HTMLTextReference``).
    @inline(__always)
    private static func pass(_ text: UnsafeBufferPointer<UInt8>, html: Bool, json: Bool, into out: inout Cursor) -> Bool {
        let count = text.count
        guard count > 0, let input = text.baseAddress else { return true }
        var index = 0
        let lineHasWord = Cursor.lineHasWord, pendingSpace = Cursor.pendingSpace, pendingNewline = Cursor.pendingNewline
        let wroteLessThan = Cursor.wroteLessThan, checkedSimple = Cursor.checkedSimple
        out.state = 0

        /// Before a word's bytes: the line break or the space that white space before it left pending.
        @inline(__always) func beginWord() {
            if out.state & lineHasWord == 0 {
                if out.state & pendingNewline != 0 {
                    // JSON's `\n` written in place (``Cursor/escape(_:)`` goes through the owning output).
                    if json { out.room(2); out.base[out.count] = backslash; out.base[out.count &+ 1] = UInt8(ascii: "n"); out.count &+= 2 } else {
                        out.room(1); out.base[out.count] = newline; out.count &+= 1
                    }
                }
            } else if out.state & pendingSpace != 0 {
                out.room(1)
                out.base[out.count] = space
                out.count &+= 1
            }
            out.state = (out.state & ~(pendingSpace | pendingNewline)) | lineHasWord
        }
        @inline(__always) func lineBreak() { out.lineBreak() }
        @inline(__always) func separator() { out.separator() }
        /// An ASCII byte of a word.
        @inline(__always) func writeASCII(_ byte: UInt8) {
            if json, TextOutput.needsJSONEscape(byte) {
                // `"` and `\\` (the common ones) as `\\` and the byte, in place; controls through the output.
                guard byte == dquote || byte == backslash else { return out.escape(byte) }
                out.room(2)
                out.base[out.count] = backslash
                out.base[out.count &+ 1] = byte
                out.count &+= 2
                return
            }
            out.room(1)
            out.base[out.count] = byte
            out.count &+= 1
        }

        while index < count {
            var byte = input[index]
            if isRunByte(byte) {
                // A run of bytes that are neither white space, markup, escaped in JSON nor the start of a
                // scalar that may be: copy it whole.
                beginWord()
                // Eight bytes at a time: each word is stored whole (there is room for the rest of
                // the input and eight bytes more; bytes past the run are overwritten later or
                // left out of the result), up to the first byte that is not part of the run; then
                // byte by byte at the end. The run goes on across what the fold would write back
                // unchanged: a single space between two words, and a scalar led by 0xC2 or 0xE2
                // that is not white space (`©`, `—`, `“`), so a sentence is one run, not one per word.
                out.room(count &- index &+ 8)
                // `stored` is where input offset 0 would go, so that a byte at offset `end` is
                // stored at `end` too (one register for both).
                let source = UnsafeRawPointer(input), stored = UnsafeMutableRawPointer(out.base + out.count).advanced(by: 0 &- index)
                var end = index
                // A space that ends the run (the byte after it is not a run byte) is taken here:
                // it is what the fold's separator makes of it.
                var endsWithSpace = false
                while true {
                    // Offsets stay within `count`, so plain wrapping arithmetic (no overflow checks).
                    // Sixteen bytes at a time (SSE2 compares), then eight for the rest.
                    var stopped = false
                    while end &+ 16 <= count {
                        let lanes = source.loadUnaligned(fromByteOffset: end, as: SIMD16<UInt8>.self)
                        stored.storeBytes(of: lanes, toByteOffset: end, as: SIMD16<UInt8>.self)
                        let (stops, advance) = runStops(lanes)
                        if stops != 0 { end &+= stops.trailingZeroBitCount; stopped = true; break }
                        end &+= advance
                    }
                    // A stop found sixteen at a time is exact (no byte to copy one by one before
                    // it): straight to its test below, not through the byte loop's own tests of it
                    // (data-dependent branches, mispredicted at about half the runs).
                    if !stopped {
                        while end &+ 8 <= count {
                            let word = source.loadUnaligned(fromByteOffset: end, as: UInt64.self)
                            stored.storeBytes(of: word, toByteOffset: end, as: UInt64.self)
                            let stops = word & 0x8080_8080_8080_8080 == 0 ? asciiRunStops(word) : runStops(word)
                            if stops != 0 { end &+= stops.trailingZeroBitCount >> 3; break }
                            end &+= 8
                        }
                        while end < count, isRunByte(input[end]) {
                            stored.storeBytes(of: input[end], toByteOffset: end, as: UInt8.self)
                            end &+= 1
                        }
                    }
                    guard end < count else { break }
                    let stop = input[end]
                    var length = 0
                    if stop == space {
                        if end &+ 1 < count, isRunByte(input[end &+ 1]) { length = 1 } else { endsWithSpace = true }
                    } else if stop == 0xC2 {
                        let next = input[end &+ 1]
                        if next != 0xA0, next != 0x85 { length = 2 }
                    } else if stop == 0xE2 {
                        if input[end &+ 1] == 0x80, input[end &+ 2] >= 0x90, input[end &+ 2] <= 0xA7 { length = 3 }
                    }
                    guard length > 0 else { break }
                    for offset in 0..<length { stored.storeBytes(of: input[end &+ offset], toByteOffset: end &+ offset, as: UInt8.self) }
                    end &+= length
                }
                out.count &+= end &- index
                index = end
                if endsWithSpace {
                    separator()
                    index &+= 1
                }
                // The byte that ended the run (or the one after the space taken) is no run byte:
                // straight on to its case below, not through the loop's head and run test again.
                guard index < count else { break }
                byte = input[index]
            }
            if html, byte == lt {
                if let next = readTags(text, at: index, into: &out) {
                    index = next
                    continue
                }
                out.state |= wroteLessThan
            } else if html, byte == amp {
                switch reference(in: text, at: index, tagsStripped: false) {
                case .brokenByTag:
                    return false
                case .none:
                    break
                case .scalar(let value, let end):
                    guard isQuicklySimple(value) else { return false }
                    switch value.value {
                    case 0x20, 0x09, 0xA0: separator()
                    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: lineBreak()
                    default:
                        beginWord()
                        if value.isASCII {
                            if value == "<" { out.state |= wroteLessThan }
                            writeASCII(UInt8(value.value))
                        } else {
                            // Two or three bytes of UTF-8: a scalar that passed ``isQuicklySimple(_:)`` is below U+A000.
                            let v = value.value
                            out.room(3)
                            if v < 0x800 {
                                out.base[out.count] = UInt8(truncatingIfNeeded: 0xC0 | v &>> 6)
                                out.base[out.count &+ 1] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                                out.count &+= 2
                            } else {
                                out.base[out.count] = UInt8(truncatingIfNeeded: 0xE0 | v &>> 12)
                                out.base[out.count &+ 1] = UInt8(truncatingIfNeeded: 0x80 | (v &>> 6) & 0x3F)
                                out.base[out.count &+ 2] = UInt8(truncatingIfNeeded: 0x80 | v & 0x3F)
                                out.count &+= 3
                            }
                        }
                    }
                    index = end
                    continue
                }
            }
            if byte < 0x80 {
                if byte == space || byte == tab { separator() } else if byte >= 0x0A, byte <= 0x0D { lineBreak() } else {
                    beginWord()
                    writeASCII(byte)
                }
                index &+= 1
                continue
            }
            let length = byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if byte >= 0xCC, byte < 0xE4 || byte > 0xE9,
               byte != 0xE2 || input[index &+ 1] != 0x80 || input[index &+ 2] < 0x90 || input[index &+ 2] > 0xA9 {
                // A scalar that may join a neighbour.
                if html { return false }
                if out.state & checkedSimple == 0 {
                    out.state |= checkedSimple
                    guard isSimple(text) else { return false }
                }
            }
            if byte == 0xC2, input[index &+ 1] == 0xA0 || input[index &+ 1] == 0x85 {
                if input[index &+ 1] == 0xA0 { separator() } else { lineBreak() }
            } else if byte == 0xE3, input[index &+ 1] == 0x80, input[index &+ 2] == 0x80 {
                separator()
            } else if byte == 0xE2, input[index &+ 1] == 0x80, input[index &+ 2] == 0xA8 || input[index &+ 2] == 0xA9 {
                lineBreak()
            } else {
                beginWord()
                out.room(length)
                for offset in 0..<length { out.base[out.count &+ offset] = input[index &+ offset] }
                out.count &+= length
            }
            index &+= length
        }
        // No tag and a `<` written: the text may be HTML escaped twice (``looksLikeEscapedHTML(_:)``).
        return !(html && out.state & (Cursor.sawTag | wroteLessThan) == wroteLessThan)
    }

    /// The pass's tags from `start` (a `<`) on, while one follows another (`</a></p><ul><li>`):
    /// the index past the last, with `out`'s fold told of each (a block breaks the line, a cell
    /// separates); nil when `start` starts no tag. One call per group of tags, with the tag
    /// reader inlined here rather than called from the pass for each.
    @inline(never)
    private static func readTags(_ text: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout Cursor) -> Int? {
        // The pass calls this at a `<`: the first tag needs no test of its byte.
        var index = start
        repeat {
            guard let tag = readTag(text, at: index) else { break }
            if tag.kind == .block { out.lineBreak() } else if tag.kind == .cell { out.separator() }
            index = tag.next(in: text)
        } while index < text.count && text[index] == lt
        guard index != start else { return nil }
        out.state |= Cursor.sawTag
        return index
    }

    /// A byte the pass copies as part of a run: not white space, a control, `"`, `&`, `<` or
    /// `\\`, nor the lead byte of a scalar that may be white space (0xC2, 0xE2, 0xE3) or may join
    /// a neighbour (``isSimple(_:)``'s quick test: any lead from 0xCC up but 0xE4–0xE9).
    @inline(__always)
    private static func isRunByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x7F: return byte != 0x22 && byte != 0x26 && byte != 0x3C && byte != 0x5C
        case 0x80...0xCB: return byte != 0xC2
        case 0xE4...0xE9: return true
        default: return false
        }
    }

    /// The high bit of each byte of `word` where the pass's word loop hands over to its byte loop:
    /// at least every byte that ends a run (one that is not ``isRunByte(_:)``, but a space before
    /// a byte that is; a space in the last byte, whose next byte is not in `word`, always);
    /// 0 when there is none. The lowest bit set is exact or marks a `|` (tested with `\\`); a
    /// byte marked that does not end a run only costs time: the byte loop copies it. Not inlined:
    /// only the last few bytes of a run with non-ASCII in them come here, and inlined, its
    /// vector constants were loaded again after every call the pass makes.
    @inline(never)
    private static func runStops(_ word: UInt64) -> UInt64 {
        // Zero bytes of each transform mark what is tested (the classic `(x - 0x01…) & ~x`, whose
        // lowest mark is exact): `"` and `&` are the bytes b with b | 0x04 == 0x26; `<` and `\\`
        // two of those with b | 0x60 == 0x7C (with 0x1C, a control, and `|`). Controls are the
        // bytes below 0x20. The high bits are taken once, at the end.
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quoteOrAmpersand = (word | 0x0404_0404_0404_0404) ^ 0x2626_2626_2626_2626
        let angleOrBackslash = (word | 0x6060_6060_6060_6060) ^ 0x7C7C_7C7C_7C7C_7C7C
        let blank = word ^ 0x2020_2020_2020_2020
        var stops = ((quoteOrAmpersand &- ones) & ~quoteOrAmpersand) | ((angleOrBackslash &- ones) & ~angleOrBackslash)
            | ((word &- 0x2020_2020_2020_2020) & ~word)
        let spaces = (blank &- ones) & ~blank & high
        if word & high != 0 {
            stops |= ByteLanes.marks(word, equalTo: 0xC2) | (atLeast(word, 0xCC) & ~(atLeast(word, 0xE4) & ~atLeast(word, 0xEA)))
        }
        stops &= high
        return stops | (spaces & (((stops | spaces) >> 8) | (1 << 63)))
    }

    /// ``runStops(_:)`` for sixteen bytes at once, with SSE2 compares: the bytes to stop at as
    /// bits (lane `i` in bit `i`, gathered by `earshot_high_bits16`), and how far to go when there
    /// is none: 16, or 15 when the last byte is a space (whose next byte is not in `lanes`: it is
    /// looked at again with the next sixteen). Marks exactly the bytes that end a run (one that
    /// is not ``isRunByte(_:)``, but a space before a byte that is), so the pass need not test
    /// the first one again.
    @inline(__always)
    private static func runStops(_ lanes: SIMD16<UInt8>) -> (stops: UInt32, advance: Int) {
        typealias Lanes = SIMD16<UInt8>
        typealias Mask = SIMDMask<SIMD16<Int8>>
        let space: Mask = lanes .== Lanes(repeating: 0x20)
        // Controls; `"` and `&` (b & 0xFB == 0x22); `<` and `\\` each (one masked compare would
        // mark `|` too, a false stop); 0xC2; leads from 0xCC up but 0xE4–0xE9.
        let control: Mask = lanes .< Lanes(repeating: 0x20)
        let quoteOrAmpersand: Mask = (lanes & Lanes(repeating: 0xFB)) .== Lanes(repeating: 0x22)
        let angleOrBackslash: Mask = (lanes .== Lanes(repeating: 0x3C)) .| (lanes .== Lanes(repeating: 0x5C))
        var notSpaces = earshot_high_bits16(unsafeBitCast(control .| quoteOrAmpersand .| angleOrBackslash, to: SIMD16<UInt8>.self))
        // The lead bytes' tests only when a byte has its high bit set (most sixteen-byte blocks
        // of feed text are ASCII).
        if earshot_high_bits16(lanes) != 0 {
            let c2: Mask = lanes .== Lanes(repeating: 0xC2)
            let fromCC: Mask = lanes .>= Lanes(repeating: 0xCC)
            let cjk: Mask = (lanes &- Lanes(repeating: 0xE4)) .<= Lanes(repeating: 5)
            notSpaces |= earshot_high_bits16(unsafeBitCast(c2 .| (fromCC .& .!cjk), to: SIMD16<UInt8>.self))
        }
        let spaces = earshot_high_bits16(unsafeBitCast(space, to: SIMD16<UInt8>.self))
        // A space stops the run when the byte after it is not a run byte (a space included).
        let stops = notSpaces | (spaces & ((notSpaces | spaces) >> 1))
        return (stops, 16 &- Int(truncatingIfNeeded: spaces >> 15))
    }

    /// ``runStops(_:)`` for a `word` of ASCII bytes (no high bit set): with every byte below
    /// 0x80, adding 0x7F to a byte sets its high bit exactly when it is not zero, and adding 0x60
    /// exactly when it is at least 0x20, with no carry into the next byte. Each transform is zero
    /// at what it tests: `"` and `&` are the bytes b with b | 0x04 == 0x26; `<` and `\\` two of
    /// those with b | 0x60 == 0x7C (with 0x1C, a control, and `|`, a false stop).
    @inline(__always)
    private static func asciiRunStops(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080, sevenF: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let quoteOrAmpersand = ((word | 0x0404_0404_0404_0404) ^ 0x2626_2626_2626_2626) &+ sevenF
        let angleOrBackslash = ((word | 0x6060_6060_6060_6060) ^ 0x7C7C_7C7C_7C7C_7C7C) &+ sevenF
        let printable = word &+ 0x6060_6060_6060_6060
        let stops = (quoteOrAmpersand & angleOrBackslash & printable & high) ^ high
        let spaces = (((word ^ 0x2020_2020_2020_2020) &+ sevenF) & high) ^ high
        return stops | (spaces & (((stops | spaces) >> 8) | (1 << 63)))
    }

    /// True when ``plainText(_:)`` and ``fold(_:)`` give `text` back unchanged, which most titles
    /// and author names are: it is not empty and holds only bytes the pass copies as they are (a run's,
    /// `"` and `\\`) and single spaces between them. The caller keeps its `String` rather than make
    /// a copy. Eight ASCII bytes at a time (the exact carry-free tests of ``asciiRunStops(_:)``), then byte by byte.
    static func isAlreadyPlain(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let count = text.count
        // Starts as if after a space, so a leading space fails like a double one.
        var afterSpace = true
        var index = 0
        let high: UInt64 = 0x8080_8080_8080_8080, sevenF: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            guard word & high == 0 else { break }
            // High bits of the controls, `&`, `<` and spaces: with every byte below 0x80, adding
            // 0x60 sets a byte's high bit exactly when it is at least 0x20, adding 0x7F exactly when it is not zero.
            let controls = ~(word &+ 0x6060_6060_6060_6060) & high
            let ampersands = ~((word ^ 0x2626_2626_2626_2626) &+ sevenF) & high
            let angles = ~((word ^ 0x3C3C_3C3C_3C3C_3C3C) &+ sevenF) & high
            let spaces = ~((word ^ 0x2020_2020_2020_2020) &+ sevenF) & high
            guard controls | ampersands | angles == 0, spaces & ((spaces >> 8) | (afterSpace ? 0x80 : 0)) == 0 else { return false }
            afterSpace = spaces >> 63 != 0
            index &+= 8
        }
        while index < count {
            let byte = base[index]
            if byte == space {
                if afterSpace { return false }
                afterSpace = true
            } else {
                guard isRunByte(byte) || byte == dquote || byte == backslash else { return false }
                afterSpace = false
            }
            index &+= 1
        }
        return !afterSpace
    }

    /// The high bit of each byte of `word` at least `bound` (0x80 or more); exact.
    @inline(__always)
    private static func atLeast(_ word: UInt64, _ bound: UInt8) -> UInt64 {
        let add = UInt64(0x80 &- (bound & 0x7F)) &* 0x0101_0101_0101_0101
        return word & ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ add) & 0x8080_8080_8080_8080
    }

    // MARK: Grapheme clusters

    /// True when every grapheme cluster of the UTF-8 `text` is a single scalar or `\r\n`, so that
    /// comparing bytes gives what comparing `Character`s gives. Scalars below U+0300, CJK
    /// ideographs and general punctuation (U+2010–U+2029) never join a neighbour; anything else
    /// is checked with Swift's own grapheme breaking.
    static func isSimple(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        var index = 0
        while index < count {
            if index + 8 <= count, UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let byte = text[index]
            if byte < 0x80 { index += 1; continue }
            if byte < 0xCC { index += 2; continue }
            if byte >= 0xE4, byte <= 0xE9 { index += 3; continue }
            if byte == 0xE2, index + 2 < count, text[index + 1] == 0x80, (0x90...0xA9).contains(text[index + 2]) { index += 3; continue }
            let string = String(decoding: text, as: UTF8.self)
            var crlf = 0
            for offset in 0..<max(count - 1, 0) where text[offset] == carriageReturn && text[offset + 1] == newline { crlf += 1 }
            return string.count + crlf == string.unicodeScalars.count
        }
        return true
    }

    // MARK: Bytes

    /// A pass's output: written straight into a new array's storage, with no capacity check and
    /// no call per append but a bound that stops the program rather than write past the storage.
    private struct Output {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0

        /// A new array of what `body` writes, which must be at most `capacity` bytes.
        static func collect(capacity: Int, _ body: (inout Output) -> Void) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: max(capacity, 1)) { buffer, initialized in
                var output = Output(base: buffer.baseAddress!, capacity: buffer.count)
                body(&output)
                initialized = output.count
            }
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            precondition(count < capacity, "HTMLReducer wrote past its output")
            base[count] = byte
            count &+= 1
        }

        @inline(__always)
        mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
            precondition(bytes.count <= capacity &- count, "HTMLReducer wrote past its output")
            if let source = bytes.baseAddress { (base + count).initialize(from: source, count: bytes.count) }
            count &+= bytes.count
        }
    }

    /// The length of the scalar at `index` in valid UTF-8 when it is alphabetic, else 0. Not
    /// inlined: `Unicode.Scalar.Properties` is resilient, and a function that holds one looks up
    /// its metadata on every call, which would cost ``readTag(_:at:)`` that on every tag.
    @inline(never)
    private static func alphabeticLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let (value, length) = scalar(in: bytes, at: index)
        return value.properties.isAlphabetic ? length : 0
    }

    /// The scalar starting at `index` in valid UTF-8, and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        var value: UInt32, length: Int
        if lead < 0xE0 { value = lead & 0x1F; length = 2 } else if lead < 0xF0 { value = lead & 0x0F; length = 3 } else { value = lead & 0x07; length = 4 }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// A letter, a digit, `!`, `?`, `-` or `:` (a bit set per ASCII byte).
    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        let bits: UInt64 = byte < 0x40 ? 0x87FF_2002_0000_0000 : 0x07FF_FFFE_07FF_FFFE
        return byte < 0x80 && (bits >> UInt64(byte & 0x3F)) & 1 != 0
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    fileprivate static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&"), slash = UInt8(ascii: "/")
    private static let bang = UInt8(ascii: "!"), question = UInt8(ascii: "?"), dash = UInt8(ascii: "-"), colon = UInt8(ascii: ":")
    private static let plus = UInt8(ascii: "+"), backslash = UInt8(ascii: "\\")
    private static let dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'"), semicolon = UInt8(ascii: ";"), hash = UInt8(ascii: "#")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
}
