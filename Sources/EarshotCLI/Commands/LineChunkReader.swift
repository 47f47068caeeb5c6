#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    mutating func next(size: Int) -> [UInt8]? {
        while !atEnd, pending.count < size {
            let before = pending.count
            let want = max(size - before, 1 << 16)
            pending.reserveCapacity(before + want)
            var got = 0
            pending.append(contentsOf: repeatElement(0, count: want))
            repeat {
                got = pending.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + before, want) }
            } while got < 0 && errno == EINTR
            pending.removeLast(want - max(got, 0))
            if got <= 0 { atEnd = true }
        }
        guard !pending.isEmpty else { return nil }
        if atEnd, pending.count <= size || pending.lastIndex(of: 0x0A) == nil {
            defer { pending = [] }
            return pending
        }
        guard let lastFeed = pending.lastIndex(of: 0x0A) else {
            // One line longer than `size`: read on until it ends.
            return next(size: pending.count * 2)
        }
        let chunk = Array(pending[...lastFeed])
        pending.removeFirst(lastFeed + 1)
        return chunk
    }

    /// Calls `body` with the bytes of each line of `chunk`, those of the line that
    /// `readLine(strippingNewline: true)` returns (before it decodes them).
    static func lines(of chunk: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        chunk.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            let count = bytes.count
            while start < count {
                // The next line feed, found by the C library's memchr (many bytes at a time).
                let feed = memchr(base + start, 0x0A, count - start)
                let end = feed.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
                var stop = end
                if end < count, stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
                body(UnsafeBufferPointer(rebasing: bytes[start..<stop]))
                start = end + 1
            }
        }
    }
}
