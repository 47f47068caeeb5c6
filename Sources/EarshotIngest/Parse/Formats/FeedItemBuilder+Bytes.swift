extension FeedItemBuilder {
    /// An offered value's UTF-8 bytes, in storage that a builder's slot keeps from item to item:
    /// emptied by setting the count to zero and refilled in place, so that neither goes through
    /// an array's generic range replacement (~80 instructions per offer and per reset).
    struct Bytes {
        /// At least ``count`` bytes; those past it are left from earlier values.
        private var storage: [UInt8] = []
        /// The number of bytes held.
        private(set) var count = 0

        var isEmpty: Bool { count == 0 }

        /// Empties the value, keeping the storage.
        mutating func removeAll() { count = 0 }

        /// Replaces the value with a copy of `bytes`.
        mutating func set(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Zero-filled when it grows (rarely: the storage keeps the largest value so far).
            if storage.count < bytes.count { storage = [UInt8](repeating: 0, count: max(bytes.count, 2 * storage.count)) }
            if let source = bytes.baseAddress {
                storage.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: source, count: bytes.count) }
            }
            count = bytes.count
        }

        /// Calls `body` with the bytes held.
        func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<count])) }
        }
    }
}
