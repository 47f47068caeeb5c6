#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches of a byte buffer with the C library's `memchr`, which reads many bytes at a time:
/// the HTML reduction's tags and references, the lexicon loader's line ends and tabs.
public enum ByteSearch {
    /// The index of the first `byte` in `bytes` at or after `start`, or nil.
    @inlinable @inline(__always)
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
