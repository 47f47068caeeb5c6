import EarshotCore
import Testing

/// ``ByteLanes``: a mark is never missing, and the lowest one is always exact, for every byte
/// value at every one of the eight positions, next to neighbours that do and do not qualify.
@Suite struct ByteLanesTests {
    /// The index of the lowest marked byte, or nil.
    static func lowest(_ marks: UInt64) -> Int? { marks == 0 ? nil : marks.trailingZeroBitCount / 8 }

    /// The first index in `bytes` where `qualifies` holds, or nil.
    static func first(_ bytes: [UInt8], _ qualifies: (UInt8) -> Bool) -> Int? { bytes.firstIndex(where: qualifies) }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }

    @Test(arguments: [UInt8(0x00), 0x20, 0x21, 0x22, 0x3C, 0x5C, 0x7F, 0x80, 0x81, 0x9F, 0xC2, 0xE2, 0xFF])
    func equalTo(target: UInt8) {
        for fill in [UInt8(0x41), target &+ 1, target &- 1, 0x00, 0xFF] where fill != target {
            for position in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[position] = value
                    let marks = ByteLanes.marks(Self.word(bytes), equalTo: target)
                    #expect(Self.lowest(marks) == Self.first(bytes) { $0 == target }, "\(bytes) for \(target)")
                }
            }
        }
    }

    @Test(arguments: [UInt8(0x20), 0x21, 0x80])
    func below(bound: UInt8) {
        for fill in [UInt8(0x41), bound, 0xFF] {
            for position in 0..<8 {
                for value in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: fill, count: 8)
                    bytes[position] = value
                    let marks = ByteLanes.marks(Self.word(bytes), below: bound)
                    #expect(Self.lowest(marks) == Self.first(bytes) { $0 < bound }, "\(bytes) below \(bound)")
                }
            }
        }
    }
}
