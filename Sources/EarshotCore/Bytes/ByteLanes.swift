/// Tests on the eight bytes of a `UInt64` at once, for the byte scanners that skip eight bytes
/// of ordinary text per step (the HTML reduction and the JSON writer of `parse-feed`, the
/// scorer's punctuation count). Each answers with the high bit of every byte it marks: 0 exactly
/// when no byte qualifies, and the lowest bit set is always exact; a borrow may also mark some
/// bytes above a byte that truly qualifies, which only sends a scanner to its byte loop early.
public enum ByteLanes {
    /// The high bit of each byte of `word` equal to `byte` (and maybe of bytes above one that is).
    @inlinable @inline(__always)
    public static func marks(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let x = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` below `bound` (at most 0x80), and maybe of bytes
    /// above one that is.
    @inlinable @inline(__always)
    public static func marks(_ word: UInt64, below bound: UInt8) -> UInt64 {
        (word &- UInt64(bound) &* 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
