/// Brings a Malay word to the form the lexicon lists.
///
/// Colloquial spellings become their standard words (`x` → `tak`, `xpuas` → `tak puas`, as
/// separate words so that negation sees `tak`); reduplication collapses (`baik-baik`,
/// `cepat2` → `cepat`); and a derived word that the lexicon does not list is reduced to a
/// stem that it does, by removing the particles and suffixes (`-nya`, `-lah`, `-kah`, `-kan`,
/// `-an`, `-i`) and the prefixes (`ber-`, `ter-`, `di-`, `ke-`, `per-`, `pe-`, and `meN-`/`peN-`
/// with their sound changes: `memuaskan` → `puas`, `mengecewakan` → `kecewa`,
/// `menyeronokkan` → `seronok`). `ketidakpuasan` becomes `tidak puas`. English words of
/// code-mixed text are left alone. `se-` is not removed: `sebaik sahaja` means "as soon as",
/// so the lexicon lists the comparatives it means (`seteruk`, `sebaik ini`).
/// A class, so that the tokenizer's per-line stream and the language detector share it
/// without retaining each of its tables.
final class MalayNormaliser: Sendable {
    /// What ``words(_:)`` answers at once, in one lookup: a spelling's standard words, or nil
    /// for a word the Malay lexicon lists on its own (valence, negators, boosters, contrast,
    /// aspects) or an English valence word (left as it is in mixed text).
    let direct: ByteKeyTable<[String]?>
    /// The Malay lexicon's single words and the spellings (`ms/normalise.tsv`: variant →
    /// standard words), for lookups by bytes (``stem(_:)`` asks them for each candidate).
    let knownTable: ByteKeyTable<Bool>
    let spellingTable: ByteKeyTable<[String]>

    convenience init(lexicon: Lexicon) {
        self.init(lexicon: lexicon, malay: IndexedLexicon(lexicon["ms"]), english: IndexedLexicon(lexicon["en"]))
    }

    /// The normaliser of `lexicon`, whose Malay and English lists `malay` and `english` index
    /// (their keys are read as bytes: through the lists' `String`s, each was hashed and
    /// normalised again, ~4M instructions at start-up).
    init(lexicon: Lexicon, malay ms: IndexedLexicon, english en: IndexedLexicon) {
        var known = ByteKeyTable<Bool>.Builder(capacity: ms.table.values.count + 256)
        var direct = ByteKeyTable<[String]?>.Builder(capacity: ms.table.values.count + en.table.values.count + 256)
        // The single words of every Malay list are known and kept; English valence words are kept.
        ms.forEachKey(in: IndexedLexicon.allLists) { _, word in
            guard !word.contains(0x20) else { return }
            _ = known.index(ofCanonical: word, adding: true)
            _ = direct.index(ofCanonical: word, adding: nil)
        }
        en.forEachKey(in: .valence) { _, word in
            if !word.contains(0x20) { _ = direct.index(ofCanonical: word, adding: nil) }
        }
        let normalise = lexicon["ms"].normalise
        for (word, standard) in normalise { direct.values[direct.index(of: word, adding: nil)] = standard }
        self.direct = ByteKeyTable(direct)
        knownTable = ByteKeyTable(known)
        spellingTable = ByteKeyTable(normalise)
    }

    /// The affixes as ``hasNoAffix(_:)`` compares them on a word's packed end and start bytes
    /// (``PackedAffix``): built once, stored here so that the per-word test reads no `static let`.
    private let packedSuffixes = MalayNormaliser.suffixes.map { PackedAffix($0, atEnd: true) }
    private let packedPrefixes = MalayNormaliser.prefixes.map { PackedAffix($0.0, atEnd: false) }

    static let suffixes = ["nya", "lah", "kah", "kan", "an", "i"]
    /// Prefixes, longest first, with the consonant that `meN-`/`peN-` replaced before a vowel.
    static let prefixes: [(String, String?)] = [
        ("memper", nil), ("diper", nil), ("meng", "k"), ("meny", "s"), ("peng", "k"), ("peny", "s"),
        ("mem", "p"), ("men", "t"), ("pem", "p"), ("pen", "t"), ("ber", nil), ("ter", nil), ("per", nil),
        ("me", nil), ("pe", nil), ("be", nil), ("te", nil), ("di", nil), ("ke", nil),
    ]
    fileprivate static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// The standard words for one lower-cased word (usually one).
    func words(_ word: String) -> [String] {
        changedWords(word) ?? [word]
    }

    /// ``words(_:)``, or nil where that is `[word]` because the word stays as written (most
    /// words): the tokenizer's per-word call, which then builds no array.
    func changedWords(_ word: String) -> [String]? {
        // Spellings first, then known and English words, as separate lookups would give.
        let found = direct.index(of: word)
        if found >= 0 { return direct.values[found] }
        if let base = unreduplicated(word), base != word { return words(base) }
        return stem(word)
    }

    /// True when ``changedWords(_:)`` of the word whose UTF-8 bytes `word` holds is surely nil
    /// (the word stays as written), found without a `String`: a listed or English word, or a
    /// word with no reduplication mark (`2` at its end, `-`) and no affix. False when only
    /// ``changedWords(_:)`` can tell.
    func staysAsWritten(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = direct.index(forKeyBytes: word)
        if found >= 0 { return direct.values[found] == nil }
        if word.last == UInt8(ascii: "2") || word.contains(UInt8(ascii: "-")) { return false }
        return hasNoAffix(word)
    }

    /// ``changedWords(_:)`` of the lower-cased ASCII word of `bytes` when it is not listed
    /// (``direct``), neither ends with `2` nor holds a `-` (so is no reduplication), and has an
    /// affix (``staysAsWritten(_:)`` is false): its stem's words, or nil when it stays as
    /// written. Read on the bytes, without the `String` ``changedWords(_:)`` takes.
    func stemWords(ascii bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        stemmed(ASCIIWord(bytes: bytes))
    }

    /// `baik-baik` → `baik`, `berbulan-bulan` → `berbulan`, `cepat2` → `cepat`; nil otherwise.
    private func unreduplicated(_ word: String) -> String? {
        // Both forms need a last character `2` or a `-` somewhere: without those bytes, neither.
        var bytes = word
        guard bytes.withUTF8({ $0.last == UInt8(ascii: "2") || $0.contains(UInt8(ascii: "-")) }) else { return nil }
        if word.count > 2, word.hasSuffix("2"), word.dropLast().allSatisfy(\.isLetter) { return String(word.dropLast()) }
        // In an ASCII word (most) every byte is a character: the first `-` byte is the first `-`
        // character, found without walking characters.
        let ascii = word.utf8.allSatisfy { $0 < 0x80 }
        guard let dash = ascii ? word.utf8.firstIndex(of: UInt8(ascii: "-")) : word.firstIndex(of: "-") else { return nil }
        let left = word[..<dash], right = word[word.index(after: dash)...]
        guard !left.isEmpty, !right.isEmpty, left.hasSuffix(right) || right.hasSuffix(left) else { return nil }
        return String(left)
    }

    /// True when the word of UTF-8 bytes `bytes` is ASCII and neither ends with one of
    /// ``suffixes`` nor begins with one of ``prefixes`` (compared on bytes, which for ASCII is
    /// comparing characters): then ``stem(_:)`` has no candidate but the word itself and no
    /// prefix to remove. Each affix is one mask-and-compare on the word's packed last four
    /// (first eight) bytes (``PackedAffix``), not a loop over its bytes.
    func hasNoAffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The first eight bytes, the first lowest (`head`), and the last four, the last lowest
        // (`tail`): a word of eight bytes or more read a word at a time, a shorter one byte by
        // byte into `head` (a loop over the bytes with both cases in it cost ~17 instructions a byte).
        let count = bytes.count
        var head: UInt64 = 0, last: UInt64
        if count >= 8, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            head = raw.loadUnaligned(as: UInt64.self)
            last = raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            var seen = head | last, offset = 8
            while offset &+ 8 < count {
                seen |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset &+= 8
            }
            if seen & 0x8080_8080_8080_8080 != 0 { return false }
        } else {
            var seen: UInt8 = 0
            for offset in 0..<count {
                let byte = bytes[offset]
                seen |= byte
                head |= UInt64(byte) &<< UInt64(offset &* 8)
            }
            if seen >= 0x80 { return false }
            // The bytes at the top, as the last eight bytes of a longer word are (none for an empty one).
            last = count == 0 ? 0 : head &<< UInt64(64 &- count &* 8)
        }
        let tail = UInt64(UInt32(truncatingIfNeeded: last &>> 32).byteSwapped)
        // Most words end (begin) with a byte that ends (begins) no affix: one bit says so.
        if suffixEnds &>> (tail & 63) & 1 != 0 {
            for suffix in packedSuffixes where tail & suffix.mask == suffix.value { return false }
        }
        if prefixStarts &>> (head & 63) & 1 != 0 {
            for prefix in packedPrefixes where head & prefix.mask == prefix.value { return false }
        }
        return true
    }

    /// A bit (at `byte & 63`) for the last byte of each suffix and the first byte of each
    /// prefix, so that ``hasNoAffix(_:)`` compares a word with the affixes only when its last
    /// (first) byte may end (begin) one: bytes that share a bit only cost the comparisons.
    private let suffixEnds = MalayNormaliser.edgeBits(MalayNormaliser.suffixes.map { $0.utf8.last! })
    private let prefixStarts = MalayNormaliser.edgeBits(MalayNormaliser.prefixes.map { $0.0.utf8.first! })

    private static func edgeBits(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 | 1 &<< UInt64($1 & 63) }
    }

    /// An affix of one to four (suffix) or eight (prefix) bytes, none of them 0, packed as the
    /// word it ends (begins) is packed in ``hasNoAffix(_:)``: a suffix's last byte lowest, a
    /// prefix's first byte lowest. A word shorter than the affix has 0 where the affix has a
    /// byte, so `packed & mask == value` holds exactly when the word ends (begins) with it.
    struct PackedAffix: Sendable {
        let mask: UInt64
        let value: UInt64

        init(_ text: String, atEnd: Bool) {
            let bytes = Array(text.utf8)
            precondition(!bytes.isEmpty && bytes.count <= (atEnd ? 4 : 8) && !bytes.contains(0), "affix \(text) cannot be packed")
            var value: UInt64 = 0
            for (offset, byte) in (atEnd ? bytes.reversed() : bytes).enumerated() { value |= UInt64(byte) << (8 * UInt64(offset)) }
            self.value = value
            mask = bytes.count == 8 ? .max : (1 << (8 * UInt64(bytes.count))) - 1
        }
    }

    /// An affix as both word forms compare it: its text, its bytes and its number of characters.
    fileprivate struct Affix: Sendable {
        let text: String
        let bytes: [UInt8]
        let count: Int

        init(_ text: String) {
            self.text = text
            bytes = Array(text.utf8)
            count = text.count
        }
    }

    private static let suffixAffixes = suffixes.map(Affix.init)
    private static let prefixAffixes = prefixes.map { Affix($0.0) }
    /// The suffixes that a suffix may leave behind it (`-kan` + `-nya`).
    private static let innerSuffixes = ["kan", "an", "i"].map(Affix.init)
    private static let negatorAffixes = ["tidak", "tak"].map(Affix.init)

    /// The lexicon stem of a derived word, or nil when affix removal finds none. An ASCII word
    /// (most) is read on its bytes (``ASCIIWord``), any other as a `String`: one rule for both.
    private func stem(_ word: String) -> [String]? {
        var text = word
        let ascii = text.withUTF8 { bytes -> [String]?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            if hasNoAffix(bytes) { return .some(nil) }
            return .some(stemmed(ASCIIWord(bytes: bytes)))
        }
        if let ascii { return ascii }
        // Not ASCII: ``hasNoAffix(_:)`` is false.
        return stemmed(word)
    }

    /// ``stem(_:)`` of a word of either form.
    private func stemmed<Word: StemWord>(_ word: Word) -> [String]? {
        var candidates = [word]
        for (number, suffix) in MalayNormaliser.suffixAffixes.enumerated() where word.hasSuffix(suffix) {
            let shorter = word.droppingLast(suffix.count)
            candidates.append(shorter)
            for inner in MalayNormaliser.innerSuffixes where MalayNormaliser.suffixes[number] != inner.text && shorter.hasSuffix(inner) {
                candidates.append(shorter.droppingLast(inner.count))
            }
        }
        for candidate in candidates {
            if candidate != word, let found = lookup(candidate) { return found }
            for (number, prefix) in MalayNormaliser.prefixAffixes.enumerated() where candidate.hasPrefix(prefix) {
                let rest = candidate.droppingFirst(prefix.count)
                if let found = lookup(rest) { return found }
                if let replaced = MalayNormaliser.prefixes[number].1, rest.beginsWithVowel,
                   let found = rest.withPrefix(replaced, { lookup($0) }) {
                    return found
                }
            }
        }
        return nil
    }

    private func lookup<Word: StemWord>(_ stem: Word) -> [String]? {
        guard stem.characterCount >= 3 else { return nil }
        // The byte tables compare keys as `String`s compare.
        if stem.isKnown(in: knownTable) { return [stem.string] }
        if let standard = stem.spelling(in: spellingTable) { return standard }
        for negator in MalayNormaliser.negatorAffixes where stem.hasPrefix(negator) {
            let rest = stem.droppingFirst(negator.count)
            if rest.characterCount >= 3, rest.isKnown(in: knownTable) { return [negator.text, rest.string] }
        }
        return nil
    }

    /// A word as ``stem(_:)`` reads it: a `String`, or an ASCII word's bytes (``ASCIIWord``),
    /// where a character is a byte.
    fileprivate protocol StemWord: Equatable {
        var characterCount: Int { get }
        func hasSuffix(_ suffix: Affix) -> Bool
        func hasPrefix(_ prefix: Affix) -> Bool
        /// The word without its last (first) `count` characters.
        func droppingLast(_ count: Int) -> Self
        func droppingFirst(_ count: Int) -> Self
        /// The first character is one of ``vowels``.
        var beginsWithVowel: Bool { get }
        /// `body` of `prefix` followed by the word.
        func withPrefix<Result>(_ prefix: String, _ body: (Self) -> Result) -> Result
        /// True when `table` (compared as `String`s compare) holds the word.
        func isKnown(in table: ByteKeyTable<Bool>) -> Bool
        /// The standard words `table` gives the word, or nil.
        func spelling(in table: ByteKeyTable<[String]>) -> [String]?
        var string: String { get }
    }

    /// The bytes of an ASCII word (no carriage return: one character per byte, whose bytes are
    /// its NFC form), read in place.
    fileprivate struct ASCIIWord: StemWord {
        let bytes: UnsafeBufferPointer<UInt8>

        /// Lengths first: ``stem(_:)`` compares a word mostly with its shorter candidates.
        static func == (left: ASCIIWord, right: ASCIIWord) -> Bool {
            left.bytes.count == right.bytes.count && left.bytes.starts(at: 0, with: right.bytes)
        }

        var characterCount: Int { bytes.count }

        func hasSuffix(_ suffix: Affix) -> Bool {
            bytes.count >= suffix.bytes.count && suffix.bytes.withUnsafeBufferPointer { bytes.starts(at: bytes.count - $0.count, with: $0) }
        }

        func hasPrefix(_ prefix: Affix) -> Bool {
            bytes.count >= prefix.bytes.count && prefix.bytes.withUnsafeBufferPointer { bytes.starts(at: 0, with: $0) }
        }

        func droppingLast(_ count: Int) -> ASCIIWord {
            ASCIIWord(bytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - count)]))
        }

        func droppingFirst(_ count: Int) -> ASCIIWord {
            ASCIIWord(bytes: UnsafeBufferPointer(rebasing: bytes[count...]))
        }

        var beginsWithVowel: Bool {
            guard let first = bytes.first else { return false }
            return first == UInt8(ascii: "a") || first == UInt8(ascii: "e") || first == UInt8(ascii: "i") || first == UInt8(ascii: "o")
                || first == UInt8(ascii: "u")
        }

        func withPrefix<Result>(_ prefix: String, _ body: (ASCIIWord) -> Result) -> Result {
            let head = Array(prefix.utf8)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: head.count + bytes.count) { buffer in
                _ = buffer.initialize(fromContentsOf: head + bytes)
                return body(ASCIIWord(bytes: UnsafeBufferPointer(buffer)))
            }
        }

        func isKnown(in table: ByteKeyTable<Bool>) -> Bool {
            table.index(forBytes: bytes) >= 0
        }

        func spelling(in table: ByteKeyTable<[String]>) -> [String]? {
            table[plain: bytes]
        }

        var string: String { String(decoding: bytes, as: UTF8.self) }
    }
}

extension String: MalayNormaliser.StemWord {
    fileprivate var characterCount: Int { count }

    fileprivate func hasSuffix(_ suffix: MalayNormaliser.Affix) -> Bool {
        hasSuffix(suffix.text)
    }

    fileprivate func hasPrefix(_ prefix: MalayNormaliser.Affix) -> Bool {
        hasPrefix(prefix.text)
    }

    fileprivate func droppingLast(_ count: Int) -> String {
        String(dropLast(count))
    }

    fileprivate func droppingFirst(_ count: Int) -> String {
        String(dropFirst(count))
    }

    fileprivate var beginsWithVowel: Bool {
        guard let first else { return false }
        return MalayNormaliser.vowels.contains(first)
    }

    fileprivate func withPrefix<Result>(_ prefix: String, _ body: (String) -> Result) -> Result {
        body(prefix + self)
    }

    fileprivate func isKnown(in table: ByteKeyTable<Bool>) -> Bool {
        table.index(of: self) >= 0
    }

    fileprivate func spelling(in table: ByteKeyTable<[String]>) -> [String]? {
        table[self]
    }

    fileprivate var string: String { self }
}
