import EarshotCore

/// A growable byte buffer that is written through its raw storage, for output assembled in one
/// pass: `earshot parse-feed`'s JSON, into which ``HTMLReducer`` writes a streamed item's summary
/// and content reduced, folded and JSON-escaped at once. It also holds the one byte-level JSON
/// string escape (``appendJSONString(_:)``, ``appendJSONEscape(_:)``) that both use.
public final class TextOutput {
    /// The state lives behind a pointer, not in stored properties: a class's stored `var`s are
    /// checked for exclusive access at run time on every write, which would cost more than the
    /// byte loops that use them.
    /// Visible to inlined code (the appends, ``reserve(_:)`` and ``grow(_:)``):
    /// the command that writes the JSON is another module, and a call per byte or piece it
    /// appends cost more than the appending.
    @usableFromInline
    struct State {
        @usableFromInline var base: UnsafeMutablePointer<UInt8>
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int

        @usableFromInline
        init(base: UnsafeMutablePointer<UInt8>, count: Int, capacity: Int) {
            self.base = base
            self.count = count
            self.capacity = capacity
        }
    }

    @usableFromInline let state: UnsafeMutablePointer<State>

    /// The storage; the first ``count`` bytes are the output.
    @inlinable public var base: UnsafeMutablePointer<UInt8> { state.pointee.base }
    /// The number of bytes written.
    @inlinable public var count: Int {
        @inline(__always) get { state.pointee.count }
        @inline(__always) set { state.pointee.count = newValue }
    }
    /// The bytes the storage holds.
    @inlinable public var capacity: Int { state.pointee.capacity }

    public init(capacity: Int = 1 << 16) {
        let capacity = max(capacity, 16)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deallocate()
    }

    /// The bytes written so far.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Makes room for `extra` more bytes after ``count``.
    @inlinable @inline(__always)
    public func reserve(_ extra: Int) {
        if extra > capacity &- count { grow(extra) }
    }

    @usableFromInline @inline(never)
    func grow(_ extra: Int) {
        let needed = count + extra
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        state.pointee.base = newBase
        state.pointee.capacity = newCapacity
    }

    @inlinable @inline(__always)
    public func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count &+= 1
    }

    @inlinable
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count &+= bytes.count
    }

    /// Appends the UTF-8 of `text`.
    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Empties the buffer, keeping its storage.
    public func removeAll() { count = 0 }

    // MARK: JSON

    /// The valid UTF-8 `utf8` as a JSON string literal: `"` and `\\` escaped, control characters
    /// as `\n`, `\r`, `\t` or `\u00XX`, and U+2028 and U+2029 (which JavaScript reads as line
    /// ends) as `\u2028` and `\u2029`; everything else as it is.
    public func appendJSONString(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        let count = utf8.count
        var start = 0, index = 0
        while true {
            // Eight bytes at a time while none needs escaping, then byte by byte.
            // Offsets stay within `count`, so plain wrapping arithmetic (no overflow checks).
            while index &+ 8 <= count {
                let stops = TextOutput.jsonStops(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                if stops != 0 { index &+= stops.trailingZeroBitCount >> 3; break }
                index &+= 8
            }
            while index < count, !TextOutput.needsJSONEscape(utf8[index]), utf8[index] != 0xE2 { index &+= 1 }
            guard index < count else { break }
            let value = utf8[index]
            if value == 0xE2 {
                guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 else {
                    index += 1
                    continue
                }
                append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
                append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
                start = index
                continue
            }
            append(UnsafeBufferPointer(rebasing: utf8[start..<index]))
            appendJSONEscape(value)
            index += 1
            start = index
        }
        append(UnsafeBufferPointer(rebasing: utf8[start..<count]))
        append(UInt8(ascii: "\""))
    }

    /// True for the ASCII bytes a JSON string literal escapes: `"`, `\\` and control characters.
    @inline(__always)
    public static func needsJSONEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C }

    /// Appends the escape of `byte`, one for which ``needsJSONEscape(_:)`` is true.
    public func appendJSONEscape(_ byte: UInt8) {
        reserve(6)
        let slash = UInt8(ascii: "\\")
        switch byte {
        case 0x22, 0x5C: base[count] = slash; base[count &+ 1] = byte; count &+= 2
        case 0x0A: base[count] = slash; base[count &+ 1] = UInt8(ascii: "n"); count &+= 2
        case 0x0D: base[count] = slash; base[count &+ 1] = UInt8(ascii: "r"); count &+= 2
        case 0x09: base[count] = slash; base[count &+ 1] = UInt8(ascii: "t"); count &+= 2
        default:
            let hex: (UInt8) -> UInt8 = { $0 < 10 ? 0x30 &+ $0 : 0x57 &+ $0 }
            base[count] = slash; base[count &+ 1] = UInt8(ascii: "u"); base[count &+ 2] = 0x30; base[count &+ 3] = 0x30
            base[count &+ 4] = hex(byte >> 4); base[count &+ 5] = hex(byte & 15)
            count &+= 6
        }
    }

    /// The high bit of each byte of `word` a JSON string literal does not copy as is (a control
    /// character, `"`, `\\`, or 0xE2, which leads U+2028 and U+2029), and maybe of some bytes
    /// above one of those (see ``ByteLanes``); 0 when there is none.
    @inline(__always)
    static func jsonStops(_ word: UInt64) -> UInt64 {
        ByteLanes.marks(word, below: 0x20) | ByteLanes.marks(word, equalTo: 0x22) | ByteLanes.marks(word, equalTo: 0x5C)
            | ByteLanes.marks(word, equalTo: 0xE2)
    }
}
