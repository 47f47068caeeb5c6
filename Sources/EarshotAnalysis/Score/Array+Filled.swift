extension Array {
    /// `count` copies of `value`: what `Array(repeating:count:)` makes, allocated through
    /// `reserveCapacity`, which is compiled for `Element` here. `Array(repeating:count:)`
    /// allocates through the standard library's unspecialised path, which looks up the storage
    /// class's metadata on each call: on the scorer's short per-line arrays that lookup cost
    /// more than filling them.
    static func filled(with value: Element, count: Int) -> [Element] {
        var array: [Element] = []
        array.reserveCapacity(count)
        for _ in 0..<count { array.append(value) }
        return array
    }
}
