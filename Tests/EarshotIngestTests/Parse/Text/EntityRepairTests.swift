import Testing
@testable import EarshotIngest

/// Ampersand repair for ill-formed feeds, before libxml2's recovering parser reads them.
struct EntityRepairTests {
    func repaired(_ text: String) -> String? {
        EntityRepair.repair(Array(text.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("<a>fish & chips</a>", "<a>fish &amp; chips</a>"),
        ("<link>https://x.example/?a=1&b=2</link>", "<link>https://x.example/?a=1&amp;b=2</link>"),
        ("<t>Caf&eacute;&nbsp;</t>", "<t>Caf&#233;&#160;</t>"),
        ("<t>&bogus; &</t>", "<t>&amp;bogus; &amp;</t>"),
        ("<t>&amp; &lt; &#233; &#x2014; &nbsp;</t>", "<t>&amp; &lt; &#233; &#x2014; &#160;</t>"),
        ("<t>&#xZZ; &#;</t>", "<t>&amp;#xZZ; &amp;#;</t>"),
    ])
    func repairsAmpersands(_ input: String, _ output: String) {
        #expect(repaired(input) == output)
    }

    @Test func leavesWellFormedReferencesAlone() {
        #expect(repaired("<t>&amp; &lt;&gt;&quot;&apos; &#65; &#x41;</t>") == nil)
        #expect(repaired("<t>no ampersand</t>") == nil)
    }

    @Test func leavesDocumentsWithTheirOwnEntitiesAlone() {
        #expect(repaired("<!DOCTYPE t [<!ENTITY brand \"Lumio\">]><t>&brand; & more</t>") == nil)
    }

    @Test func leavesUTF16Alone() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("<t>a & b</t>".utf8).flatMap { [$0, 0] }
        #expect(EntityRepair.repair(utf16) == nil)
    }
}
