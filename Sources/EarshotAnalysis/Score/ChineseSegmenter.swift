/// Splits a run of Chinese characters into words by bidirectional maximum matching over a
/// dictionary: the union of every `zh` lexicon list.
///
/// Forward and backward maximum matching each propose a segmentation; the one with fewer
/// words wins, then the one with fewer stray characters (single characters the dictionary
/// does not list: `拒` in `拒` `绝了`, where forward matching reads `拒绝` `了`), then the one
/// with fewer single characters, then the backward one (it errs less in Chinese, and keeps
/// `根本没收到` as `根本` `没收到` where forward matching would read `根本没` `收到`). A word that begins with a negator and is not itself a sentiment
/// term, negator, booster, contrast word or listed neutral word (an aspect entry such as
/// `不好用`, say) is split into the negator and the rest when the rest is a sentiment term,
/// so `不` + adjective scores the same whether segmentation splits it or not.
struct ChineseSegmenter: Sendable {
    let dictionary: Set<String>
    let maxWord: Int
    /// Negators, longest first.
    let negators: [String]
    /// The first scalar of each negator, and whether every negator is ASCII and unified Han
    /// only (``ByteKeyTable/isPlain(_:)``), where a prefix is a prefix of bytes.
    let negatorStarts: Set<Unicode.Scalar>
    let negatorsPlain: Bool
    let valence: Set<String>
    let boosters: Set<String>
    /// Words that must not be split: sentiment terms, negators, boosters, contrast and neutral words.
    let whole: Set<String>
    /// The most characters of a dictionary word that starts (or ends) with a character, so
    /// that maximum matching only builds candidates that can be in the dictionary.
    let longestStarting: [String: Int]
    let longestEnding: [String: Int]
    /// ``dictionary``, ``longestStarting`` and ``longestEnding`` for lookups by bytes.
    let dictionaryTable: ByteKeyTable<Bool>
    let startingTable: ByteKeyTable<Int>
    let endingTable: ByteKeyTable<Int>

    init(lexicon: LanguageLexicon) {
        var whole = lexicon.words
        whole.formUnion(lexicon.valence.keys)
        whole.formUnion(lexicon.negators.keys)
        whole.formUnion(lexicon.boosters.keys)
        whole.formUnion(lexicon.postBoosters.keys)
        whole.formUnion(lexicon.contrast)
        var dictionary = whole
        dictionary.formUnion(lexicon.aspects.keys)
        self.dictionary = dictionary.filter { !$0.utf8.contains(0x20) }
        self.whole = whole
        maxWord = min(8, max(1, self.dictionary.map(\.count).max() ?? 1))
        var longestStarting: [String: Int] = [:], longestEnding: [String: Int] = [:]
        for word in self.dictionary {
            guard let first = word.first.map(String.init), let last = word.last.map(String.init) else { continue }
            let length = word.count
            longestStarting[first] = max(longestStarting[first] ?? 1, length)
            longestEnding[last] = max(longestEnding[last] ?? 1, length)
        }
        self.longestStarting = longestStarting
        self.longestEnding = longestEnding
        dictionaryTable = ByteKeyTable(Dictionary(uniqueKeysWithValues: self.dictionary.map { ($0, true) }))
        startingTable = ByteKeyTable(longestStarting)
        endingTable = ByteKeyTable(longestEnding)
        negators = lexicon.negators.keys.sorted { $0.count > $1.count }
        negatorStarts = Set(negators.compactMap(\.unicodeScalars.first))
        negatorsPlain = negators.allSatisfy { $0.utf8.withContiguousStorageIfAvailable(ByteKeyTable<Bool>.isPlain) == true }
        valence = Set(lexicon.valence.keys)
        boosters = Set(lexicon.boosters.keys)
    }

    /// The words of `run`, a string of Chinese characters.
    func segment(_ run: String) -> [String] {
        let characters = Run(run)
        // Both matchings give character ranges; only the chosen words become strings.
        let forward = forwardMatch(characters)
        guard forward.count > 1 else { return forward.flatMap { splitNegator(characters[$0]) } }
        let backward = backwardMatch(characters)
        let chosen: [Range<Int>]
        if forward.count != backward.count {
            chosen = forward.count < backward.count ? forward : backward
        } else {
            // Fewer stray characters (single characters the dictionary lacks), then fewer single characters.
            let strayForward = stray(forward, characters), strayBackward = stray(backward, characters)
            if strayForward != strayBackward {
                chosen = strayForward < strayBackward ? forward : backward
            } else {
                chosen = singles(forward, characters) < singles(backward, characters) ? forward : backward
            }
        }
        return chosen.flatMap { splitNegator(characters[$0]) }
    }

    /// True when the word of `range` is a single character (counted as its `String` counts).
    private func isSingle(_ range: Range<Int>, _ characters: Run) -> Bool {
        characters.hanOnly ? range.count == 1 : characters[range].count == 1
    }

    /// How many words are single characters the dictionary lacks.
    private func stray(_ words: [Range<Int>], _ characters: Run) -> Int {
        words.count { isSingle($0, characters) && characters.lookUp($0, in: dictionaryTable) == nil }
    }

    /// How many words are single characters.
    private func singles(_ words: [Range<Int>], _ characters: Run) -> Int {
        words.count { isSingle($0, characters) }
    }

    /// A run's UTF-8 bytes and where each of its characters starts, so that a candidate word
    /// is made straight from its bytes.
    private struct Run {
        let bytes: [UInt8]
        /// The byte offset of each character, then the byte count.
        let offsets: [Int]
        /// True when every character is a unified Han character of three bytes.
        let hanOnly: Bool

        init(_ text: String) {
            bytes = Array(text.utf8)
            // Unified Han characters only: each is a `Character` of three bytes.
            hanOnly = bytes.withUnsafeBufferPointer { ByteKeyTable<Bool>.isPlain($0) && !$0.contains { $0 < 0x80 } }
            if hanOnly {
                offsets = Array(stride(from: 0, through: bytes.count, by: 3))
                return
            }
            var offsets = [0]
            for character in text { offsets.append(offsets[offsets.count - 1] + character.utf8.count) }
            self.offsets = offsets
        }

        /// The entry of `table` for characters `range`, looked up by their bytes.
        func lookUp<Value>(_ range: Range<Int>, in table: ByteKeyTable<Value>) -> Value? {
            bytes.withUnsafeBufferPointer { table.value(forKeyBytes: UnsafeBufferPointer(rebasing: $0[offsets[range.lowerBound]..<offsets[range.upperBound]])) }
        }

        /// The number of characters.
        var count: Int { offsets.count - 1 }

        /// Characters `range` as a string.
        subscript(range: Range<Int>) -> String {
            bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[range.lowerBound]..<offsets[range.upperBound]]), as: UTF8.self) }
        }
    }

    private func forwardMatch(_ characters: Run) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            var length = min(maxWord, characters.count - index, characters.lookUp(index..<(index + 1), in: startingTable) ?? 1)
            while length > 1, characters.lookUp(index..<(index + length), in: dictionaryTable) == nil { length -= 1 }
            result.append(index..<(index + length))
            index += length
        }
        return result
    }

    private func backwardMatch(_ characters: Run) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var end = characters.count
        while end > 0 {
            var length = min(maxWord, end, characters.lookUp((end - 1)..<end, in: endingTable) ?? 1)
            while length > 1, characters.lookUp((end - length)..<end, in: dictionaryTable) == nil { length -= 1 }
            result.append((end - length)..<end)
            end -= length
        }
        return result.reversed()
    }

    /// `不好用` (kept whole by the dictionary but not a sentiment term) → `不` `好用`.
    private func splitNegator(_ word: String) -> [String] {
        // A word of unified Han characters can only begin with a negator that begins with its
        // first character (asked first: it is cheaper than the questions below, and both give [word]).
        if negatorsPlain, let first = word.unicodeScalars.first, !negatorStarts.contains(first),
           word.utf8.withContiguousStorageIfAvailable(ByteKeyTable<Bool>.isPlain) == true {
            return [word]
        }
        guard word.count > 1, !whole.contains(word) else { return [word] }
        for negator in negators where word.count > negator.count && word.hasPrefix(negator) {
            let rest = String(word.dropFirst(negator.count))
            if valence.contains(rest) { return [negator, rest] }
            for booster in boosters where rest.count > booster.count && rest.hasPrefix(booster) {
                let term = String(rest.dropFirst(booster.count))
                if valence.contains(term) { return [negator, booster, term] }
            }
        }
        return [word]
    }
}
