import Foundation
import Testing
@testable import EarshotIngest

/// The byte-level ``HTMLReducer`` (through ``HTMLText``) against the String-level
/// ``HTMLTextReference`` it replaced: the same answer on tricky inputs and on generated ones.
struct HTMLReducerTests {
    static let tricky: [String] = [
        "", " ", "\n\r\n\t", "plain words only", "  lead and trail  ", "a\u{00A0}b\u{3000}c\u{0C}d\u{0B}e\u{85}f\u{2028}g\u{2029}h",
        "<p>Hi</p><script>var s = '<p>not text</p>';</script>there", "<SCRIPT type=\"text/javascript\">alert(1)</SCRIPT>Visible",
        "<ScRiPt>x</sCrIpT >after", "<script>never closed", "<style>a</styles>b", "<!-- c --> d <!--> e --> f", "<!-->", "<!--",
        "<!DOCTYPE html><p>x", "<?xml x?>y", "< p>not a tag", "<1>digit", "</ >x", "</", "<", "a<b", "a < b & c > d",
        "<a href=\"x>y\" title='a\"b'>link</a>", "<a href=\"unterminated>text", "<img src=x/>", "<br/>a<br />b<BR>c",
        "<td>a</td><td>b</td>", "<tr><th>c</th></tr>", "<blockquote><b>q</b></blockquote>", "<figcaption>f</figcaption>",
        "<émoji>tag</émoji>x", "<bloc\u{212A}quote>kelvin</bloc\u{212A}quote>", "<Σ>greek</Σ>", "<p\u{0301}>mark",
        "Fish &amp; Chips", "&lt;p&gt;double&lt;/p&gt;", "&lt;b&gt;bold&lt;/b&gt; stays?", "&lt;br&gt;x", "&lt;br /&gt;y", "&lt;BR/&gt;z",
        "&lt;br  &gt;", "&lt;/span&gt;", "&lt;/unknown&gt;", "&lt;p&gt;&amp;lt;p&amp;gt;", "<p>&lt;/p&gt;</p>",
        "&#233;&#8212;&#39;&#x1F600;&#X2014;", "&#0;", "&#x110000;", "&#xD800;", "&#+65;", "&#-0;", "&#x+41;", "&#;", "&#x;",
        "&unknown; &amp stays &#xZZ; &#; &", "&nbsp;&hellip;&copy;&euro;&eacute;&Kappa;&thetasym;", "&averyveryverylongentitynamethatgoesonandon;",
        "&amp\u{037E}", "&#65\u{037E}x", "&amp;\u{0301}", "&\u{0301}amp;", " \u{0301} ", "a \u{0301}b", "\u{0600} x",
        "&#x301;a", "a&#32;&#x301;b", "&#x20;&#x20;&#x0A;", "x&#10;&#10;y", "&#12288;z", "👍🏽 and 🇲🇾 and 👨‍👩‍👧",
        "e\u{0301}&amp;", "한국어 텍스트 <b>굵게</b>", "这个应用更新以后登录又坏了 &mdash; “quoted”", "Zoë Müller &amp; 李小龙",
        "\r\n<p>\r\n a \r\n</p>\r\n", "a&&amp;;b", "&&&;;;", "&amp;amp;", "&a;&b;&lt", "<p>a</p>&nbsp;<p>b</p>",
        "<object>o</object><iframe src=x>i</iframe><template>t</template><noscript>n</noscript>end",
        // A dropped element's end, found from `<` to `<`: others before it, at the very end, cut short, or in capitals.
        "<script>a<b<</scrip></scriptx></script>after", "<style>x</style", "<style>x</styl", "<style></STYLE>y<style>z</Style>w",
        "<script><</script>", "<noscript>\u{00E9}<\u{00E9}</NoScript>ok", "x<script>", "<script>a</script><script>b</script>c",
        "<li>one<li>two</ul>", "<h7>x</h7>", "<H1>T</H1>", "<x:p>ns</x:p>", "<a-b>dash</a-b>",
        // Groups of tags read in one go: ended by text, by a `<` that starts no tag, by the end.
        "a</b></p><ul><li>b", "<p></p><1>x", "x</b><", "<br><br/><td>y", "<b></b>< p>", "<i></i>&lt;p&gt;", "<p></p>",
        // One survey pass, eight bytes at a time: markup and marks on both sides of word boundaries.
        "\u{0301}<b>x</b>", "abcdefg<\u{0301}", "abcdefgh&#x301;ijklmnop", "abcdefgh\u{00A0}ijklmnop\u{3000}q",
        "李李李李 \u{2028}x李李李李李李李李\u{2029}", "abcdefghijklmn&amp;opq", "abcdefghijklmn<br>opq", "\u{0600}<p>a&amp;b</p>",
        "ÂâÃãéééééé\u{00A0}\u{00A0}", "a&#x2014;b&#x4E00;c&#x300;", "&#x2010;&#x2029;&#x202A;&#x3FFF;&#x4000;&#x9FFF;&#xA000;",
        // The single pass: references broken by tags, JSON escapes, text escaped twice with and without tags.
        "&am<b></b>p;", "&amp<b>;</b>", "AT&<b>T</b>", "Tom & Jerry</p>", "&#6<i></i>5;x", "&x<br>y;", "&a b<p>c;",
        "say \"hi\" \\ back", "<p>\"q\"</p>\\", "a&#1;b&#x1F;c&#34;d&#92;e", "&quot;quoted&quot; &lt;x&gt;", "a\u{01}\u{08}\u{0E}\u{1F}b",
        "&lt;p&gt;x&lt;/p&gt;<!-- -->", "&lt;/p&gt;", "a &lt; b", "<&#47;p>after", "&#60;/b>tail", "x\u{2028}\"y\u{2029}\\",
        "word   \"<b>b</b>\"  word&amp;&quot;", "李李李\"李\\李李李李李", "abcdefg\"hijklmn\\opq|rst|",
    ]

    @Test(arguments: tricky)
    func plainTextMatchesReference(_ html: String) {
        #expect(HTMLText.plainText(html) == HTMLTextReference.plainText(html))
        #expect(HTMLText.fold(html) == HTMLTextReference.fold(html))
        #expect(Self.encodes(json(html, plain: false), HTMLTextReference.plainText(html)))
        #expect(Self.encodes(json(html, plain: true), HTMLTextReference.fold(html)))
    }

    /// What ``HTMLText/writeJSON(_:plain:into:)`` writes for `html` after bytes already in the
    /// output (which start too near its capacity, so it must grow).
    private func json(_ html: String, plain: Bool) -> String {
        let output = TextOutput(capacity: 16)
        output.append("0123456789abcde")
        Array(html.utf8).withUnsafeBufferPointer { HTMLText.writeJSON($0, plain: plain, into: output) }
        let text = String(decoding: output.bytes, as: UTF8.self)
        return text.hasPrefix("0123456789abcde") ? String(text.dropFirst(15)) : "lost the bytes before: " + text
    }

    /// True when `json` is a JSON string literal of `reference` (`null` for nil): it parses as
    /// JSON to exactly that text and holds no raw line or paragraph separator (JSON allows them,
    /// JavaScript does not, so the writer escapes them). The exact escapes are pinned by the
    /// parse-feed output tests.
    static func encodes(_ json: String, _ reference: String?) -> Bool {
        guard let reference else { return json == "null" }
        // On bytes and scalars: a combining mark after the quote joins it in one Character.
        guard json.utf8.first == UInt8(ascii: "\""), !json.unicodeScalars.contains(where: { $0 == "\u{2028}" || $0 == "\u{2029}" }),
              let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String else { return false }
        return decoded == reference
    }

    /// Words, single and double spaces, marks and scalars led by 0xC2, 0xE2 and 0xE3, and the
    /// bytes JSON and HTML escape, at every offset of the pass's sixteen- and eight-byte steps,
    /// white space and not.
    @Test(arguments: 0..<32)
    func foldRunsMatchReferenceAtEveryOffset(_ offset: Int) {
        let pieces = ["a b", "ab  c", "a\tb", "a \u{00A0}b", "x©y", "x—y", "x“y”", "x\u{3000}y", "x、y", "x\u{2028}y", "x\u{85}y",
                      "a \u{0301}b", "李 李", "a\nb", "a \n b", "ab ", " ab", "a\u{01}b", "a \u{1F}b",
                      "a\"b", "a\\b", "a|b", "a &amp; b", "a <b>b</b> c", "é ü", "a \"b", "a\u{7F}b", "a \u{7F}"]
        for piece in pieces {
            for filler in [9, 17] {
                let text = String(repeating: "w", count: offset) + piece + String(repeating: "z", count: filler) + piece
                #expect(HTMLText.fold(text) == HTMLTextReference.fold(text), "fold(\(text.debugDescription))")
                #expect(Self.encodes(json(text, plain: true), HTMLTextReference.fold(text)), "writeJSON(\(text.debugDescription))")
                #expect(Self.encodes(json(text, plain: false), HTMLTextReference.plainText(text)), "writeJSON(\(text.debugDescription))")
            }
        }
    }

    /// Tags and references read from eight-byte words when they fit (``HTMLReducer``'s short
    /// readers) and by the general readers when they do not: every shape near the limits (names of
    /// seven, eight, fifteen and sixteen bytes, name bytes that are not letters or digits, non-ASCII, a `<` or a
    /// high byte before the `;`, numbers that are no scalar), at every offset, with the input
    /// ending at every distance after them (where the word would run past its end).
    @Test(arguments: 0..<12)
    func shortTagsAndReferencesMatchReference(_ tail: Int) {
        let pieces = ["<p>", "</p>", "<br/>", "<BR >", "<a href=\"x>y\">", "<abcdefg>", "<abcdefgh>", "</abcdefg>", "<p-x>", "<p:x>",
                      "<b!>", "<b?>", "<b\u{00E9}>", "<p1>", "<1p>", "<h1 class='c'>", "<li>", "</li\u{00E9}", "<script>s</script>",
                      "<td>", "<x\u{01}>", "<Ab9>", "<p", "</", "&amp;", "&#8220;", "&#65;", "&#x41;", "&#0;", "&#55296;", "&#1114112;",
                      "&#111411;", "&a<b;", "&amp", "&ampx;", "&AMP;", "&copy1;", "&c\u{00E9};", "&a b;", "&#;", "&;", "&#12a;", "&nbsp;",
                      "&hellip;", "&thetasym;", "&mdash;x", "&#8212;", "&#00065;", "&#\u{01};", "&lt;p&gt;",
                      "<blockquote>", "</BLOCKQUOTE >", "<figcaption class=x>", "<abcdefghijklmno>", "<abcdefghijklmnop>",
                      "</abcdefghijklmnopq>", "<abcdefgh-x>", "<abcdefghi\u{00E9}>", "<abcdefgh", "<abcdefgh1>"]
        for piece in pieces {
            for offset in 0..<16 {
                let text = String(repeating: "w", count: offset) + piece + String(repeating: "z", count: tail)
                #expect(HTMLText.plainText(text) == HTMLTextReference.plainText(text), "plainText(\(text.debugDescription))")
                #expect(Self.encodes(json(text, plain: false), HTMLTextReference.plainText(text)), "writeJSON(\(text.debugDescription))")
            }
        }
    }

    /// Decimal references of one to seven digits (the short reader takes up to six at once),
    /// with each digit in turn replaced by a byte next to the digits' range or another non-digit;
    /// eight bytes follow each, so that the short reader's word is within the text.
    @Test
    func decimalReferencesOfEveryLengthMatchReference() {
        var texts: [String] = []
        for count in 1...7 {
            let digits = Array("9081726".prefix(count)).map(String.init)
            texts.append("a&#\(digits.joined());bbbbbbbb")
            for position in 0..<count {
                for other in ["/", ":", "0", "9", "a", "x", " ", "\u{7F}", "<", "&", "#"] {
                    var changed = digits
                    changed[position] = other
                    texts.append("a&#\(changed.joined());bbbbbbbb")
                }
            }
        }
        texts += ["&#1;", "&#65;", "&#000065;", "&#999999;", "&#1114111;", "&#111411;", "&#000000;", "&#0000009;"].map { $0 + "bbbbbbbb" }
        for text in texts {
            #expect(HTMLText.plainText(text) == HTMLTextReference.plainText(text), "plainText(\(text.debugDescription))")
            #expect(Self.encodes(json(text, plain: false), HTMLTextReference.plainText(text)), "writeJSON(\(text.debugDescription))")
        }
    }

    /// ``HTMLReducer/isAlreadyPlain(_:)``, which lets a title keep its own `String`: whenever it says
    /// yes, the reduction and the fold give the text back unchanged. Every ASCII byte and the lead
    /// bytes of every kind of scalar, alone, doubled and around single and double spaces.
    @Test
    func alreadyPlainTextIsItsOwnReduction() {
        var pieces = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        pieces += ["é", "ʰ", "李", "©", "\u{00A0}", "\u{85}", "—", "“", "\u{2028}", "\u{3000}", "、", "\u{0301}", "👍", "Σ", "Ω", "ё", "한", "&amp;"]
        var plainCount = 0
        for piece in pieces {
            let shapes = [piece, "a" + piece + "b", piece + piece, "ab " + piece + " cd", piece + " x", "x " + piece, " " + piece, piece + " "]
            // Each shape at every offset of the eight-byte steps, and across a step's end.
            for text in shapes + (1..<17).flatMap({ offset in shapes.map { String(repeating: "w", count: offset) + $0 + "z" } }) {
                var bytes = text
                let plain = bytes.withUTF8 { HTMLReducer.isAlreadyPlain($0) }
                if plain {
                    plainCount += 1
                    let reduced = bytes.withUTF8 { HTMLReducer.plainText($0) }, folded = bytes.withUTF8 { HTMLReducer.fold($0) }
                    guard case .text(let reducedText) = reduced, case .text(let foldedText) = folded else {
                        Issue.record("unsure for \(text.debugDescription)")
                        continue
                    }
                    #expect(reducedText == text && foldedText == text, "\(text.debugDescription)")
                }
                #expect(HTMLText.plainText(text) == HTMLTextReference.plainText(text), "plainText(\(text.debugDescription))")
                #expect(HTMLText.fold(text) == HTMLTextReference.fold(text), "fold(\(text.debugDescription))")
            }
        }
        #expect(plainCount > 5_000)
        for text in ["says works service was replied", "陈静", "Zoë \"Z\" Müller\\x", "a|b>c", "abcdefgh ijklmnop\u{7F}"] {
            var bytes = text
            #expect(bytes.withUTF8 { HTMLReducer.isAlreadyPlain($0) }, "\(text.debugDescription)")
        }
        for text in ["", " ", "a  b", " a", "a ", "a\tb", "a\nb", "a&b", "a<b", "a\u{00A0}b", "a\u{0301}", "x—y", "\u{01}", "abcdefg  hijk", "abcdefgh  ijk", "abcdefgh ", "abcdefgh\u{1F}ijk", "abcdefghijklmno&"] {
            var bytes = text
            #expect(!bytes.withUTF8 { HTMLReducer.isAlreadyPlain($0) }, "\(text.debugDescription)")
        }
    }

    /// Fragments the generator strings together: markup, references and white space of every kind.
    static let fragments: [String] = [
        "<", ">", "/", "&", ";", "#", "x", "p", "br", "b", "script", "td", " ", "  ", "\t", "\n", "\r\n", "\u{00A0}", "\u{3000}",
        "amp", "lt", "gt", "nbsp", "233", "x1F600", "<p>", "</p>", "<br/>", "&lt;", "&gt;", "&amp;", "<!--", "-->", "\"", "'",
        "é", "李", "\u{0301}", "\u{037E}", "👍🏽", "Σ", "word", "<script>", "</script>", "&#", "&lt;/b&gt;", "<td>",
        "\\", "|", "\u{01}", "abcdefgh", "\u{2028}", "&quot;",
    ]

    @Test(arguments: 0..<8)
    func generatedTextMatchesReference(_ seed: Int) {
        var random = SplitMix(state: UInt64(seed) &+ 0x9E37_79B9)
        for _ in 0..<1_500 {
            var html = ""
            for _ in 0..<Int(random.next() % 24) { html += Self.fragments[Int(random.next() % UInt64(Self.fragments.count))] }
            let fast = HTMLText.plainText(html), reference = HTMLTextReference.plainText(html)
            #expect(fast == reference, "plainText(\(html.debugDescription))")
            #expect(HTMLText.fold(html) == HTMLTextReference.fold(html), "fold(\(html.debugDescription))")
            #expect(Self.encodes(json(html, plain: false), reference), "writeJSON(\(html.debugDescription))")
            if fast != reference { return }
        }
    }

    /// A small deterministic generator, so each seed is the same case on every run.
    struct SplitMix {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
