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

    init(lexicon: Lexicon) {
        let ms = lexicon["ms"]
        var known = ByteKeyTable<Bool>.Builder(capacity: ms.valence.count + ms.aspects.count + 256)
        var direct = ByteKeyTable<[String]?>.Builder(capacity: ms.valence.count + ms.aspects.count + lexicon["en"].valence.count + 256)
        /// Adds the single words of `terms` to `known` when `malay`, and to `direct` as kept.
        func add<Terms: Sequence>(_ terms: Terms, malay: Bool) where Terms.Element == String {
            for term in terms {
                ByteKeyTable<Bool>.withCanonicalBytes(term) { word in
                    guard !word.contains(0x20) else { return }
                    if malay { _ = known.index(ofCanonical: word, adding: true) }
                    _ = direct.index(ofCanonical: word, adding: nil)
                }
            }
        }
        for list in [ms.valence.keys, ms.negators.keys, ms.boosters.keys, ms.postBoosters.keys] { add(list, malay: true) }
        add(ms.contrast, malay: true)
        add(ms.aspects.keys, malay: true)
        add(lexicon["en"].valence.keys, malay: false)
        for (word, standard) in ms.normalise { direct.values[direct.index(of: word, adding: nil)] = standard }
        self.direct = ByteKeyTable(direct)
        knownTable = ByteKeyTable(known)
        spellingTable = ByteKeyTable(ms.normalise)
    }

    private static let suffixes = ["nya", "lah", "kah", "kan", "an", "i"]
    /// Prefixes, longest first, with the consonant that `meN-`/`peN-` replaced before a vowel.
    private static let prefixes: [(String, String?)] = [
        ("memper", nil), ("diper", nil), ("meng", "k"), ("meny", "s"), ("peng", "k"), ("peny", "s"),
        ("mem", "p"), ("men", "t"), ("pem", "p"), ("pen", "t"), ("ber", nil), ("ter", nil), ("per", nil),
        ("me", nil), ("pe", nil), ("be", nil), ("te", nil), ("di", nil), ("ke", nil),
    ]
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

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
        return MalayNormaliser.hasNoAffix(word)
    }

    /// `baik-baik` → `baik`, `berbulan-bulan` → `berbulan`, `cepat2` → `cepat`; nil otherwise.
    private func unreduplicated(_ word: String) -> String? {
        // Both forms need a last character `2` or a `-` somewhere: without those bytes, neither.
        var bytes = word
        guard bytes.withUTF8({ $0.last == UInt8(ascii: "2") || $0.contains(UInt8(ascii: "-")) }) else { return nil }
        if word.count > 2, word.hasSuffix("2"), word.dropLast().allSatisfy(\.isLetter) { return String(word.dropLast()) }
        guard let dash = word.firstIndex(of: "-") else { return nil }
        let left = word[..<dash], right = word[word.index(after: dash)...]
        guard !left.isEmpty, !right.isEmpty, left.hasSuffix(right) || right.hasSuffix(left) else { return nil }
        return String(left)
    }

    /// True when `word` is ASCII and neither ends with one of ``suffixes`` nor begins with
    /// one of ``prefixes`` (compared on bytes, which for ASCII is comparing characters):
    /// then ``stem(_:)`` has no candidate but the word itself and no prefix to remove.
    private static func hasNoAffix(_ word: String) -> Bool {
        var word = word
        return word.withUTF8(hasNoAffix)
    }

    /// ``hasNoAffix(_:)`` of a word's UTF-8 bytes.
    private static func hasNoAffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        for suffix in suffixBytes where bytes.count >= suffix.count && bytes[(bytes.count - suffix.count)...].elementsEqual(suffix) {
            return false
        }
        for prefix in prefixBytes where bytes.starts(with: prefix) { return false }
        return true
    }

    private static let suffixBytes = suffixes.map { Array($0.utf8) }
    private static let prefixBytes = prefixes.map { Array($0.0.utf8) }

    /// The lexicon stem of a derived word, or nil when affix removal finds none.
    private func stem(_ word: String) -> [String]? {
        if MalayNormaliser.hasNoAffix(word) { return nil }
        var candidates = [word]
        for suffix in MalayNormaliser.suffixes where word.hasSuffix(suffix) {
            let shorter = String(word.dropLast(suffix.count))
            candidates.append(shorter)
            for inner in ["kan", "an", "i"] where suffix != inner && shorter.hasSuffix(inner) {
                candidates.append(String(shorter.dropLast(inner.count)))
            }
        }
        for candidate in candidates {
            if candidate != word, let found = lookup(candidate) { return found }
            // An ASCII candidate's prefixes compared on bytes (the same answer as `hasPrefix` for ASCII).
            let asciiCandidate = MalayNormaliser.isASCII(candidate)
            for (number, (prefix, replaced)) in MalayNormaliser.prefixes.enumerated()
            where asciiCandidate ? MalayNormaliser.hasBytePrefix(candidate, MalayNormaliser.prefixBytes[number]) : candidate.hasPrefix(prefix) {
                let rest = String(candidate.dropFirst(prefix.count))
                if let found = lookup(rest) { return found }
                if let replaced, let first = rest.first, MalayNormaliser.vowels.contains(first), let found = lookup(replaced + rest) {
                    return found
                }
            }
        }
        return nil
    }

    private func lookup(_ stem: String) -> [String]? {
        guard stem.count >= 3 else { return nil }
        // The byte tables compare keys as `String`s compare.
        if knownTable.index(of: stem) >= 0 { return [stem] }
        if let standard = spellingTable[stem] { return standard }
        for negator in ["tidak", "tak"] where stem.hasPrefix(negator) {
            let rest = String(stem.dropFirst(negator.count))
            if rest.count >= 3, knownTable.index(of: rest) >= 0 { return [negator, rest] }
        }
        return nil
    }

    /// True when every byte of `word` is ASCII.
    private static func isASCII(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 } }
    }

    /// True when the UTF-8 bytes of `word` begin with `prefix`.
    private static func hasBytePrefix(_ word: String, _ prefix: [UInt8]) -> Bool {
        var word = word
        return word.withUTF8 { $0.starts(with: prefix) }
    }
}
