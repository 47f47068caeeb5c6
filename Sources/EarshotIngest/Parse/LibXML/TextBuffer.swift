import CLibXML2

/// The growable byte buffer one open element gathers its text in, reused from element to
/// element: an append is a capacity check and a copy. (An `Array` inside the array of frames
/// checked both arrays' uniqueness and went through generic code on every text run libxml2
/// hands over; a class reference was retained and released on every one.)
///
/// A value that owns memory: ``XMLEventAssembler`` keeps exactly one of each in its frames,
/// grows it in place, and frees it once with ``release()`` when it goes.
///
/// Its one stored property is the C struct that ``XMLPushParser``'s C text callback appends to
/// (`earshot_text_buffer` in the shim), so a pointer to a buffer is a pointer to that struct.
struct TextBuffer {
    private var storage: earshot_text_buffer

    private var base: UnsafeMutablePointer<UInt8> {
        @inline(__always) get { storage.base }
    }
    private var capacity: Int {
        @inline(__always) get { storage.capacity }
    }
    /// The number of bytes gathered.
    private(set) var count: Int {
        @inline(__always) get { storage.count }
        @inline(__always) set { storage.count = newValue }
    }

    /// The bytes the storage holds past the capacity, which the C text callback may write past
    /// a short run (`EARSHOT_TEXT_SLACK`).
    private static let slack = Int(EARSHOT_TEXT_SLACK)

    init(capacity: Int = 256) {
        storage = earshot_text_buffer(base: .allocate(capacity: capacity + TextBuffer.slack), capacity: capacity, count: 0)
    }

    /// Frees the storage; the buffer must not be used again.
    func release() { base.deallocate() }

    /// The bytes gathered, valid until the next change.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes gathered as a `String` (invalid UTF-8 repaired).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() { count = 0 }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if bytes.count > capacity - count { grow(to: count + bytes.count) }
        // One or two bytes (libxml2 hands over a character reference's character alone) are
        // stored without a `memcpy` call.
        if bytes.count <= 2 {
            base[count] = source[0]
            if bytes.count == 2 { base[count + 1] = source[1] }
        } else {
            (base + count).initialize(from: source, count: bytes.count)
        }
        count += bytes.count
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private mutating func grow(to needed: Int) {
        let larger = max(needed, 2 * capacity)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: larger + TextBuffer.slack)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        storage.base = newBase
        storage.capacity = larger
    }
}
