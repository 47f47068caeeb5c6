import Testing
@testable import EarshotIngest

/// HTML (or text that may hold HTML) to plain text.
struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Hi</p><script>var s = '<p>not text</p>';</script>there", "Hi\nthere"),
        ("<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>Visible", "Visible"),
        ("<style>p { color: red }</style><p>Styled</p>", "Styled"),
        ("<noscript>Enable JS</noscript>Shown", "Shown"),
        ("Before<script>document.write(\"</div>\")</script>after", "Beforeafter"),
        ("<!-- a comment <p>with tags</p> -->Kept", "Kept"),
    ])
    func dropsScriptsStylesAndComments(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test(arguments: [
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("<div>a</div><div>b</div>", "a\nb"),
        ("first<br>second<br/>third<br />fourth", "first\nsecond\nthird\nfourth"),
        ("<ul><li>one</li><li>two</li></ul>", "one\ntwo"),
        ("<h2>Title</h2>Body", "Title\nBody"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>", "a b\nc"),
        ("a <b>bold</b> and <i>italic</i> word", "a bold and italic word"),
        ("<a href=\"https://x.example/?a=1&amp;b=2\" title='>'>link</a> text", "link text"),
        ("<p>  spaced \t out  </p>\n\n\n<p> again </p>", "spaced out\nagain"),
    ])
    func blockElementsBreakLines(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test(arguments: [
        ("Fish &amp; Chips", "Fish & Chips"),
        ("&lt;tag&gt; &quot;q&quot; &apos;a&apos;", "<tag> \"q\" 'a'"),
        ("caf&eacute; &hellip; &mdash; &copy; &euro;", "café … — © €"),
        ("&#233;&#8212;&#39;", "é—'"),
        ("&#xE9;&#X2014;&#x1F600;", "é—😀"),
        ("a&nbsp;b", "a b"),
        ("&unknown; &amp stays &#xZZ; &#; &", "&unknown; &amp stays &#xZZ; &#; &"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("&#xD800; is not a character", "&#xD800; is not a character"),
    ])
    func decodesEntities(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test(arguments: [
        // Escaped twice: after XML, the text is `&lt;p&gt;…`; it was meant as markup.
        ("&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;&lt;p&gt;Again&lt;/p&gt;", "Hello & welcome\nAgain"),
        ("Line one&lt;br&gt;Line two", "Line one\nLine two"),
        ("&lt;b&gt;Bold&lt;/b&gt; claim", "Bold claim"),
    ])
    func unescapesDoubleEscapedHTML(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test(arguments: [
        // Text about markup, not markup: no closing tag of a known element, or real tags already present.
        ("5 &lt; 6 and 7 &gt; 3", "5 < 6 and 7 > 3"),
        ("Use &lt;b&gt; for bold", "Use <b> for bold"),
        ("<p>Write &lt;/p&gt; to close a paragraph</p>", "Write </p> to close a paragraph"),
        ("a < b and c > d", "a < b and c > d"),
        ("1<2 and x<-y", "1<2 and x<-y"),
    ])
    func keepsTextThatOnlyLooksLikeMarkup(_ html: String, _ text: String) {
        #expect(HTMLText.plainText(html) == text)
    }

    @Test func emptyOrBlankIsNil() {
        #expect(HTMLText.plainText("") == nil)
        #expect(HTMLText.plainText("  \n\t ") == nil)
        #expect(HTMLText.plainText("<p> </p><br/>") == nil)
        #expect(HTMLText.plainText("<script>only()</script>") == nil)
    }

    @Test func unclosedScriptDropsTheRest() {
        #expect(HTMLText.plainText("Visible<script>never closed <p>hidden</p>") == "Visible")
    }

    @Test func foldKeepsSingleLineBreaks() {
        #expect(HTMLText.fold(" a \u{00A0} b \r\n\r\n c\u{3000}d ") == "a b\nc d")
    }
}
