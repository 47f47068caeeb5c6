import EarshotCore
import Foundation

/// Whether a file is valid UTF-8 (``UTF8Validation``), read in 1 MB pieces through one reused
/// buffer (flat memory, no allocation per piece).
enum UTF8FileCheck {
    /// True when the whole file at `path` is valid UTF-8; false when it is not or cannot be read.
    static func isValid(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carried = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + carried, $0.count - carried) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return false }
            if count == 0 { return carried == 0 }
            let filled = carried + count
            guard let valid = buffer.withUnsafeBufferPointer({ UTF8Validation.validPrefix(UnsafeBufferPointer(rebasing: $0[..<filled])) }) else { return false }
            // An incomplete sequence at the end (at most 3 bytes) waits for the next read.
            carried = filled - valid
            if carried > 0 { buffer.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + valid, count: carried) } }
        }
    }
}
