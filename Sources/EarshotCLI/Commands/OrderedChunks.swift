import EarshotCore
import Foundation

/// Runs a function over the chunks of a ``LineChunkReader`` on several threads and writes the
/// results in input order, each as soon as the ones before it are written.
///
/// There are no rounds: a thread that finishes a chunk takes the next one at once, and whichever
/// thread finishes the chunk that is next in order writes it (and any that finished after it),
/// while the others go on. At most `window` chunks are read and not yet written, so memory stays
/// flat however long the input and however slow the reader of the output.
final class OrderedChunks: @unchecked Sendable {
    // Everything below is read and written with `condition` locked.
    private let condition = NSCondition()
    private var reader: LineChunkReader
    private let chunkBytes: Int
    private let window: Int
    /// The index of the next chunk to read, and of the next to write.
    private var readIndex = 0, writeIndex = 0
    /// Results finished but not yet written, by chunk index.
    private var finished: [Int: [UInt8]] = [:]
    /// A thread is writing: the others leave their results in ``finished``.
    private var writing = false
    private var atEnd = false
    private var failure: (any Error)?

    init(reader: LineChunkReader, chunkBytes: Int, window: Int) {
        self.reader = reader
        self.chunkBytes = chunkBytes
        self.window = max(1, window)
    }

    /// Calls `transform` on every chunk, on `threads` threads (this one and `threads - 1` of
    /// its own), and `write` on each result in input order, from one thread at a time. The first
    /// error that `write` throws stops the work and is rethrown.
    func run(threads: Int, transform: @escaping @Sendable ([UInt8]) -> [UInt8], write: @escaping @Sendable ([UInt8]) throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        var helpers = 0
        for helper in 0..<max(threads, 1) - 1 {
            // Threads of their own: libdispatch's concurrentPerform ran serially on a loaded
            // machine. Each starts on a core other than this thread's (``PlacedThread``); one
            // that cannot be started leaves its share to the others.
            let started = PlacedThread.start(index: helper) {
                self.work(transform, write)
                done.signal()
            }
            if started { helpers += 1 }
        }
        work(transform, write)
        for _ in 0..<helpers { done.wait() }
        if let failure { throw failure }
    }

    private func work(_ transform: ([UInt8]) -> [UInt8], _ write: ([UInt8]) throws -> Void) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while failure == nil, !atEnd, readIndex - writeIndex >= window { condition.wait() }
            guard failure == nil, !atEnd else { return }
            guard let chunk = reader.next(size: chunkBytes) else {
                atEnd = true
                condition.broadcast()
                return
            }
            let index = readIndex
            readIndex += 1
            condition.unlock()
            let result = transform(chunk)
            condition.lock()
            finished[index] = result
            guard !writing else { continue }
            // This thread writes every result that is next in order, the lock released meanwhile.
            writing = true
            while failure == nil, let next = finished.removeValue(forKey: writeIndex) {
                condition.unlock()
                do {
                    try write(next)
                    condition.lock()
                } catch {
                    condition.lock()
                    failure = error
                }
                writeIndex += 1
                condition.broadcast()
            }
            writing = false
        }
    }
}
