#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EarshotCore

/// Reads a file descriptor in large blocks and hands out runs of whole lines, so that a
/// streaming command reads its input without one call per line and with bounded memory.
///
/// Each chunk ends just after a line feed, or at the end of input (the last line may have
/// none). Lines split out of a chunk with ``lines(of:_:)`` are the bytes of what `readLine()` returns:
/// the line feed, and a carriage return before it, stripped.
struct LineChunkReader {
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var atEnd = false

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next run of whole lines, about `size` bytes (more when one line is longer), or nil
    /// at the end of input.
    ///
    /// The input is read straight into the chunk, after what the last read left past its last
    /// line feed (`pending`, part of a line); only that part is copied again. (Reading into one
    /// buffer, zero-filled first, and copying each chunk out of it, the rest shifted down, went
    /// over each input byte three times more: ~60 instructions a line of `earshot score`'s
    /// benchmark, under the lock its threads share.)
    mutating func next(size: Int) -> [UInt8]? {
        var capacity = max(size, pending.count + 1)
        while true {
            let carried = pending
            var chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let base = buffer.baseAddress!
                carried.withUnsafeBufferPointer { if let from = $0.baseAddress { base.initialize(from: from, count: $0.count) } }
                count = carried.count
                while !atEnd, count < capacity {
                    let got = read(descriptor, base + count, capacity - count)
                    if got < 0, errno == EINTR { continue }
                    if got <= 0 { atEnd = true } else { count += got }
                }
            }
            pending = []
            guard !chunk.isEmpty else { return nil }
            if atEnd { return chunk }
            guard let lastFeed = chunk.lastIndex(of: 0x0A) else {
                // One line longer than the chunk: read on until it ends.
                pending = chunk
                capacity = chunk.count * 2
                continue
            }
            pending = Array(chunk[(lastFeed + 1)...])
            chunk.removeLast(chunk.count - lastFeed - 1)
            return chunk
        }
    }

    /// Calls `body` with the bytes of each line of `chunk`, those of the line that
    /// `readLine(strippingNewline: true)` returns (before it decodes them).
    static func lines(of chunk: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        chunk.withUnsafeBufferPointer { bytes in
            // (An empty chunk's buffer has no address. Without this early return the loop below
            // compiled ~23 instructions a line slower, retaining and releasing `body` per line.)
            guard bytes.baseAddress != nil else { return }
            var start = 0
            let count = bytes.count
            while start < count {
                // The next line feed, found by the C library's memchr (many bytes at a time).
                let end = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) ?? count
                var stop = end
                if end < count, stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                body(UnsafeBufferPointer(rebasing: bytes[start..<stop]))
                start = end + 1
            }
        }
    }
}
