import Testing
@testable import EarshotIngest

/// ``XMLNameTable`` never drops a name (an assembler keeps its names unretained), so it must
/// grow past its first 512 slots and still hand back the very entry made for each address.
struct XMLNameTableTests {
    @Test func keepsEveryNameAsItGrows() {
        // Addresses stand for libxml2's interned strings: one buffer per distinct name.
        let count = 2_000
        let names = (0..<count).map { "n\($0)" }
        let buffers = names.map { name -> UnsafeMutablePointer<UInt8> in
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: name.utf8.count + 1)
            buffer.initialize(from: Array(name.utf8) + [0], count: name.utf8.count + 1)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        let uri = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        uri.initialize(to: 0)
        defer { uri.deallocate() }

        let table = XMLNameTable()
        let first = buffers.map { table.entry(local: $0, uri: nil)!.takeUnretainedValue() }
        let again = buffers.map { table.entry(local: $0, uri: nil)!.takeUnretainedValue() }
        #expect(zip(first, again).allSatisfy { $0 === $1 })
        #expect(first.map(\.name.local) == names)
        // The same local name in another namespace is another entry.
        let namespaced = table.entry(local: buffers[0], uri: uri)!.takeUnretainedValue()
        #expect(namespaced !== first[0])
        #expect(table.entry(local: buffers[0], uri: uri)!.takeUnretainedValue() === namespaced)
    }

    /// Past ``XMLNameTable/limit`` names a new one is not kept (nil), so a document of a million
    /// element names costs no more memory here; every name kept is still found.
    @Test func keepsNoMoreThanItsLimit() {
        let count = XMLNameTable.limit + 10
        let buffers = (0..<count).map { index -> UnsafeMutablePointer<UInt8> in
            let bytes = Array("n\(index)".utf8) + [0]
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
            buffer.initialize(from: bytes, count: bytes.count)
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        let table = XMLNameTable()
        let entries = buffers.map { table.entry(local: $0, uri: nil)?.takeUnretainedValue() }
        #expect(entries.prefix(XMLNameTable.limit).allSatisfy { $0 != nil })
        #expect(entries.dropFirst(XMLNameTable.limit).allSatisfy { $0 == nil })
        #expect(table.entry(local: buffers[0], uri: nil)?.takeUnretainedValue() === entries[0])
        #expect(table.entry(local: buffers[XMLNameTable.limit - 1], uri: nil)?.takeUnretainedValue().name.local == "n\(XMLNameTable.limit - 1)")
    }
}
