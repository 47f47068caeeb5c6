/// A read-only hash table from UTF-8 byte strings to values, built once when a lexicon is
/// loaded: open addressing with linear probing, FNV-1a hashes, keys stored back to back in
/// one byte array. A lookup reads the key's bytes where they lie (a token's buffer, a
/// `String`'s storage) and allocates nothing, which `[String: Value]` cannot promise.
///
/// `String` equality is canonical equivalence: two strings are equal when their NFC forms
/// are. So every key is stored in its NFC form, and a key of ASCII, unified Han characters and
/// emoji of U+1F000–U+1FAFF (``isByteComparable(_:)``: characters with no other canonical
/// form, whose bytes are their NFC form) is looked up by its bytes as they are; any other key
/// by the bytes of its NFC form (the Kelvin sign finds `K`, `cafe` + U+0301 finds `café`).
///
/// Every key has an index into ``values`` (``index(of:)``), so that a caller can keep flat
/// arrays of what it needs from each value and look a token up once.
struct ByteKeyTable<Value: Sendable>: Sendable {
    /// The table's arrays in one reference, so that copying a table (a lexicon's, into a
    /// lookup chain or a closure) retains one object instead of each array.
    final class Storage: Sendable {
        /// Every key's NFC bytes, back to back; key `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
        let keyBytes: [UInt8]
        let keyStarts: [Int32]
        /// The values, in the order of their keys' indices.
        let values: [Value]
        /// Per key, what a probe compares, in one place: its index and byte count (two
        /// `UInt32`s), then its bytes. A probe then reads a slot and one record, where reading
        /// `keyStarts` and then `keyBytes` made two dependent loads after the slot, each often
        /// a cache miss (the word table's arrays are several hundred KB).
        let records: [UInt8]
        /// Per slot: the key's hash in the high 32 bits and its record's offset in the low 32
        /// (0 for an empty slot: ``records`` begin with an unused header), so that a probe
        /// reads one word. The builder's slots, in the same places.
        let slots: [UInt64]

        init(_ builder: Builder) {
            let keyBytes = builder.keyBytes, keyStarts = builder.keyStarts, count = builder.values.count
            let header = ByteKeyTable.recordHeader
            var offsets = [UInt32](repeating: 0, count: count)
            // Written in place: appending each header's and each key's bytes cost ~16M
            // instructions at start-up.
            records = keyBytes.withUnsafeBufferPointer { keys in
                keyStarts.withUnsafeBufferPointer { starts in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        [UInt8](unsafeUninitializedCapacity: header * (count + 1) + Int(starts[count])) { records, written in
                            let base = UnsafeMutableRawPointer(records.baseAddress!)
                            base.storeBytes(of: 0, as: UInt64.self)
                            var offset = header
                            for index in 0..<count {
                                let start = Int(starts[index]), length = Int(starts[index + 1]) - start
                                offsets[index] = UInt32(offset)
                                base.storeBytes(of: UInt32(index).littleEndian, toByteOffset: offset, as: UInt32.self)
                                base.storeBytes(of: UInt32(length).littleEndian, toByteOffset: offset + 4, as: UInt32.self)
                                if length > 0 { (base + offset + header).copyMemory(from: keys.baseAddress! + start, byteCount: length) }
                                offset += header + length
                            }
                            written = offset
                        }
                    }
                }
            }
            slots = offsets.withUnsafeBufferPointer { offsets in
                builder.slots.withUnsafeBufferPointer { built in
                    [UInt64](unsafeUninitializedCapacity: built.count) { slots, written in
                        for slot in 0..<built.count {
                            let word = built[slot]
                            slots[slot] = word == 0 ? 0 : word & 0xFFFF_FFFF_0000_0000 | UInt64(offsets[Int(truncatingIfNeeded: word & 0xFFFF_FFFF) &- 1])
                        }
                        written = built.count
                    }
                }
            }
            self.keyBytes = keyBytes
            self.keyStarts = keyStarts
            values = builder.values
        }
    }

    /// A table being built: keys are added (by their NFC bytes) as they come, each once.
    struct Builder {
        /// The keys' bytes, back to back, then room for more (zeros): key `i` is
        /// `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`, and the last start is where the next goes.
        /// (Copied into the room: `append(contentsOf:)` of each key cost ~100 instructions, ~6M at start-up.)
        fileprivate(set) var keyBytes: [UInt8] = []
        fileprivate(set) var keyStarts: [Int32] = [0]
        /// The values, in the order of their keys' indices; change them in place.
        var values: [Value] = []
        fileprivate(set) var slots: [UInt64]

        /// - Parameter capacity: how many keys to make room for at once.
        init(capacity: Int = 0) {
            var size = 16
            while size < capacity * 2 { size *= 2 }
            slots = [UInt64](repeating: 0, count: size)
            values.reserveCapacity(capacity)
            keyStarts.reserveCapacity(capacity + 1)
            // Most keys are words of a few letters or Chinese characters.
            keyBytes = [UInt8](repeating: 0, count: capacity * 8)
        }

        /// The index of `key` (compared as `String`s compare), added with `value` when missing.
        mutating func index(of key: String, adding value: @autoclosure () -> Value) -> Int {
            ByteKeyTable.withCanonicalBytes(key) { index(ofCanonical: $0, adding: value()) }
        }

        /// The index of the key whose NFC bytes `key` holds, added with `value` when missing.
        mutating func index(ofCanonical key: UnsafeBufferPointer<UInt8>, adding value: @autoclosure () -> Value) -> Int {
            let hash = ByteKeyTable.hash(key)
            let found = ByteKeyTable.find(key, hash: hash, slots: slots, keyBytes: keyBytes, keyStarts: keyStarts)
            if found >= 0 { return found }
            if (values.count + 1) * 2 > slots.count { grow() }
            let start = Int(keyStarts[keyStarts.count - 1]), end = start + key.count
            if end > keyBytes.count { keyBytes.append(contentsOf: repeatElement(0, count: max(keyBytes.count, end - keyBytes.count + 64))) }
            if let source = key.baseAddress {
                keyBytes.withUnsafeMutableBufferPointer { bytes in (bytes.baseAddress! + start).update(from: source, count: key.count) }
            }
            keyStarts.append(Int32(end))
            values.append(value())
            place(UInt64(hash) << 32 | UInt64(values.count))
            return values.count - 1
        }

        /// The index of the key whose NFC bytes `key` holds, or -1.
        func index(ofCanonical key: UnsafeBufferPointer<UInt8>) -> Int {
            ByteKeyTable.find(key, hash: ByteKeyTable.hash(key), slots: slots, keyBytes: keyBytes, keyStarts: keyStarts)
        }

        /// Calls `body` with the NFC bytes of key `index`.
        func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            ByteKeyTable.withKey(index, keyBytes: keyBytes, keyStarts: keyStarts, body)
        }

        /// The same keys, each with `transform` of its value.
        func mapValues<Other>(_ transform: (Value) -> Other) -> ByteKeyTable<Other>.Builder {
            ByteKeyTable<Other>.Builder(keyBytes: keyBytes, keyStarts: keyStarts, values: values.map(transform), slots: slots)
        }

        fileprivate init(keyBytes: [UInt8], keyStarts: [Int32], values: [Value], slots: [UInt64]) {
            self.keyBytes = keyBytes
            self.keyStarts = keyStarts
            self.values = values
            self.slots = slots
        }

        private mutating func place(_ word: UInt64) {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: word >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = word
        }

        private mutating func grow() {
            resize(slots.count * 2)
        }

        private mutating func resize(_ size: Int) {
            let old = slots
            slots = [UInt64](repeating: 0, count: size)
            for word in old where word != 0 { place(word) }
        }

        /// Makes room for `count` more keys at once, as ``init(capacity:)`` does (growing a
        /// table step by step places each key again).
        mutating func reserve(_ count: Int) {
            let total = values.count + count
            values.reserveCapacity(total)
            keyStarts.reserveCapacity(total + 1)
            var size = slots.count
            while size < total * 2 { size *= 2 }
            if size > slots.count { resize(size) }
            let bytes = Int(keyStarts[keyStarts.count - 1]) + count * 8
            if bytes > keyBytes.count { keyBytes.append(contentsOf: repeatElement(0, count: bytes - keyBytes.count)) }
        }
    }

    private let storage: Storage

    /// The values, in the order of their keys' indices.
    var values: [Value] { storage.values }

    /// Every key (in its NFC form), in the order of their indices.
    var keys: [String] {
        (0..<storage.values.count).map { index in withKey(index) { String(decoding: $0, as: UTF8.self) } }
    }

    /// Calls `body` with the NFC bytes of key `index`.
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        ByteKeyTable.withKey(index, keyBytes: storage.keyBytes, keyStarts: storage.keyStarts, body)
    }

    /// Calls `body` with each key's index and NFC bytes, in index order (one walk of the
    /// keys, not a ``withKey(_:_:)`` call each).
    func forEachKey(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        storage.keyBytes.withUnsafeBufferPointer { bytes in
            storage.keyStarts.withUnsafeBufferPointer { starts in
                for index in 0..<(starts.count - 1) {
                    body(index, UnsafeBufferPointer(rebasing: bytes[Int(starts[index])..<Int(starts[index + 1])]))
                }
            }
        }
    }

    /// Calls `body` with key `index` of the back-to-back `keyBytes` (a table's or a builder's).
    fileprivate static func withKey<Result>(_ index: Int, keyBytes: [UInt8], keyStarts: [Int32],
                                            _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        keyBytes.withUnsafeBufferPointer { bytes in body(UnsafeBufferPointer(rebasing: bytes[Int(keyStarts[index])..<Int(keyStarts[index + 1])])) }
    }

    /// The table `builder` built.
    init(_ builder: Builder) {
        storage = Storage(builder)
    }

    /// A table holding every entry of `dictionary`.
    init(_ dictionary: [String: Value]) {
        var builder = Builder(capacity: dictionary.count)
        for (key, value) in dictionary { builder.values[builder.index(of: key, adding: value)] = value }
        self.init(builder)
    }

    /// Calls `body` with the NFC bytes of `text`: its own bytes when they are
    /// ``isByteComparable(_:)``.
    static func withCanonicalBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = Tokenizer.withUTF8(text, { isByteComparable($0) ? body($0) : nil }) { return result }
        return text._nfcCodeUnits.withUnsafeBufferPointer(body)
    }

    /// True when `bytes` are ASCII and unified Han characters (U+3400–U+4DBF, U+4E00–U+9FFF) only.
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        onlyPlainCharacters(bytes, orEmoji: false)
    }

    /// True when `bytes` are ASCII, unified Han characters (``isPlain(_:)``) and emoji of
    /// U+1F000–U+1FAFF only: characters with no other canonical form (no decomposition,
    /// combining class 0), so that a `String` equal to them has the same bytes.
    static func isByteComparable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        onlyPlainCharacters(bytes, orEmoji: true)
    }

    /// The walk behind ``isPlain(_:)`` and ``isByteComparable(_:)``: ASCII and unified Han, and
    /// four-byte emoji of U+1F000–U+1FAFF when `orEmoji`.
    private static func onlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>, orEmoji: Bool) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            if orEmoji, byte & 0xF8 == 0xF0 {
                guard index + 3 < bytes.count else { return false }
                let value = (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
                    | UInt32(bytes[index + 3] & 0x3F)
                guard (0x1F000...0x1FAFF).contains(value) else { return false }
                index += 4
                continue
            }
            guard byte & 0xF0 == 0xE0, index + 2 < bytes.count else { return false }
            let value = (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
            guard (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) else { return false }
            index += 3
        }
        return true
    }

    /// The number of `Character`s of the text whose UTF-8 bytes `key` holds: one per scalar
    /// for ASCII without a carriage return and unified Han (``isPlain(_:)``).
    static func characterCount(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        guard isPlain(key), !key.contains(0x0D) else { return String(decoding: key, as: UTF8.self).count }
        return scalarCount(key)
    }

    /// The number of scalars of valid UTF-8 `bytes` (their bytes that are no continuation
    /// byte): ``characterCount(_:)`` of a key known to be plain, with no carriage return.
    @inline(__always)
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// FNV-1a over the bytes, folded to 32 bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        // Four bytes a step, then up to three one by one with no loop: the library's loop took
        // eight a step and the rest in a loop of ~7 instructions a byte, and most keys (Chinese
        // words of two or three characters, six or nine bytes) ended there.
        if let base = bytes.baseAddress {
            let count = bytes.count
            var index = 0
            while index &+ 4 <= count {
                hash = (hash ^ UInt64(base[index])) &* prime
                hash = (hash ^ UInt64(base[index &+ 1])) &* prime
                hash = (hash ^ UInt64(base[index &+ 2])) &* prime
                hash = (hash ^ UInt64(base[index &+ 3])) &* prime
                index &+= 4
            }
            if index < count {
                hash = (hash ^ UInt64(base[index])) &* prime
                if index &+ 1 < count {
                    hash = (hash ^ UInt64(base[index &+ 1])) &* prime
                    if index &+ 2 < count { hash = (hash ^ UInt64(base[index &+ 2])) &* prime }
                }
            }
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// The index of the key with exactly these bytes (an NFC form), or -1.
    func index(forBytes key: UnsafeBufferPointer<UInt8>) -> Int {
        index(forBytes: key, hash: ByteKeyTable.hash(key))
    }

    /// ``index(forBytes:)`` with the key's ``hash(_:)`` already worked out.
    /// (Transparent: the tokenizer probes once per token, and as a call the probe cost ~30
    /// instructions more each; `@inline(__always)` is not honoured across these callers.)
    @_transparent
    func index(forBytes key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        ByteKeyTable.find(key, hash: hash, slots: storage.slots, records: storage.records)
    }

    /// The bytes before each key in ``Storage/records``: its index and its byte count.
    fileprivate static var recordHeader: Int { 8 }

    /// The probe behind every lookup of a built table: the index of the key with exactly the
    /// bytes `key`, or -1. A hash match reads the record's header (index and count) and its
    /// bytes, most often from one cache line.
    @inline(__always)
    fileprivate static func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, slots: [UInt64], records: [UInt8]) -> Int {
        records.withUnsafeBufferPointer { records in
            probe(hash: hash, slots: slots) { offset in
                let header = UInt64(littleEndian: UnsafeRawPointer(records.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                guard Int(truncatingIfNeeded: header >> 32) == key.count, records.starts(at: offset &+ 8, with: key) else { return nil }
                return Int(truncatingIfNeeded: header & 0xFFFF_FFFF)
            }
        }
    }

    /// The builder's probe: the index of the key with exactly the bytes `key`, or -1.
    @inline(__always)
    fileprivate static func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, slots: [UInt64], keyBytes: [UInt8], keyStarts: [Int32]) -> Int {
        keyBytes.withUnsafeBufferPointer { stored in
            keyStarts.withUnsafeBufferPointer { starts in
                probe(hash: hash, slots: slots) { entry in
                    let start = Int(starts[entry - 1]), end = Int(starts[entry])
                    return end - start == key.count && stored.starts(at: start, with: key) ? entry - 1 : nil
                }
            }
        }
    }

    /// Linear probing from `hash`'s slot to the first empty one: `match` is asked about the low
    /// 32 bits of each slot whose high 32 are `hash` (a record offset, or an entry index plus
    /// one) and gives the key's index, or nil for another key with the same hash.
    @inline(__always)
    private static func probe(hash: UInt32, slots: [UInt64], match: (Int) -> Int?) -> Int {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let word = slots[slot]
                if word == 0 { return -1 }
                if UInt32(truncatingIfNeeded: word >> 32) == hash, let index = match(Int(truncatingIfNeeded: word & 0xFFFF_FFFF)) { return index }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The value stored under a key with no other canonical form (``isByteComparable(_:)``), or nil.
    subscript(plain key: UnsafeBufferPointer<UInt8>) -> Value? {
        let index = index(forBytes: key)
        return index < 0 ? nil : storage.values[index]
    }

    /// The index of the key whose UTF-8 bytes `key` holds (compared as `String`s compare), or -1.
    func index(forKeyBytes key: UnsafeBufferPointer<UInt8>) -> Int {
        ByteKeyTable.isByteComparable(key) ? index(forBytes: key) : index(of: String(decoding: key, as: UTF8.self))
    }

    /// The value stored under the key whose UTF-8 bytes `key` holds (compared as `String`s
    /// compare), or nil.
    func value(forKeyBytes key: UnsafeBufferPointer<UInt8>) -> Value? {
        let index = index(forKeyBytes: key)
        return index < 0 ? nil : storage.values[index]
    }

    /// The index of `key` in ``values`` (compared as `String`s compare), or -1.
    func index(of key: String) -> Int {
        ByteKeyTable.withCanonicalBytes(key) { index(forBytes: $0) }
    }

    /// The value stored under `key` (compared as `String`s compare), or nil.
    subscript(key: String) -> Value? {
        let index = index(of: key)
        return index < 0 ? nil : storage.values[index]
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when the bytes from `offset` on begin with all of `other` (the caller has checked
    /// that they fit), compared eight or four bytes at a time, the last load overlapping the
    /// one before it, and short runs as their first, middle and last bytes: no loop of single
    /// bytes (~6 instructions a byte; most keys are 2 to 12 bytes long). The byte comparisons
    /// of the scorer's hot paths (table keys, affixes, suffixes, fixed words) go through here:
    /// `elementsEqual` walks two iterators (~60 instructions a call).
    @_transparent
    func starts(at offset: Int, with other: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = other.count
        guard count > 0, let base = baseAddress, let otherBase = other.baseAddress else { return count == 0 }
        let left = UnsafeRawPointer(base + offset), right = UnsafeRawPointer(otherBase)
        if count >= 8 {
            var index = 0
            while index &+ 8 < count {
                if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
                index &+= 8
            }
            let last = count &- 8
            return left.loadUnaligned(fromByteOffset: last, as: UInt64.self) == right.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        }
        if count >= 4 {
            let last = count &- 4
            let head = left.loadUnaligned(fromByteOffset: 0, as: UInt32.self) ^ right.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            let tail = left.loadUnaligned(fromByteOffset: last, as: UInt32.self) ^ right.loadUnaligned(fromByteOffset: last, as: UInt32.self)
            return head | tail == 0
        }
        // One to three bytes: the first, the middle and the last cover them all.
        let middle = count &>> 1, last = count &- 1
        let first = left.load(fromByteOffset: 0, as: UInt8.self) ^ right.load(fromByteOffset: 0, as: UInt8.self)
        let centre = left.load(fromByteOffset: middle, as: UInt8.self) ^ right.load(fromByteOffset: middle, as: UInt8.self)
        let end = left.load(fromByteOffset: last, as: UInt8.self) ^ right.load(fromByteOffset: last, as: UInt8.self)
        return first | centre | end == 0
    }
}
