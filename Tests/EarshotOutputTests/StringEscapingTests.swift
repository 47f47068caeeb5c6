import Testing
@testable import EarshotOutput

/// `String.htmlEscaped` and `String.markdownEscaped`.
@Suite struct StringEscapingTests {
    @Test func htmlEscapingCoversQuotesAndControls() {
        #expect("<a href='x'>\"&\"</a>\u{0}".htmlEscaped == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;\u{FFFD}")
        #expect("客服 <b>Perkhidmatan</b>\n".htmlEscaped == "客服 &lt;b&gt;Perkhidmatan&lt;/b&gt;\n")
    }

    @Test func markdownEscapingKeepsOneLineAndLiteralText() {
        #expect("a|b\nc*d".markdownEscaped == "a\\|b — c\\*d")
        #expect("# not a heading & &amp; > -1".markdownEscaped == "\\# not a heading & \\&amp; > -1")
        #expect("-5 stars".markdownEscaped == "\\-5 stars")
        #expect("[x](javascript:alert(1)) `code` _em_ ~s~".markdownEscaped == "\\[x\\](javascript:alert(1)) \\`code\\` \\_em\\_ \\~s\\~")
        #expect("<script>alert(1)</script>".markdownEscaped == "\\<script>alert(1)\\</script>")
    }
}
