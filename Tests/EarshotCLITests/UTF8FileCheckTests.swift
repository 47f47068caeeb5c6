import Foundation
import Testing
@testable import EarshotCLI

/// ``UTF8FileCheck`` reads a whole file through ``UTF8Validation`` (tested in EarshotCoreTests).
struct UTF8FileCheckTests {
    @Test(arguments: [true, false])
    func readsAFileAcrossPieces(valid: Bool) throws {
        // A four-byte character straddles the first 1 MB piece; the invalid file ends cut short.
        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: (1 << 20) - 2) + Array("😀 café".utf8)
        if !valid { bytes += [0xE4, 0xB8] }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-utf8-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(UTF8FileCheck.isValid(url.path) == valid)
        #expect(!UTF8FileCheck.isValid(url.path + ".missing"))
    }
}
