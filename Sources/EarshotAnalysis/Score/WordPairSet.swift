/// A read-only set of pairs of word indices (``WordTable`` indices): the first two words of
/// every multi-word lexicon entry, so that the span search asks for a phrase only where one
/// can begin. Open addressing with a multiplicative hash: a question is a multiply and a probe
/// or two, far cheaper than hashing the phrase's bytes.
///
/// Each pair also holds, per ``WordTable`` lexicon slot, the entry whose key is the two words
/// alone (or -1), so that the span search reads a two-word phrase's entry with no hash of its
/// bytes (``twoWordEntry(_:slot:)``).
struct WordPairSet: Sendable {
    /// Per slot: the pair with its top bit set (so never 0), or 0 for an empty slot.
    private let slots: [UInt64]
    /// Per slot: the most words of an entry that begins with the slot's pair.
    private let lengths: [UInt8]
    /// Per slot: the two-word entries of the slot's pair, three a slot (one per lexicon slot).
    private let entries: [Int32]
    private let shift: UInt64

    /// - Parameters:
    ///   - pairs: each pair's key (``key(_:_:)``) and the most words of an entry that begins with it.
    ///   - twoWordEntries: for a pair whose two words alone are a key of some slot's lexicon, the
    ///     entry in each of the three lexicon slots (-1: none). A pair not listed has none.
    init(_ pairs: [UInt64: Int], twoWordEntries: [UInt64: (Int32, Int32, Int32)] = [:]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var lengths = [UInt8](repeating: 0, count: 1 << bits)
        var entries = [Int32](repeating: -1, count: 3 << bits)
        let mask = slots.count - 1
        for (pair, words) in pairs {
            let stored = pair | 1 << 63
            var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
            lengths[slot] = UInt8(clamping: words)
            if let two = twoWordEntries[pair] {
                entries[slot * 3] = two.0
                entries[slot * 3 + 1] = two.1
                entries[slot * 3 + 2] = two.2
            }
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

    /// The most words of an entry that begins with `first` then `second`, or 0 for none.
    func words(_ first: Int, _ second: Int) -> Int {
        words(slot: slot(first, second))
    }
}
