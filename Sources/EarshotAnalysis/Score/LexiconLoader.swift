import EarshotCore
import Foundation

/// Loads the lexicon folder: per language `valence.tsv`, `cx.tsv`, `negators.txt`,
/// `boosters.tsv`, `contrast.txt`, `aspects.tsv`, `words.txt` and `normalise.tsv`, plus the
/// shared `emoji.tsv`.
///
/// Formats are in `lexicons/README.md`: UTF-8, `#` comments, TAB-separated fields. A broken
/// line stops the load with an error that points at it like a compiler does:
/// `lexicons/zh/valence.tsv:12: valence 'abc' must be a number from -4 to 4`.
public struct LexiconLoader: Sendable {
    /// The languages earshot scores.
    public static let languages = ["en", "zh", "ms"]

    public init() {}

    /// Loads every file present under `directory`; a missing file is an empty list.
    /// - Parameter directory: the lexicons folder, holding `en/`, `zh/`, `ms/` and `emoji.tsv`.
    /// - Throws: ``EarshotError`` with code `.lexicon`, placed at `file:line`, for a broken
    ///   line; or when the folder has no English valence file.
    public func load(from directory: URL) throws -> Lexicon {
        // Paths joined as text: `URL.appendingPathComponent` cost ~0.3M instructions at start-up
        // for the folder's 19 files.
        let folder = directory.path
        let englishValence = LexiconLoader.path(folder, "en/valence.tsv")
        guard FileManager.default.fileExists(atPath: englishValence) else {
            throw EarshotError(.lexicon, "no lexicon at \(englishValence); set `lexicons:` in the config to the lexicons folder")
        }
        // English, the largest, and the emoji here; the others on a second core meanwhile
        // (``SideThread``). A broken line is reported as when the files are read in turn: the
        // first in the order en, zh, ms, emoji.
        let others = LexiconLoader.languages.filter { $0 != "en" }
        let ((english, emoji), rest) = try SideThread.run({ () throws in
            let english = try load(language: LexiconLoader.path(folder, "en"))
            return (english, Result { try loadEmoji(LexiconLoader.path(folder, "emoji.tsv")) })
        }, alongside: { () throws in
            try others.map { try load(language: LexiconLoader.path(folder, $0)) }
        })
        var languages = Dictionary(uniqueKeysWithValues: zip(others, rest))
        languages["en"] = english
        return Lexicon(languages: languages, emoji: try emoji.get())
    }

    private func loadEmoji(_ path: String) throws -> [String: Double] {
        var emoji: [String: Double] = [:]
        try read(path, fields: 2...3) { fields, place in
            emoji[fields[0]] = try number(fields, 1, in: -4...4, what: "valence", place: place)
        }
        return emoji
    }

    /// `name` inside the folder at `folder` (a file URL's path).
    private static func path(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private func load(language folder: String) throws -> LanguageLexicon {
        // The lists are read into one table of their keys' bytes (``LanguageLexicon/Loaded``),
        // from which the scorer's tables are built; their dictionaries are made only when read.
        var loaded = LanguageLexicon.Loaded()
        // The sizes of the entries (``LanguageLexicon/noteEntry(_:)``), noted as they are read.
        var sizes = LanguageLexicon()
        for name in ["valence.tsv", "cx.tsv"] {
            try read(LexiconLoader.path(folder, name), fields: 2...3, reserve: { loaded.entries.reserve($0) }) { fields, place in
                let valence = try number(fields, 1, in: -4...4, what: "valence", place: place)
                LexiconLoader.set(fields, in: &loaded, sizes: &sizes) {
                    $0.valence = valence
                    $0.lists.insert(.valence)
                }
            }
        }
        try read(LexiconLoader.path(folder, "negators.txt"), fields: 1...2) { fields, place in
            var factor = SentimentScorer.negationScalar
            if fields.count == 2 {
                factor = try number(fields, 1, in: -1...0, what: "negation factor", place: place)
                guard factor < 0 else { throw failure("negation factor must be below 0 (a negator flips the sign)", place) }
            }
            LexiconLoader.set(fields, in: &loaded, sizes: &sizes) {
                $0.negator = factor
                $0.lists.insert(.negators)
            }
        }
        try read(LexiconLoader.path(folder, "boosters.tsv"), fields: 2...3) { fields, place in
            let weight = try number(fields, 1, in: -1...1, what: "booster weight", place: place)
            let position = fields.count == 3 ? fields[2] : "before"
            let before: Bool, after: Bool
            switch position {
            case "before": (before, after) = (true, false)
            case "after": (before, after) = (false, true)
            case "both": (before, after) = (true, true)
            default: throw failure("booster position '\(position)' must be 'before', 'after' or 'both'", place)
            }
            LexiconLoader.set(fields, in: &loaded, sizes: &sizes) {
                if before {
                    $0.pre = weight
                    $0.lists.insert(.boosters)
                }
                if after {
                    $0.post = weight
                    $0.lists.insert(.postBoosters)
                }
            }
        }
        try read(LexiconLoader.path(folder, "contrast.txt"), fields: 1...1) { fields, _ in
            LexiconLoader.set(fields, in: &loaded, sizes: &sizes) { $0.lists.insert(.contrast) }
        }
        try read(LexiconLoader.path(folder, "aspects.tsv"), fields: 3...4) { fields, place in
            guard let touchpoint = Touchpoint(rawValue: fields[2]) else {
                throw failure("touchpoint '\(fields[2])' must be 'service' or 'experience'", place)
            }
            let known = AspectTerm.aspects(of: touchpoint)
            guard known.contains(fields[1]) else {
                throw failure("aspect '\(fields[1])' is not one of the \(touchpoint.rawValue) aspects (\(known.sorted().joined(separator: ", ")))", place)
            }
            let aspect = Int32(loaded.aspectTerms.count)
            loaded.aspectTerms.append(AspectTerm(aspect: fields[1], touchpoint: touchpoint))
            LexiconLoader.set(fields, in: &loaded, sizes: &sizes) {
                $0.aspect = aspect
                $0.lists.insert(.aspects)
            }
        }
        try read(LexiconLoader.path(folder, "words.txt"), fields: 1...2, reserve: { loaded.words.reserve($0) }) { fields, _ in
            fields.withKey { _ = loaded.words.index(ofCanonical: $0, adding: true) }
            note(fields, in: &sizes)
        }
        try read(LexiconLoader.path(folder, "normalise.tsv"), fields: 2...3) { fields, place in
            let variant = fields[0]
            guard !variant.utf8.contains(0x20) else { throw failure("variant '\(variant)' must be one word", place) }
            loaded.normalise[variant] = fields[1].lowercased().split(separator: " ").map(String.init)
        }
        var lexicon = LanguageLexicon(loaded: loaded)
        lexicon.maxPhraseWords = sizes.maxPhraseWords
        lexicon.maxEntryCharacters = sizes.maxEntryCharacters
        return lexicon
    }

    /// Changes what the lists say of the term of `fields` with `change`, and notes its size.
    /// (Static, the tables passed inout: captured by the readers' closures, each access to
    /// them was checked at run time.)
    private static func set(_ fields: Fields, in loaded: inout LanguageLexicon.Loaded, sizes: inout LanguageLexicon,
                            _ change: (inout LanguageLexicon.Roles) -> Void) {
        fields.withKey { key in change(&loaded.entries.values[loaded.entries.index(ofCanonical: key, adding: LanguageLexicon.Roles())]) }
        LexiconLoader().note(fields, in: &sizes)
    }

    /// ``number(_:in:what:place:)`` of field `index`, read from its bytes when they are the
    /// field's text and a plain decimal in `range` (no `String` made: ~300 instructions a line).
    private func number(_ fields: Fields, _ index: Int, in range: ClosedRange<Double>, what: String, place: EarshotError.Place) throws -> Double {
        let bytes = fields.bytes(index)
        if !LexiconLoader.maySpace(bytes), let value = LexiconLoader.decimal(bytes), range.contains(value) { return value }
        return try number(fields[index], in: range, what: what, place: place)
    }

    /// ``LanguageLexicon/noteEntry(_:)`` of the term of `fields`, counted from its bytes when
    /// they are ASCII and unified Han (their lower-case form has the same characters and words).
    private func note(_ fields: Fields, in lexicon: inout LanguageLexicon) {
        guard fields.plainTerm else { return lexicon.noteEntry(fields.term) }
        let bytes = fields.bytes(0)
        let words = LanguageLexicon.wordCount(bytes) ?? fields.term.split(separator: " ").count
        // A field holds no carriage return (it ends a line): one character per scalar.
        lexicon.noteEntry(words: words, characters: ByteKeyTable<Bool>.scalarCount(bytes))
    }

    private func number(_ text: String, in range: ClosedRange<Double>, what: String, place: EarshotError.Place) throws -> Double {
        guard let value = LexiconLoader.decimal(text) ?? Double(text), value.isFinite, range.contains(value) else {
            throw failure("\(what) '\(text)' must be a number from \(format(range.lowerBound)) to \(format(range.upperBound))", place)
        }
        return value
    }

    /// `Double(text)` for a plain decimal (an optional minus sign, digits, optionally a point and
    /// digits) of at most 15 digits, worked out exactly: the digits as an integer (exact below
    /// 2^53) divided by a power of ten (exact up to 10^22) is the correctly rounded value that
    /// `Double(text)` gives. Nil for any other text.
    static func decimal(_ text: String) -> Double? {
        Tokenizer.withUTF8(text) { decimal($0) }
    }

    /// ``decimal(_:)-swift.type.method`` of the UTF-8 bytes of a text.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
            var index = 0, negative = false
            if bytes.first == UInt8(ascii: "-") {
                negative = true
                index = 1
            }
            var digits: Int64 = 0, count = 0, fraction = -1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "."), fraction < 0, count > 0 {
                    fraction = 0
                } else if byte &- 0x30 < 10 {
                    digits = digits * 10 + Int64(byte &- 0x30)
                    count += 1
                    if fraction >= 0 { fraction += 1 }
                } else {
                    return nil
                }
                index += 1
            }
            guard count > 0, count <= 15, fraction != 0 else { return nil }
            let value = Double(digits) / LexiconLoader.powersOfTen[max(fraction, 0)]
            return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { power in (0..<power).reduce(1.0) { value, _ in value * 10 } }

    private func format(_ bound: Double) -> String {
        bound == bound.rounded() ? String(Int(bound)) : String(bound)
    }

    private func failure(_ message: String, _ place: EarshotError.Place) -> EarshotError {
        EarshotError(.lexicon, message, place: place)
    }

    /// `text` without the tabs and space separators (Unicode Zs) at its ends: Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, without Foundation's cost per call.
    static func trimmed(_ text: Substring) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == " " || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    /// Calls `body` with the trimmed fields of each entry line of the file at `path` (nothing
    /// if the file is absent); the first field is lower-cased.
    /// - Parameter reserve: called first with the number of line feeds of the file plus one
    ///   (a hint for the number of its entries).
    private func read(_ path: String, fields count: ClosedRange<Int>, reserve: (Int) -> Void = { _ in },
                      _ body: (Fields, EarshotError.Place) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard UTF8Validation.isValid(bytes) else { throw notUTF8(path) }
            reserve(bytes.count { $0 == 0x0A } + 1)
            try readBytes(bytes, path: path, fields: count, body)
        }
    }

    private func notUTF8(_ path: String) -> EarshotError {
        EarshotError(.lexicon, "not UTF-8 text; save it as UTF-8", place: .init(file: path))
    }

    /// Throws unless `fields` are `count` fields, none empty.
    private func check(_ fields: Fields, _ count: ClosedRange<Int>, _ place: EarshotError.Place) throws {
        guard count.contains(fields.count) else {
            let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw failure("expected \(expected) TAB-separated fields, found \(fields.count)", place)
        }
        // (Loops, not `first(where: fields.isEmpty)`: the method taken as a closure cost ~150
        // instructions a line.)
        for empty in 0..<fields.count where fields.isEmpty(empty) {
            throw failure(empty == 0 ? "the term is empty" : "field \(empty + 1) is empty", place)
        }
    }

    /// The fields of one entry line, trimmed (``trimmed(_:lowercased:)``): the first, the
    /// term, lower-cased (made at once only when it is not plain: a plain term is read from its
    /// bytes, ``withKey(_:)``); the others made from the line's bytes when asked (a number is
    /// read from its bytes: ``number(_:_:in:what:place:)``).
    private struct Fields {
        /// The line, valid while the line's body runs.
        var line = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        /// Each field's bytes in ``line``, without the tabs and spaces at its ends.
        var ranges: [Range<Int>] = []
        /// The term lower-cased, when it is not ``plainTerm``.
        var term = ""
        /// The term's bytes are ASCII and unified Han only, with no space separator at its ends.
        var plainTerm = false

        var count: Int { ranges.count }

        /// The bytes of field `index`, without the tabs and spaces at its ends.
        func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: line[ranges[index]])
        }

        /// The text of field `index` (the term lower-cased).
        subscript(index: Int) -> String {
            guard index == 0 else { return LexiconLoader.trimmed(bytes(index), lowercased: false) }
            return plainTerm ? LexiconLoader.trimmed(bytes(0), lowercased: true, plain: true) : term
        }

        /// Calls `body` with the NFC bytes of the term lower-cased: those of a plain term with
        /// its ASCII capitals made small (most have none, and are read where they lie).
        func withKey<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            guard plainTerm else { return ByteKeyTable<Bool>.withCanonicalBytes(term, body) }
            let bytes = bytes(0)
            guard bytes.contains(where: { $0 &- 0x41 < 26 }) else { return body(bytes) }
            return bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }.withUnsafeBufferPointer(body)
        }

        /// True when field `index` is empty once trimmed.
        func isEmpty(_ index: Int) -> Bool {
            if index == 0 { return plainTerm ? ranges[0].isEmpty : term.isEmpty }
            let bytes = bytes(index)
            return bytes.isEmpty || (LexiconLoader.maySpace(bytes) && self[index].isEmpty)
        }
    }

    /// ``read(_:fields:_:)`` of valid UTF-8: lines end at a line feed, a carriage return and
    /// line feed (a file saved on Windows) or a lone carriage return; fields split at tabs.
    private func readBytes(_ bytes: UnsafeBufferPointer<UInt8>, path: String, fields count: ClosedRange<Int>,
                           _ body: (Fields, EarshotError.Place) throws -> Void) throws {
        var lineNumber = 0
        var start = 0
        var fields = Fields()
        // Line ends and tabs are found by the C library's memchr, many bytes at a time (byte
        // loops over the files' 260 KB cost ~2.5M instructions at start-up). `feed` is the next
        // line feed at or after `start`, kept across lines, so that a file whose lines end in
        // carriage returns alone is not searched to its end for each line.
        var feed = -1
        while start <= bytes.count {
            if feed < start { feed = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.count }
            // A carriage return before the line feed (a file saved on Windows, or an old Mac
            // one) ends the line there.
            let end = ByteSearch.firstIndex(of: 0x0D, in: UnsafeBufferPointer(rebasing: bytes[..<feed]), from: start) ?? feed
            defer { start = end + (end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1) }
            lineNumber += 1
            var lineStart = start
            if lineNumber == 1, end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { lineStart += 3 }
            let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
            if LexiconLoader.isComment(line) { continue }
            fields.ranges.emptyInPlace()
            fields.line = line
            var fieldStart = 0
            while fieldStart <= line.count {
                let index = ByteSearch.firstIndex(of: 0x09, in: line, from: fieldStart) ?? line.count
                var start = fieldStart, end = index
                while start < end, line[start] == 0x20 { start += 1 }
                while end > start, line[end - 1] == 0x20 { end -= 1 }
                if fields.ranges.isEmpty {
                    let term = UnsafeBufferPointer(rebasing: line[start..<end])
                    fields.plainTerm = !LexiconLoader.maySpace(term) && ByteKeyTable<Bool>.isPlain(term)
                    fields.term = fields.plainTerm ? "" : LexiconLoader.trimmed(term, lowercased: true, plain: false)
                }
                fields.ranges.append(start..<end)
                fieldStart = index + 1
            }
            var blank = true
            for index in 0..<fields.count where !fields.isEmpty(index) {
                blank = false
                break
            }
            if blank { continue }
            let place = EarshotError.Place(file: path, line: lineNumber)
            try check(fields, count, place)
            try body(fields, place)
        }
    }

    /// True when the first or the last character of `field` (valid UTF-8) may be a space
    /// separator (Unicode Zs) past ASCII: those begin with C2 (U+00A0), E1 (U+1680), E2
    /// (U+2000–U+205F) or E3 (U+3000).
    private static func maySpace(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first, let lastLead = field.last(where: { $0 & 0xC0 != 0x80 }) else { return false }
        func maySpace(_ lead: UInt8) -> Bool { lead == 0xC2 || (0xE1...0xE3).contains(lead) }
        return maySpace(first) || maySpace(lastLead)
    }

    /// True when the line's first character is `#` (not `#` with a mark, as in the keycap #️⃣).
    private static func isComment(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "#") else { return false }
        guard line.count > 1, line[1] >= 0x80 else { return true }
        return String(decoding: line, as: UTF8.self).hasPrefix("#")
    }

    /// The text of `bytes` (valid UTF-8) without the tabs and space separators at its ends
    /// (``trimmed(_:)-swift.type.method``), lower-cased when `lowercased`.
    /// - Parameter plain: whether `bytes` (trimmed already) are ``ByteKeyTable/isPlain(_:)``
    ///   and not ``maySpace(_:)``, when the caller knows it.
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool, plain: Bool? = nil) -> String {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x09 || bytes[start] == 0x20 { start += 1 }
        while end > start, bytes[end - 1] == 0x09 || bytes[end - 1] == 0x20 { end -= 1 }
        let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard !field.isEmpty else { return "" }
        if plain == true {
            // Not a space separator at either end; ASCII and unified Han, see below.
        } else if maySpace(field) {
            let text = trimmed(Substring(String(decoding: field, as: UTF8.self)))
            return lowercased ? text.lowercased() : text
        }
        guard lowercased else { return String(decoding: field, as: UTF8.self) }
        // ASCII and unified Han: only the ASCII letters change case.
        guard plain ?? ByteKeyTable<Bool>.isPlain(field) else { return String(decoding: field, as: UTF8.self).lowercased() }
        // Most terms are lower-case already: String(decoding:) is cheaper than the copy below.
        guard field.contains(where: { $0 &- 0x41 < 26 }) else { return String(decoding: field, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: field.count) { buffer in
            for (index, byte) in field.enumerated() { buffer[index] = byte &- 0x41 < 26 ? byte | 0x20 : byte }
            return field.count
        }
    }
}
