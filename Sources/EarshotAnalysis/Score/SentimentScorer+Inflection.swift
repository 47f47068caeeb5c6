extension SentimentScorer {
    /// An English word the lexicon lacks, read through its base form: `dies` → `die`,
    /// `ignoring` → `ignore`. Only `-s`, `-es`, `-ies` and `-ing`, for words of four letters
    /// or more, and only to a base that is a sentiment term. (`-ed` is left alone: VADER
    /// rates `hand` 2.2, and `handed` is no praise.) A new ending must be added to the endings
    /// ``WordTable/kindlessRole`` leaves to the span search (`t`, `s`, `g`).
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

    /// ``inflectedTerm(_:in:)-(_,LanguageLexicon)`` on bytes: the same bases tried in the same
    /// order, each looked up in `english`'s table without building a `String` (only the base
    /// found becomes one).
    static func inflectedTerm(_ word: String, in english: IndexedLexicon) -> (String, Double)? {
        var word = word
        return word.withUTF8 { inflectedTerm($0, in: english) }
    }

    /// ``inflectedTerm(_:in:)-(_,IndexedLexicon)`` of a word's UTF-8 bytes.
    static func inflectedTerm(_ word: UnsafeBufferPointer<UInt8>, in english: IndexedLexicon) -> (String, Double)? {
        inflectedBase(word, in: english) { base, valence in (String(decoding: base, as: UTF8.self), valence) }
    }

    /// The valence of ``inflectedTerm(_:in:)-(_,IndexedLexicon)``, without making the base a `String`.
    static func inflectedValence(_ word: UnsafeBufferPointer<UInt8>, in english: IndexedLexicon) -> Double? {
        inflectedBase(word, in: english) { _, valence in valence }
    }

    /// The base and valence that ``inflectedTerm(_:in:)-(_,LanguageLexicon)`` finds for a word's
    /// bytes, handed to `body`: the suffixes -ies (base + y), -es, -s and -ing (base, base + e)
    /// in that order, each also with a doubled last letter undone ("stopping" → "stop"); the
    /// candidates are built in one scratch buffer.
    private static func inflectedBase<R>(_ word: UnsafeBufferPointer<UInt8>, in english: IndexedLexicon,
                                         _ body: (UnsafeBufferPointer<UInt8>, Double) -> R) -> R? {
        guard mayBeInflected(word) else { return nil }
        let count = word.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count + 1) { candidate -> R? in
            // The valence of `word[0..<stem]` followed by `end` (0: nothing), when it is a sentiment term.
            func tryBase(stem: Int, end: UInt8) -> R? {
                let length = stem + (end == 0 ? 0 : 1)
                guard length >= 3 else { return nil }
                for offset in 0..<stem { candidate[offset] = word[offset] }
                if end != 0 { candidate[stem] = end }
                let base = UnsafeBufferPointer(rebasing: candidate[0..<length])
                let index = english.table.index(forKeyBytes: base)
                guard index >= 0, let valence = english.kinds[index]?.valence, valence != 0 else { return nil }
                return body(base, valence)
            }
            func endsWith(_ suffix: StaticString) -> Bool {
                let length = suffix.utf8CodeUnitCount
                return count >= length && suffix.withUTF8Buffer { word.starts(at: count - length, with: $0) }
            }
            // The stem with `end`, then with `otherEnd`, then with a doubled last letter undone.
            func tryStem(_ stem: Int, end: UInt8, otherEnd: UInt8? = nil) -> R? {
                if let found = tryBase(stem: stem, end: end) { return found }
                if let otherEnd, let found = tryBase(stem: stem, end: otherEnd) { return found }
                if stem > 2, word[stem - 1] == word[stem - 2] { return tryBase(stem: stem - 1, end: 0) }
                return nil
            }
            if endsWith("ies"), let found = tryStem(count - 3, end: UInt8(ascii: "y")) { return found }
            if endsWith("es"), let found = tryStem(count - 2, end: 0) { return found }
            if endsWith("s"), let found = tryStem(count - 1, end: 0) { return found }
            if endsWith("ing"), let found = tryStem(count - 3, end: 0, otherEnd: UInt8(ascii: "e")) { return found }
            return nil
        }
    }
}
