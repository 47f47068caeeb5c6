/// A read-only set of pairs of word indices (``WordTable`` indices): the first two words of
/// every multi-word lexicon entry, so that the span search asks for a phrase only where one
/// can begin. Open addressing with a multiplicative hash: a question is a multiply and a probe
/// or two, far cheaper than hashing the phrase's bytes.
///
/// Each pair also holds, per ``WordTable`` lexicon slot, the entry whose key is the two words
/// alone (or -1), so that the span search reads a two-word phrase's entry with no hash of its
/// bytes (``twoWordEntry(_:lexiconSlot:)``).
struct WordPairSet: Sendable {
    /// Per slot: the pair with its top bit set (so never 0), or 0 for an empty slot.
    private let slots: [UInt64]
    /// Per slot: the most words of an entry that begins with the slot's pair.
    private let lengths: [UInt8]
    /// Per slot: the two-word entries of the slot's pair, three a slot (one per lexicon slot).
    private let entries: [Int32]
    private let shift: UInt64

    /// What a pair begins: the most words of an entry that begins with it, and per ``WordTable``
    /// lexicon slot the entry whose key is its two words alone (-1: none).
    struct Pair {
        var words = 0
        var entries: (Int32, Int32, Int32) = (-1, -1, -1)

        /// Notes an entry of `words` words that begins with the pair; when it is the two words
        /// alone, its index `twoWordEntry` (else -1) in the lexicon of slot `slot` (-1: a lexicon with no slot).
        mutating func note(words: Int, twoWordEntry: Int32, slot: Int) {
            self.words = max(self.words, words)
            guard twoWordEntry >= 0 else { return }
            switch slot {
            case 0: entries.0 = twoWordEntry
            case 1: entries.1 = twoWordEntry
            case 2: entries.2 = twoWordEntry
            default: break
            }
        }
    }

    /// - Parameter pairs: each pair's key (``key(_:_:)``) and what it begins.
    init(pairs: [UInt64: Pair]) {
        var bits: UInt64 = 4
        // At most a quarter full: a probe or so a question, listed or not.
        while (1 << bits) < pairs.count * 4 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var lengths = [UInt8](repeating: 0, count: 1 << bits)
        var entries = [Int32](repeating: -1, count: 3 << bits)
        let mask = slots.count - 1
        for (pair, found) in pairs {
            let stored = pair | 1 << 63
            var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
            lengths[slot] = UInt8(clamping: found.words)
            entries[slot * 3] = found.entries.0
            entries[slot * 3 + 1] = found.entries.1
            entries[slot * 3 + 2] = found.entries.2
        }
        self.slots = slots
        self.lengths = lengths
        self.entries = entries
    }

    /// The pair of word indices `first` and `second` (each 0 or more) as one key.
    static func key(_ first: Int, _ second: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: first) << 32 | UInt64(truncatingIfNeeded: second) & 0xFFFF_FFFF
    }

    /// The slot of the pair `first` then `second`, or -1 when the set does not hold it.
    /// (Inline: the span search asks it for ~2 tokens a line.)
    @inline(__always)
    func slot(_ first: Int, _ second: Int) -> Int {
        let stored = WordPairSet.key(first, second) | 1 << 63
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[slot]
            if found == stored { return slot }
            if found == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// The most words of an entry that begins with the pair in `slot` (``slot(_:_:)``; -1: 0).
    @inline(__always)
    func words(slot: Int) -> Int {
        slot < 0 ? 0 : Int(lengths[slot])
    }

    /// The entry, in the lexicon of ``WordTable`` slot `lexiconSlot`, whose key is the two words
    /// of the pair in `slot` (a slot the set holds) joined by a space, or -1.
    @inline(__always)
    func twoWordEntry(_ slot: Int, lexiconSlot: Int) -> Int {
        Int(entries[slot &* 3 &+ lexiconSlot])
    }
}
