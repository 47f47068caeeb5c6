/// A read-only set of pairs of word indices (``WordTable`` indices): the first two words of
/// every multi-word lexicon entry, so that the span search asks for a phrase only where one
/// can begin. Open addressing with a multiplicative hash: a question is a multiply and a probe
/// or two, far cheaper than hashing the phrase's bytes.
struct WordPairSet: Sendable {
    /// Per slot: the pair with its top bit set (so never 0), or 0 for an empty slot.
    private let slots: [UInt64]
    /// Per slot: the most words of an entry that begins with the slot's pair.
    private let lengths: [UInt8]
    private let shift: UInt64

    /// - Parameter pairs: each pair's key (``key(_:_:)``) and the most words of an entry that begins with it.
    init(_ pairs: [UInt64: Int]) {
        var bits: UInt64 = 4
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        shift = 64 - bits
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        var lengths = [UInt8](repeating: 0, count: 1 << bits)
        let mask = slots.count - 1
        for (pair, words) in pairs {
            let stored = pair | 1 << 63
            var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> (64 - bits))
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
            lengths[slot] = UInt8(clamping: words)
        }
        self.slots = slots
        self.lengths = lengths
    }

    /// The pair of word indices `first` and `second` (each 0 or more) as one key.
    static func key(_ first: Int, _ second: Int) -> UInt64 {
        UInt64(truncatingIfNeeded: first) << 32 | UInt64(truncatingIfNeeded: second) & 0xFFFF_FFFF
    }

    /// The most words of an entry that begins with `first` then `second`, or 0 for none.
    func words(_ first: Int, _ second: Int) -> Int {
        let stored = WordPairSet.key(first, second) | 1 << 63
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (stored &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[slot]
            if found == stored { return Int(lengths[slot]) }
            if found == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }
}
