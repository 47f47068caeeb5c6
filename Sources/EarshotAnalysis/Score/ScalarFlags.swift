/// A few scalar values, each with a flag: the punctuation of Chinese text that the tokenizer's
/// byte scan reads (``Tokenizer/bytePunctuation``), with whether it breaks a clause.
///
/// Found by one multiplication and a probe of 64 slots: the `[UInt32: Bool]` it replaces hashed
/// each look-up with SipHash (~120 instructions, about one a Chinese line of the benchmark).
struct ScalarFlags: Sendable {
    /// Per slot: the value shifted left by one with its flag in bit 0, or `UInt32.max` for none.
    private let slots: [UInt32]
    private static let slotCount = 64

    /// - Parameter flags: values below 2^31 (every Unicode scalar), at most half the slots.
    init(_ flags: [UInt32: Bool]) {
        precondition(flags.count <= ScalarFlags.slotCount / 2, "ScalarFlags holds a few values")
        var slots = [UInt32](repeating: .max, count: ScalarFlags.slotCount)
        for (value, flag) in flags {
            var slot = ScalarFlags.slot(value)
            while slots[slot] != .max { slot = (slot + 1) & (ScalarFlags.slotCount - 1) }
            slots[slot] = value << 1 | (flag ? 1 : 0)
        }
        self.slots = slots
    }

    /// The values held, in slot order.
    var values: [UInt32] { slots.compactMap { $0 == .max ? nil : $0 >> 1 } }

    /// The flag of `value`, or nil when it is not one of the values.
    @inline(__always)
    subscript(value: UInt32) -> Bool? {
        slots.withUnsafeBufferPointer { slots in
            var slot = ScalarFlags.slot(value)
            while true {
                let stored = slots[slot]
                if stored == .max { return nil }
                if stored >> 1 == value { return stored & 1 != 0 }
                slot = (slot &+ 1) & (ScalarFlags.slotCount - 1)
            }
        }
    }

    @inline(__always)
    private static func slot(_ value: UInt32) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B1) >> 26)
    }
}
