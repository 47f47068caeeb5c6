import Testing
@testable import EarshotIngest

struct HTMLEntityTableTests {
    /// The names answered before libxml2's table mean there what they mean in it.
    @Test func commonNamesAgreeWithLibxml2() {
        for (name, character) in HTMLEntityTable.common {
            #expect(HTMLEntityTable.libxml2Character(named: name) == character, "&\(name);")
            let scalar = Array(name.utf8).withUnsafeBufferPointer { HTMLEntityTable.scalar(named: $0) }
            #expect(scalar == character.unicodeScalars.first, "&\(name);")
        }
        #expect(HTMLEntityTable.libxml2Character(named: "eacute") == "é")
        #expect(HTMLEntityTable.character(named: "notanentity") == nil)
    }
}
