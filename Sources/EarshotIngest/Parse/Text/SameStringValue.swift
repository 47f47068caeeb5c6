/// True when `a` and `b` are the same `String` value bit for bit: one string's storage, the same
/// small string, or both nil. Then storing one over the other, or reusing what was worked out from
/// one for the other, changes nothing. False says nothing: equal strings made apart have other
/// bits (and `==`, canonical equivalence, would not do where the bytes matter). Costs two word
/// compares, where `==` walks the bytes and a store retains one string and releases the other.
@inline(__always)
func isSameStringValue(_ a: String?, _ b: String?) -> Bool {
    guard MemoryLayout<String?>.size == MemoryLayout<(UInt, UInt)>.size else { return false }
    return unsafeBitCast(a, to: (UInt, UInt).self) == unsafeBitCast(b, to: (UInt, UInt).self)
}
