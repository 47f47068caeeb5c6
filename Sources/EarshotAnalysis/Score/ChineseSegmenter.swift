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
    /// What the `zh` lists make of one key.
    struct Role: OptionSet, Sendable {
        let rawValue: UInt8
        /// A word of the segmentation dictionary (an entry of one word).
        static let dictionary = Role(rawValue: 1)
        /// A word that must not be split: a sentiment term, negator, booster, contrast or neutral word.
        static let whole = Role(rawValue: 2)
        static let valence = Role(rawValue: 4)
        static let booster = Role(rawValue: 8)
    }

    /// Every key of the `zh` lists with its ``Role``.
    let roles: ByteKeyTable<Role>
    let maxWord: Int
    /// Negators, longest first.
    let negators: [String]
    /// The first scalar value of each negator (a few), and whether every negator is ASCII and
    /// unified Han only (``ByteKeyTable/isPlain(_:)``), where a prefix is a prefix of bytes.
    let negatorStarts: [UInt32]
    let negatorsPlain: Bool
    /// A bit per value of ``negatorStarts`` modulo 4,096: a word whose first scalar's bit is
    /// clear begins with no negator, found with one load. (Most words begin with none, and
    /// `negatorStarts.contains` compared each of its ~30 values: ~145 instructions a Chinese word.)
    private let negatorStartBits: [UInt64]
    /// The boosters written before a word.
    let boosters: [String]
    /// ``negators`` and ``boosters`` as ``HanWord``s, for words of the byte path.
    private let splitWords: SplitWords
    /// The most characters of a dictionary word that starts (or ends) with a character, so
    /// that maximum matching only builds candidates that can be in the dictionary; for lookups
    /// by NFC bytes, of the characters ``edgeLengths`` does not hold (few: ASCII, Han beyond).
    let startingTable: ByteKeyTable<Int>
    let endingTable: ByteKeyTable<Int>
    /// A bit per ``filterSlot(_:)`` of every dictionary word of four bytes or more: a candidate
    /// whose bit is clear is no dictionary word, found without a probe. Most candidates of the
    /// maximum matchings are none (a probe hashes the candidate, ~90 instructions; this ~15),
    /// and with a few thousand words few clear candidates share a set bit.
    private let wordFilter: [UInt64]
    private static let filterBits = 16
    /// The edge lengths (starting in the low four bits, ending in the high four) of the unified
    /// Han characters U+3400–U+9FFF, which the tables do not hold, at `scalar - 0x3400`: 0 for a
    /// character that starts (ends) no word, at most 15 (``maxWord`` is 8 or less). The matchings
    /// ask once per character, and a table probe cost ~90 instructions.
    private let edgeLengths: [UInt8]
    private static let edgeBase: UInt32 = 0x3400, edgeEnd: UInt32 = 0xA000

    init(lexicon: LanguageLexicon) {
        self.init(lexicon: lexicon, indexed: IndexedLexicon(lexicon))
    }

    /// The segmenter of `lexicon`, whose lists `indexed` indexes: their keys are read as bytes
    /// (through the lists' `String`s, each was hashed and normalised again, ~3M instructions
    /// at start-up).
    init(lexicon: LanguageLexicon, indexed: IndexedLexicon) {
        // The loaded words' bytes, as they are (their `Set` would be made for this alone).
        var builder = lexicon.loaded.words.mapValues { _ in Role.whole }
        builder.reserve(indexed.table.values.count)
        indexed.forEachKey(in: IndexedLexicon.allLists) { index, key in
            let lists = indexed.lists[index]
            var role: Role = lists.isDisjoint(with: [.valence, .negators, .boosters, .postBoosters, .contrast]) ? [] : .whole
            if lists.contains(.valence) { role.insert(.valence) }
            if lists.contains(.boosters) { role.insert(.booster) }
            builder.values[builder.index(ofCanonical: key, adding: [])].formUnion(role)
        }
        // The edge lengths of a unified Han character go in ``edgeLengths`` (most words' first
        // and last characters: a table insert each cost ~2M instructions at start-up), any
        // other character's in the tables.
        var starting = ByteKeyTable<Int>.Builder(), ending = ByteKeyTable<Int>.Builder()
        // (Written through a pointer: the array captured by `note` was checked for uniqueness
        // and boxed at each write.)
        let edges = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Int(ChineseSegmenter.edgeEnd - ChineseSegmenter.edgeBase))
        edges.initialize(repeating: 0)
        defer { edges.deallocate() }
        @inline(__always)
        func note(_ character: UnsafeBufferPointer<UInt8>, _ length: Int, in table: inout ByteKeyTable<Int>.Builder, shift: UInt8) {
            guard character.count == 3, let slot = ChineseSegmenter.edgeSlot(character, at: 0) else {
                let index = table.index(ofCanonical: character, adding: 1)
                table.values[index] = max(table.values[index], length)
                return
            }
            let held = (edges[slot] &>> shift) & 0x0F
            edges[slot] = edges[slot] & ~(0x0F << shift) | max(held, UInt8(min(length, 15))) << shift
        }
        var longest = 1
        for index in builder.values.indices {
            // The key read in place (a copy of each cost an allocation at start-up); the role is
            // set after the read, which borrows the builder.
            let isWord = builder.withKey(index) { word -> Bool in
                guard !word.contains(0x20) else { return false }
                guard !word.isEmpty else { return true }
                ChineseSegmenter.withEnds(word) { first, last, length in
                    longest = max(longest, length)
                    note(first, length, in: &starting, shift: 0)
                    note(last, length, in: &ending, shift: 4)
                }
                return true
            }
            if isWord { builder.values[index].insert(.dictionary) }
        }
        let roles = ByteKeyTable(builder)
        self.roles = roles
        var filter = [UInt64](repeating: 0, count: 1 << (ChineseSegmenter.filterBits - 6))
        let values = roles.values
        roles.forEachKey { index, key in
            guard key.count >= 4, values[index].contains(.dictionary) else { return }
            let slot = ChineseSegmenter.filterSlot(key)
            filter[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        wordFilter = filter
        maxWord = min(8, longest)
        startingTable = ByteKeyTable(starting)
        endingTable = ByteKeyTable(ending)
        edgeLengths = Array(edges)
        // Each negator's character count worked out once: the sort compared `String.count`s,
        // two walks of characters a comparison.
        negators = lexicon.negators.keys.map { ($0, $0.count) }.sorted { $0.1 > $1.1 }.map(\.0)
        negatorStarts = Array(Set(negators.compactMap { $0.unicodeScalars.first?.value }))
        var startBits = [UInt64](repeating: 0, count: 64)
        for value in negatorStarts { startBits[Int(value & 4095) >> 6] |= 1 << UInt64(value & 63) }
        negatorStartBits = startBits
        negatorsPlain = negators.allSatisfy { $0.utf8.withContiguousStorageIfAvailable(ByteKeyTable<Bool>.isPlain) == true }
        boosters = Array(lexicon.boosters.keys)
        splitWords = SplitWords(negators: negators, boosters: boosters)
    }

    /// Calls `body` with the NFC bytes of the first and the last character of `word` (NFC
    /// bytes, not empty) and its number of characters. A word of ASCII without a carriage
    /// return and unified Han has one character per scalar.
    private static func withEnds(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, Int) -> Void) {
        if ByteKeyTable<Role>.isPlain(word), !word.contains(0x0D) {
            let firstLength = word[0] < 0x80 ? 1 : 3, lastLength = word[word.count - 1] < 0x80 ? 1 : 3
            // (``ByteKeyTable/characterCount(_:)`` without asking `isPlain` again.)
            return body(UnsafeBufferPointer(rebasing: word[..<firstLength]), UnsafeBufferPointer(rebasing: word[(word.count - lastLength)...]),
                        ByteKeyTable<Role>.scalarCount(word))
        }
        let text = String(decoding: word, as: UTF8.self)
        ByteKeyTable<Role>.withCanonicalBytes(String(text.first!)) { first in
            ByteKeyTable<Role>.withCanonicalBytes(String(text.last!)) { last in body(first, last, text.count) }
        }
    }

    /// True when the dictionary lists the word of characters `range` of `characters` (at most
    /// ``maxWord`` of them). `known` holds the answers so far, one per start and length
    /// (0: not asked, -1: no, yes: the word's index in ``roles`` + 1, which ``emit(_:_:known:_:)``
    /// hands on): the backward matching asks for many of the words that the forward one asked
    /// for, and a probe hashes the word's bytes.
    /// (Inline: the filter made it large enough that the compiler called it, ~20 instructions a line.)
    @inline(__always)
    private func inDictionary(_ range: Range<Int>, _ characters: Run, known: UnsafeMutablePointer<Int32>) -> Bool {
        let slot = known + (range.lowerBound &* max(maxWord, 1) &+ range.count &- 1)
        if slot.pointee != 0 { return slot.pointee > 0 }
        // Looked up by its bytes as they are (``Run/plain``): the filter holds those of every word.
        if characters.plain {
            let bytes = characters.bytes(range)
            if bytes.count >= 4, !mayBeWord(bytes) {
                slot.pointee = -1
                return false
            }
        }
        let index = characters.index(range, in: roles)
        let found = index >= 0 && roles.values[index].contains(.dictionary)
        slot.pointee = found ? Int32(truncatingIfNeeded: index) &+ 1 : -1
        return found
    }

    /// False when ``wordFilter`` shows that `bytes` (four or more) are no dictionary word.
    @inline(__always)
    private func mayBeWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let slot = ChineseSegmenter.filterSlot(bytes)
        return wordFilter.withUnsafeBufferPointer { $0[slot &>> 6] } & (1 &<< UInt64(slot & 63)) != 0
    }

    /// The ``wordFilter`` bit of a word of four bytes or more: its first four and last four
    /// bytes and its length, mixed by one multiplication.
    @inline(__always)
    private static func filterSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let base = UnsafeRawPointer(bytes.baseAddress!), count = bytes.count
        let ends = UInt64(base.loadUnaligned(as: UInt32.self)) | UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)) << 32
        let mixed = (ends ^ UInt64(truncatingIfNeeded: count) &* 0x2545_F491_4F6C_DD1D) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> UInt64(64 - filterBits))
    }

    /// The ``edgeLengths`` index of the three-byte character at `offset` of `bytes`, or nil
    /// when it is no character of U+3400–U+9FFF.
    @inline(__always)
    private static func edgeSlot(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        guard bytes[offset] & 0xF0 == 0xE0 else { return nil }
        let value = UInt32(bytes[offset] & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
        guard value >= edgeBase, value < edgeEnd else { return nil }
        return Int(value &- edgeBase)
    }

    /// The most characters of a dictionary word that starts (ends) with character `index` of
    /// `characters`, or 1 when none does: from ``edgeLengths`` (`shift` picks its half) for a
    /// unified Han character, else from `table` (``startingTable`` or ``endingTable``).
    @inline(__always)
    private func edgeLength(_ index: Int, _ characters: Run, table: ByteKeyTable<Int>, shift: UInt8) -> Int {
        // A plain run of three-byte characters is looked up by its bytes.
        if characters.plain, characters.offsets == nil, let slot = ChineseSegmenter.edgeSlot(characters.text, at: 3 &* index) {
            let length = Int((edgeLengths[slot] &>> shift) & 0x0F)
            return length == 0 ? 1 : length
        }
        // Any other character by its NFC bytes, as the tables were built.
        let lookUp = { (character: UnsafeBufferPointer<UInt8>) -> Int in
            if character.count == 3, let slot = ChineseSegmenter.edgeSlot(character, at: 0) {
                let length = Int((edgeLengths[slot] &>> shift) & 0x0F)
                return length == 0 ? 1 : length
            }
            return table[plain: character] ?? 1
        }
        let bytes = characters.bytes(index..<(index + 1))
        return characters.plain ? lookUp(bytes) : ByteKeyTable<Int>.withCanonicalBytes(String(decoding: bytes, as: UTF8.self), lookUp)
    }

    /// The words of `run`, a string of Chinese characters.
    func segment(_ run: String) -> [String] {
        var words: [String] = []
        var text = run
        text.withUTF8 { bytes in
            // Each character's byte offset, unless each is a unified Han character of three bytes.
            var offsets: [Int]?
            if !(ByteKeyTable<Bool>.isPlain(bytes) && !bytes.contains { $0 < 0x80 }) {
                var found = [0]
                for character in run { found.append(found[found.count - 1] + character.utf8.count) }
                offsets = found
            }
            segment(Run(bytes: bytes, offsets: offsets)) { word, _ in words.append(String(decoding: word, as: UTF8.self)) }
        }
        return words
    }

    /// The words of a run of Han characters of three UTF-8 bytes each (each a `Character` of its
    /// own), as ``segment(_:)`` gives them, passed to `body` as bytes (valid during the call).
    /// - Parameter compatibility: whether the run has a compatibility ideograph (lead byte EF),
    ///   as the caller's scan found: without one every character is plain (``Run/plain``).
    ///   The second argument of `body` is the word's index in ``roles`` when the matchings looked
    ///   it up there (a dictionary word of a plain run), or -1.
    func segment(hanBytes: UnsafeBufferPointer<UInt8>, compatibility: Bool, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        segment(Run(bytes: hanBytes, plain: !compatibility), body)
    }

    private func segment(_ characters: Run, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let count = characters.count
        guard count > 0 else { return }
        // Each matching's word boundaries in character offsets, ascending (0 first, `count` last).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (count + 1)) { buffer in
            // The dictionary's answers (``inDictionary(_:_:known:)``), shared by the matchings.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: count * max(maxWord, 1)) { answers in
                let known = answers.baseAddress!
                known.initialize(repeating: 0, count: count * max(maxWord, 1))
                let base = buffer.baseAddress!
                // Each character's edge lengths (``edgeLength(_:_:table:shift:)``), worked out once:
                // a word of `n` characters is in the dictionary only when its first character starts,
                // and its last ends, a word of `n` or more, so the matchings pass over the other
                // candidates with no filter or probe.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * count) { edges in
                    let starts = edges.baseAddress!, ends = starts + count
                    edgeLengths.withUnsafeBufferPointer { table in
                        for index in 0..<count {
                            // Both from one read of ``edgeLengths`` where it answers (0 there is 1).
                            if characters.plain, characters.offsets == nil, let slot = ChineseSegmenter.edgeSlot(characters.text, at: 3 &* index) {
                                let lengths = table[slot]
                                starts[index] = max(lengths & 0x0F, 1)
                                ends[index] = max(lengths &>> 4, 1)
                            } else {
                                starts[index] = UInt8(min(edgeLength(index, characters, table: startingTable, shift: 0), 255))
                                ends[index] = UInt8(min(edgeLength(index, characters, table: endingTable, shift: 4), 255))
                            }
                        }
                    }
                    matched(characters, boundaries: base, known: known, starts: starts, ends: ends, body)
                }
            }
        }
    }

    /// ``segment(_:_:)`` once the edge lengths of every character are known (`starts`, `ends`).
    private func matched(_ characters: Run, boundaries base: UnsafeMutablePointer<Int>, known: UnsafeMutablePointer<Int32>,
                         starts: UnsafePointer<UInt8>, ends: UnsafePointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        let count = characters.count
        let forward = forwardMatch(characters, into: base, known: known, starts: starts, ends: ends)
        guard forward.count > 2 else { return emit(forward, characters, known: known, body) }
        let backward = backwardMatch(characters, into: base + count + 1, known: known, starts: starts, ends: ends)
        let chosen: UnsafeBufferPointer<Int>
        if forward.count != backward.count {
            chosen = forward.count < backward.count ? forward : backward
        } else if ChineseSegmenter.sameBoundaries(forward, backward) {
            // The same words (most runs): the questions below would tie.
            chosen = backward
        } else {
            // Fewer stray characters (single characters the dictionary lacks), then fewer single characters.
            let strayForward = stray(forward, characters, known: known), strayBackward = stray(backward, characters, known: known)
            if strayForward != strayBackward {
                chosen = strayForward < strayBackward ? forward : backward
            } else {
                chosen = singles(forward, characters) < singles(backward, characters) ? forward : backward
            }
        }
        emit(chosen, characters, known: known, body)
    }

    /// True when the two matchings' boundaries, of one count, are the same: compared by index
    /// (`elementsEqual` walked two iterators, ~190 instructions a Chinese line of the bench).
    @inline(__always)
    private static func sameBoundaries(_ forward: UnsafeBufferPointer<Int>, _ backward: UnsafeBufferPointer<Int>) -> Bool {
        for index in 0..<forward.count where forward[index] != backward[index] { return false }
        return true
    }

    /// Passes the words between `boundaries` to `body`, each split at a negator where it must be.
    /// `known`: ``inDictionary(_:_:known:)``'s answers, whose ``roles`` index of a word kept
    /// whole is passed on to `body` (-1 when not asked), so that the caller needs no probe.
    private func emit(_ boundaries: UnsafeBufferPointer<Int>, _ characters: Run, known: UnsafeMutablePointer<Int32>,
                      _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
        for index in 1..<boundaries.count {
            let range = boundaries[index - 1]..<boundaries[index]
            let word = characters.bytes(range)
            // A word of a plain run of the byte path is plain (``mayBeSplit(_:plain:)``).
            guard mayBeSplit(word, plain: characters.plain && characters.offsets == nil) else {
                // (Answers of plain runs only: those were looked up by their bytes as they are.)
                let answer = characters.plain && range.count <= maxWord
                    ? known[range.lowerBound &* max(maxWord, 1) &+ range.count &- 1] : 0
                body(word, answer > 0 ? Int(answer) &- 1 : -1)
                continue
            }
            guard characters.offsets == nil else {
                // Characters of other lengths (the `String` path): read as a `String`.
                splitNegator(String(decoding: word, as: UTF8.self), negators: negators, boosters: boosters) { part in
                    var part = part
                    part.withUTF8 { body($0, -1) }
                }
                continue
            }
            HanWord.withWord(word) { word in
                splitNegator(word, negators: splitWords.negators, boosters: splitWords.boosters) { body($0.written, -1) }
            }
        }
    }

    /// True when the word of `range` is a single character (counted as its `String` counts).
    private func isSingle(_ range: Range<Int>, _ characters: Run) -> Bool {
        characters.offsets == nil ? range.count == 1 : String(decoding: characters.bytes(range), as: UTF8.self).count == 1
    }

    /// How many words between `boundaries` are single characters the dictionary lacks.
    private func stray(_ boundaries: UnsafeBufferPointer<Int>, _ characters: Run, known: UnsafeMutablePointer<Int32>) -> Int {
        (1..<boundaries.count).count { index in
            let range = boundaries[index - 1]..<boundaries[index]
            return isSingle(range, characters) && !inDictionary(range, characters, known: known)
        }
    }

    /// How many words between `boundaries` are single characters.
    private func singles(_ boundaries: UnsafeBufferPointer<Int>, _ characters: Run) -> Int {
        (1..<boundaries.count).count { isSingle(boundaries[$0 - 1]..<boundaries[$0], characters) }
    }

    /// A run's UTF-8 bytes and where each of its characters starts, so that a candidate word
    /// is looked up straight from its bytes.
    private struct Run {
        let text: UnsafeBufferPointer<UInt8>
        /// The byte offset of each character, then the byte count; nil when every character
        /// is three bytes.
        let offsets: [Int]?
        /// Every character has no other canonical form (``ByteKeyTable/isByteComparable(_:)``),
        /// asked once for the run: then so has every word of it, looked up by its bytes as they are.
        let plain: Bool

        init(bytes: UnsafeBufferPointer<UInt8>, offsets: [Int]?) {
            text = bytes
            self.offsets = offsets
            plain = ByteKeyTable<Bool>.isByteComparable(bytes)
        }

        /// A run of Han characters of three bytes each, `plain` when it has no compatibility
        /// ideograph (then each is unified Han: ``ByteKeyTable/isByteComparable(_:)`` holds).
        init(bytes: UnsafeBufferPointer<UInt8>, plain: Bool) {
            text = bytes
            offsets = nil
            self.plain = plain
        }

        /// The number of characters.
        var count: Int { offsets.map { $0.count - 1 } ?? text.count / 3 }

        private func offset(_ index: Int) -> Int {
            offsets?[index] ?? 3 * index
        }

        /// The bytes of characters `range`.
        @inline(__always)
        func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: text[offset(range.lowerBound)..<offset(range.upperBound)])
        }

        /// The entry of `table` for characters `range`, looked up by their bytes.
        func lookUp<Value>(_ range: Range<Int>, in table: ByteKeyTable<Value>) -> Value? {
            plain ? table[plain: bytes(range)] : table.value(forKeyBytes: bytes(range))
        }

        /// The index in `table` of characters `range` (-1: none), looked up by their bytes.
        @inline(__always)
        func index<Value>(_ range: Range<Int>, in table: ByteKeyTable<Value>) -> Int {
            plain ? table.index(forBytes: bytes(range)) : table.index(forKeyBytes: bytes(range))
        }
    }

    /// Forward maximum matching: the word boundaries, written from `boundaries` on.
    /// `starts`, `ends`: each character's edge lengths (``segment(_:_:)``).
    private func forwardMatch(_ characters: Run, into boundaries: UnsafeMutablePointer<Int>, known: UnsafeMutablePointer<Int32>,
                              starts: UnsafePointer<UInt8>, ends: UnsafePointer<UInt8>) -> UnsafeBufferPointer<Int> {
        var words = 0, index = 0
        boundaries[0] = 0
        while index < characters.count {
            // (Wrapping arithmetic and unchecked ranges: every value lies within the run, and
            // the overflow and bound checks cost ~15 instructions a word here.)
            var length = min(maxWord, characters.count &- index, Int(starts[index]))
            while length > 1, Int(ends[index &+ length &- 1]) < length
                    || !inDictionary(Range(uncheckedBounds: (index, index &+ length)), characters, known: known) { length &-= 1 }
            index &+= length
            words &+= 1
            boundaries[words] = index
        }
        return UnsafeBufferPointer(start: boundaries, count: words + 1)
    }

    /// Backward maximum matching: the word boundaries, written into the last of the
    /// `characters.count + 1` places from `boundaries` on.
    private func backwardMatch(_ characters: Run, into boundaries: UnsafeMutablePointer<Int>, known: UnsafeMutablePointer<Int32>,
                               starts: UnsafePointer<UInt8>, ends: UnsafePointer<UInt8>) -> UnsafeBufferPointer<Int> {
        var place = characters.count, end = characters.count
        boundaries[place] = end
        while end > 0 {
            var length = min(maxWord, end, Int(ends[end &- 1]))
            while length > 1, Int(starts[end &- length]) < length
                    || !inDictionary(Range(uncheckedBounds: (end &- length, end)), characters, known: known) { length &-= 1 }
            end &-= length
            place &-= 1
            boundaries[place] = end
        }
        return UnsafeBufferPointer(start: boundaries + place, count: characters.count + 1 - place)
    }

    /// False when ``splitNegator(_:)`` surely keeps the word whole: a word of unified Han
    /// characters can only begin with a negator that begins with its first character (asked
    /// first: it is cheaper than the questions there, and both give the word).
    /// - Parameter plain: true when the caller knows the word is ``ByteKeyTable/isPlain(_:)``.
    private func mayBeSplit(_ word: UnsafeBufferPointer<UInt8>, plain: Bool) -> Bool {
        guard negatorsPlain, let lead = word.first, plain || ByteKeyTable<Bool>.isPlain(word) else { return true }
        let first = lead < 0x80 ? UInt32(lead) : (UInt32(lead & 0x0F) << 12) | (UInt32(word[1] & 0x3F) << 6) | UInt32(word[2] & 0x3F)
        let bits = negatorStartBits.withUnsafeBufferPointer { $0[Int(first & 4095) &>> 6] }
        return bits & (1 &<< UInt64(first & 63)) != 0 && negatorStarts.contains(first)
    }

    /// `不好用` (kept whole by the dictionary but not a sentiment term) → `不` `好用`: passes
    /// the parts of `word` to `part`, in order (the word itself when it stays whole).
    private func splitNegator<Word: SplitWord>(_ word: Word, negators: [Word], boosters: [Word], _ part: (Word) -> Void) {
        guard word.characterCount > 1, !word.roles(in: roles).contains(.whole) else { return part(word) }
        for negator in negators where word.characterCount > negator.characterCount && word.begins(with: negator) {
            let rest = word.dropping(negator.characterCount)
            if rest.roles(in: roles).contains(.valence) {
                part(negator)
                part(rest)
                return
            }
            for booster in boosters where rest.characterCount > booster.characterCount && rest.begins(with: booster) {
                let term = rest.dropping(booster.characterCount)
                if term.roles(in: roles).contains(.valence) {
                    part(negator)
                    part(booster)
                    part(term)
                    return
                }
            }
        }
        part(word)
    }

    /// A Chinese word as ``splitNegator(_:negators:boosters:_:)`` reads it, compared as
    /// `String`s compare: a `String`, or a ``HanWord`` of the byte path.
    fileprivate protocol SplitWord {
        /// The number of characters.
        var characterCount: Int { get }
        /// True when the word begins with the characters of `prefix`.
        func begins(with prefix: Self) -> Bool
        /// The word without its first `count` characters.
        func dropping(_ count: Int) -> Self
        /// The roles `table` gives the word (none when it lacks it).
        func roles(in table: ByteKeyTable<Role>) -> Role
    }

    /// A word of Han characters of three UTF-8 bytes each (every one a `Character` of its own,
    /// with no combining mark), or a negator or booster: its bytes as written and its NFC
    /// bytes. Each character of the one is one scalar of the other (a compatibility ideograph
    /// becomes one unified ideograph, in three bytes or four), so that prefixes, characters and
    /// lookups on the NFC bytes are what `String` comparison gives.
    fileprivate struct HanWord: SplitWord {
        let written: UnsafeBufferPointer<UInt8>
        let canonical: UnsafeBufferPointer<UInt8>
        let characterCount: Int

        /// Calls `body` with the word of the byte path whose bytes `word` holds (three per character).
        static func withWord(_ word: UnsafeBufferPointer<UInt8>, _ body: (HanWord) -> Void) {
            if ByteKeyTable<Role>.isByteComparable(word) { return body(HanWord(written: word, canonical: word, characterCount: word.count / 3)) }
            String(decoding: word, as: UTF8.self)._nfcCodeUnits.withUnsafeBufferPointer { body(HanWord(written: word, canonical: $0, characterCount: word.count / 3)) }
        }

        func begins(with prefix: HanWord) -> Bool {
            canonical.starts(with: prefix.canonical)
        }

        /// Only for words of the byte path (three bytes per written character).
        func dropping(_ count: Int) -> HanWord {
            var offset = 0, skipped = 0
            while skipped < count {
                offset += 1
                while offset < canonical.count, canonical[offset] & 0xC0 == 0x80 { offset += 1 }
                skipped += 1
            }
            return HanWord(written: UnsafeBufferPointer(rebasing: written[(3 * count)...]), canonical: UnsafeBufferPointer(rebasing: canonical[offset...]),
                           characterCount: characterCount - count)
        }

        func roles(in table: ByteKeyTable<Role>) -> Role {
            table[plain: canonical] ?? []
        }
    }

    /// The negators and boosters as ``HanWord``s, in the order of the `String` lists; their
    /// bytes live in one buffer that this object owns and never changes after it is made.
    private final class SplitWords: @unchecked Sendable {
        private let storage: UnsafeMutableBufferPointer<UInt8>
        let negators: [HanWord], boosters: [HanWord]

        init(negators: [String], boosters: [String]) {
            let words = negators + boosters
            let forms = words.map { word in (Array(word.utf8), ByteKeyTable<Role>.withCanonicalBytes(word) { Array($0) }, word.count) }
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, forms.reduce(0) { $0 + $1.0.count + $1.1.count }))
            var offset = 0
            func place(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
                let start = buffer.baseAddress! + offset
                start.initialize(from: bytes, count: bytes.count)
                offset += bytes.count
                return UnsafeBufferPointer(start: start, count: bytes.count)
            }
            let all = forms.map { HanWord(written: place($0.0), canonical: place($0.1), characterCount: $0.2) }
            storage = buffer
            self.negators = Array(all[..<negators.count])
            self.boosters = Array(all[negators.count...])
        }

        deinit {
            storage.deallocate()
        }
    }
}

extension String: ChineseSegmenter.SplitWord {
    fileprivate var characterCount: Int { count }

    fileprivate func begins(with prefix: String) -> Bool {
        hasPrefix(prefix)
    }

    fileprivate func dropping(_ count: Int) -> String {
        String(dropFirst(count))
    }

    fileprivate func roles(in table: ByteKeyTable<ChineseSegmenter.Role>) -> ChineseSegmenter.Role {
        table[self] ?? []
    }
}
