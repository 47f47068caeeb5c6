import Foundation
import Synchronization
import Testing
@testable import EarshotCLI

/// ``OrderedChunks`` writes every chunk's result once, in input order, with no more than its
/// window of chunks read and not yet written, and stops at the first write error.
@Suite struct OrderedChunksTests {
    /// 600 KB of numbered lines: nine or ten chunks (each read costs ~40 ms in a debug build).
    static let lines = (0..<6_000).map { "line \($0) " + String(repeating: "x", count: 90) }

    /// A temporary file holding `lines`, opened for reading; closed by the caller.
    private func input(_ lines: [String]) throws -> (descriptor: Int32, path: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ordered-chunks-\(UUID().uuidString).txt").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let descriptor = open(path, O_RDONLY)
        try #require(descriptor >= 0)
        return (descriptor, path)
    }

    @Test(arguments: [1, 2, 3])
    func resultsAreWrittenInInputOrderWithinTheWindow(threads: Int) throws {
        let lines = OrderedChunksTests.lines
        let (descriptor, path) = try input(lines)
        defer { close(descriptor); unlink(path) }
        let window = 2
        // Chunks of whole lines (about 64 bytes: here each holds one line, read on to its end). The first
        // chunk's transform is slow: without the window, the other threads would read and finish
        // more chunks meanwhile than the window allows to wait for it.
        let chunks = OrderedChunks(reader: LineChunkReader(descriptor: descriptor), chunkBytes: 64, window: window)
        let state = Mutex((written: [UInt8](), inFlight: 0, mostInFlight: 0, writes: 0))
        try chunks.run(threads: threads, transform: { chunk in
            state.withLock { $0.inFlight += 1; $0.mostInFlight = max($0.mostInFlight, $0.inFlight) }
            if chunk.starts(with: Array("line 0 ".utf8)) { usleep(300_000) }
            return chunk
        }, write: { result in
            state.withLock { $0.written += result; $0.inFlight -= 1; $0.writes += 1 }
        })
        let seen = state.withLock { $0 }
        #expect(seen.written == Array(lines.joined(separator: "\n").utf8))
        #expect(seen.writes >= 9)
        #expect(seen.mostInFlight <= window)
    }

    struct Broken: Error {}

    @Test(arguments: [1, 3])
    func theFirstWriteErrorStopsTheWorkAndIsThrown(threads: Int) throws {
        let (descriptor, path) = try input(OrderedChunksTests.lines)
        defer { close(descriptor); unlink(path) }
        let chunks = OrderedChunks(reader: LineChunkReader(descriptor: descriptor), chunkBytes: 64, window: 1)
        let counts = Mutex((transformed: 0, writes: 0))
        #expect(throws: Broken.self) {
            try chunks.run(threads: threads, transform: { chunk in
                counts.withLock { $0.transformed += 1 }
                return chunk
            }, write: { _ in
                let writes = counts.withLock { $0.writes += 1; return $0.writes }
                if writes == 4 { throw Broken() }
            })
        }
        let seen = counts.withLock { $0 }
        // Nothing is written after the error, and nothing read: with a window of one chunk, the
        // next chunk is read only once the one before is written.
        #expect(seen.writes == 4)
        #expect(seen.transformed == 4)
    }
}
