import Testing
@testable import EarshotIngest

/// ``TextBuffer`` gathers exactly the bytes appended, whatever their lengths (one and two bytes
/// are stored without `memcpy`) and however often it grows.
struct TextBufferTests {
    @Test(arguments: [1, 2, 3, 256])
    func holdsEveryAppendInOrder(_ capacity: Int) {
        var buffer = TextBuffer(capacity: capacity)
        defer { buffer.release() }
        var expected: [UInt8] = []
        var next: UInt8 = 0
        for length in [0, 1, 2, 3, 1, 1, 2, 17, 0, 2, 8, 1, 300, 2, 1] {
            let piece = (0..<length).map { _ in next &+= 1; return next }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
            #expect(Array(buffer.bytes) == expected, "after \(length) bytes")
        }
        buffer.removeAll()
        [UInt8(7), 8].withUnsafeBufferPointer { buffer.append($0) }
        #expect(Array(buffer.bytes) == [7, 8])
    }
}
