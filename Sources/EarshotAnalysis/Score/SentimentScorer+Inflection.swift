extension SentimentScorer {
    /// An English word the lexicon lacks, read through its base form: `dies` → `die`,
    /// `ignoring` → `ignore`. Only `-s`, `-es`, `-ies` and `-ing`, for words of four letters
    /// or more, and only to a base that is a sentiment term. (`-ed` is left alone: VADER
    /// rates `hand` 2.2, and `handed` is no praise.)
    ///
    /// The specification of ``inflectedTerm(_:in:)-(_,IndexedLexicon)``, which the scorer calls.
    static func inflectedTerm(_ word: String, in english: LanguageLexicon) -> (String, Double)? {
        guard mayBeInflected(word) else { return nil }
        var bases: [String] = []
        func strip(_ suffix: String, adding: [String] = [""]) {
            guard word.hasSuffix(suffix) else { return }
            let stem = String(word.dropLast(suffix.count))
            for end in adding { bases.append(stem + end) }
            if let last = stem.last, stem.count > 2, stem.dropLast().last == last { bases.append(String(stem.dropLast())) }
        }
        strip("ies", adding: ["y"])
        strip("es")
        strip("s")
        strip("ing", adding: ["", "e"])
        for base in bases where base.count >= 3 {
            if let valence = english.valence[base], valence != 0 { return (base, valence) }
        }
        return nil
    }

    /// True when ``inflectedTerm(_:in:)`` could read `word` through a base form: four
    /// lower-case ASCII letters or more, ending in `s` or `ing`.
    static func mayBeInflected(_ word: String) -> Bool {
        var word = word
        return word.withUTF8(mayBeInflected)
    }

    /// ``mayBeInflected(_:)`` of a word's UTF-8 bytes: with every byte a lower-case ASCII
    /// letter, bytes and characters agree.
    static func mayBeInflected(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count >= 4 else { return false }
        let last = bytes[count - 1]
        guard last == UInt8(ascii: "s")
            || (last == UInt8(ascii: "g") && bytes[count - 2] == UInt8(ascii: "n") && bytes[count - 3] == UInt8(ascii: "i")) else { return false }
        for byte in bytes where byte < 0x61 || byte > 0x7A { return false }
        return true
    }

    /// The suffixes ``inflectedTerm(_:in:)`` strips, in order, with what each base may end in.
    private static let inflections: [(suffix: [UInt8], ends: [[UInt8]])] = [
        (Array("ies".utf8), [Array("y".utf8)]),
        (Array("es".utf8), [[]]),
        (Array("s".utf8), [[]]),
        (Array("ing".utf8), [[], Array("e".utf8)]),
    ]

    /// ``inflectedTerm(_:in:)-(_,LanguageLexicon)`` on bytes: the same bases tried in the same
    /// order, each looked up in `english`'s table without building a `String` (only the base
    /// found becomes one).
    static func inflectedTerm(_ word: String, in english: IndexedLexicon) -> (String, Double)? {
        var word = word
        return word.withUTF8 { inflectedTerm($0, in: english) }
    }

    /// ``inflectedTerm(_:in:)-(_,IndexedLexicon)`` of a word's UTF-8 bytes.
    static func inflectedTerm(_ word: UnsafeBufferPointer<UInt8>, in english: IndexedLexicon) -> (String, Double)? {
        guard mayBeInflected(word) else { return nil }
        let bytes = Array(word)
        var candidate: [UInt8] = []
        candidate.reserveCapacity(bytes.count + 1)
        func tryBase(stem: Int, end: [UInt8]) -> Double? {
            guard stem + end.count >= 3 else { return nil }
            candidate.removeAll(keepingCapacity: true)
            candidate.append(contentsOf: bytes[0..<stem])
            candidate.append(contentsOf: end)
            let index = candidate.withUnsafeBufferPointer { english.table.index(forKeyBytes: $0) }
            guard index >= 0, let valence = english.kinds[index]?.valence, valence != 0 else { return nil }
            return valence
        }
        for (suffix, ends) in inflections where bytes.count >= suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) {
            let stem = bytes.count - suffix.count
            for end in ends {
                if let valence = tryBase(stem: stem, end: end) { return (String(decoding: candidate, as: UTF8.self), valence) }
            }
            if stem > 2, bytes[stem - 1] == bytes[stem - 2], let valence = tryBase(stem: stem - 1, end: []) {
                return (String(decoding: candidate, as: UTF8.self), valence)
            }
        }
        return nil
    }
}
