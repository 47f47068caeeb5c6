import Testing
@testable import EarshotIngest

/// ``XMLPushParser`` (SAX2) must hand a handler exactly what libxml2's xmlTextReader, which it
/// replaced for streaming, handed it: the same elements, attributes, xml:base, depths and
/// captured text, for every kind of node a feed holds.
struct XMLPushParserTests {
    /// Records every call; the capture is chosen by the element's local name.
    struct Recorder: XMLElementHandler {
        var calls: [String] = []

        mutating func start(_ name: XName, attributes: [XMLAttribute], base: String?, depth: Int) throws -> Capture {
            let list = attributes.map { "\($0.namespaceURI ?? "-")|\($0.localName)=\($0.value)" }.joined(separator: ",")
            calls.append("start \(name) [\(list)] base=\(base ?? "-") depth=\(depth)")
            switch name.local {
            case "all", "title", "description": return .allText
            case "markup", "body": return .markup
            case "skip": return .ignored
            default: return .ownText
            }
        }

        mutating func end(_ name: XName, text: String, base: String?, depth: Int) throws {
            calls.append("end \(name) text=\(text.debugDescription) base=\(base ?? "-") depth=\(depth)")
        }
    }

    static let documents: [String] = [
        // Attributes with predefined, numeric and defined entities; namespace declarations first.
        """
        <!DOCTYPE rss [<!ENTITY co "Lumio &amp; Co">]>
        <rss version="2.0" xmlns:a="http://www.w3.org/2005/Atom" a:x="1"><channel>
        <a:link href="https://shop.example/?a=1&amp;b=2&#38;c=&lt;&#x41;&quot;" rel="alternate"/>
        <item about="&co; here"><guid isPermaLink="false">g</guid></item></channel></rss>
        """,
        // Defined entities in text (left as references, dropped unless HTML names them), HTML's nbsp.
        """
        <!DOCTYPE rss [<!ENTITY co "Lumio Inc"><!ENTITY nbsp "&#160;"><!ENTITY bold "<b>bold</b> text">]>
        <rss><channel><title>A &co; B&nbsp;C &bold; D</title><x>own &co; &amp; &lt;b&gt; text</x></channel></rss>
        """,
        // RSS 0.91's external DTD: undefined HTML entities are references.
        """
        <?xml version="1.0"?>
        <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
        <rss version="0.91"><channel><title>Caf&eacute; &mdash; &unknownthing; ok</title><x>&eacute;t&eacute;</x></channel></rss>
        """,
        // xml:base nested and relative.
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/dir/"><entry xml:base="sub/">
        <link href="x"/><content xml:base="/root/" type="xhtml"><div>t</div></content></entry><x xml:base="../up/"><y/></x></feed>
        """,
        // Markup capture: empty elements, CDATA, escaped text, nested block elements, mixed case tags.
        """
        <feed xmlns="http://www.w3.org/2005/Atom"><markup><P>One &amp; <B>two</B> &lt;3</P><br/><script/>after<![CDATA[ <raw> & ]]>\
        <Div><span></span></Div></markup><body xmlns="http://www.w3.org/1999/xhtml"><p>x</p><img src="a"/></body></feed>
        """,
        // All text: block elements (empty or not) break lines, others do not; attributes of inner elements unread.
        """
        <rss><channel><all>a<p>b</p>c<br/>d<br></br>e<li x="1">f</li><span>g</span><DIV/>h<![CDATA[i<j>]]></all></channel></rss>
        """,
        // Ignored and own text, comments, processing instructions, white space, an empty root child.
        """
        <?xml version="1.0"?>
        <!-- a comment -->
        <rss>
          <channel>
            <skip>never <b>kept</b> &amp; more</skip>
            <x>keep<!-- no -->this<?pi data?> and <y>inner</y> tail</x>
            <empty/>
          </channel>
        </rss>
        """,
        // Namespaces: default, prefixed, unknown, redeclared.
        """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:z="urn:unknown"><item rdf:about="u"><dc:creator>me</dc:creator>\
        <z:thing z:attr="v">zz</z:thing><inner xmlns="urn:other"><title>t</title></inner></item></rdf:RDF>
        """,
        // Attribute values of every length around the remembered short ones (0 to 17 bytes), each
        // read twice, with non-ASCII bytes and references.
        "<rss><channel>" + (0...17).map { n in
            let value = String("abcdefghijklmnopq".prefix(n))
            return "<a v=\"\(value)\" w=\"\(value)é\" x='\(value)&amp;'/><b v=\"\(value)\" w=\"\(value)é\"/>"
        }.joined() + "<c v=\"text\" w=\"html\"/><c v=\"html\" w=\"text\"/></channel></rss>",
        // A text node far larger than a chunk, with entities spread through it, and non-ASCII text.
        "<rss><channel><x>" + String(repeating: "Lumio &amp; 中文 café ", count: 12_000) + "</x><title>"
            + String(repeating: "t&lt;", count: 30_000) + "</title></channel></rss>",
    ]

    private func viaPushParser(_ xml: String) throws -> [String] {
        let (calls, parser) = try pushParse(xml)
        #expect(parser.errorCount == 0, "\(parser.diagnostics)")
        return calls
    }

    /// The calls a ``Recorder`` saw for `xml` read by the push parser, and the parser (for its errors).
    private func pushParse(_ xml: String) throws -> (calls: [String], parser: XMLPushParser) {
        let input = try PushInput(bytes: Array(xml.utf8), encoding: nil)
        let assembler = XMLEventAssembler(handler: Recorder(), line: { input.parser.line })
        input.parser.events = assembler
        defer { input.parser.events = nil }
        try input.feed()
        try assembler.finish()
        let recorder = try #require(assembler.handler as? Recorder)
        return (recorder.calls, input.parser)
    }

    private func viaTextReader(_ xml: String) throws -> [String] {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8))
        var recorder = Recorder()
        try XMLEventDriver().run(reader, handler: &recorder, startingAtCurrentNode: false)
        #expect(reader.errorCount == 0, "\(reader.diagnostics)")
        return recorder.calls
    }

    @Test(arguments: documents.indices)
    func handsTheHandlerWhatTheTextReaderDid(_ index: Int) throws {
        let pushed = try viaPushParser(Self.documents[index])
        let read = try viaTextReader(Self.documents[index])
        #expect(!pushed.isEmpty)
        #expect(pushed == read)
    }

    @Test func stopsAtTheFirstErrorAndKeepsItsPlace() throws {
        let input = try PushInput(bytes: Array("<rss><channel>\n<title>a & b</title><x>after</x></channel></rss>".utf8), encoding: nil)
        let assembler = XMLEventAssembler(handler: Recorder(), line: { input.parser.line })
        input.parser.events = assembler
        defer { input.parser.events = nil }
        try input.feed()
        let error = input.parser.diagnostics.first { $0.isError }
        let first = try #require(error)
        #expect(first.line == 2)
        // Nothing after the error reached the handler.
        let recorder = try #require(assembler.handler as? Recorder)
        let calls = recorder.calls
        #expect(!calls.contains { $0.contains("x") })
    }

    /// Text runs go straight to the open element's buffer; after libxml2's first error none does,
    /// in own text, all text or markup, though what was read before it stays.
    @Test(arguments: ["title", "x", "markup"])
    func keepsNoTextAfterTheFirstError(_ element: String) throws {
        let xml = "<rss><channel><\(element)>before &amp; <b>kept</b> & lost</\(element)><y>never</y></channel></rss>"
        let (calls, parser) = try pushParse(xml)
        #expect(parser.errorCount > 0)
        let end = try #require(calls.first { $0.hasPrefix("end \(element) ") })
        #expect(end.contains("before"), "\(end)")
        #expect(!end.contains("lost"), "\(end)")
        #expect(!calls.contains { $0.contains("never") })
    }

    /// The line of the start tag the parser refuses for its attributes, fed `xml` in chunks of
    /// `chunk` bytes, or nil when it reads the whole document.
    private func refusedLine(_ xml: [UInt8], chunk: Int) throws -> Int? {
        let parser = try xml.withUnsafeBufferPointer { try XMLPushParser(head: UnsafeBufferPointer(rebasing: $0[..<4]), url: nil, encoding: nil) }
        let assembler = XMLEventAssembler(handler: Recorder(), line: { parser.line })
        parser.events = assembler
        defer { parser.events = nil }
        do {
            var start = 4
            while start < xml.count {
                let end = min(xml.count, start + chunk)
                try xml.withUnsafeBufferPointer { try parser.feed(UnsafeBufferPointer(rebasing: $0[start..<end])) }
                start = end
            }
            try parser.finish()
            #expect(parser.errorCount == 0, "\(parser.diagnostics)")
            return nil
        } catch XMLEventDriver.Failure.tooManyAttributes(let line) {
            return line
        }
    }

    /// The attribute guard only scans once libxml2's unparsed bytes and the next chunk could hold a
    /// refused tag, starting where libxml2 stands: a tag with one attribute too many is refused on
    /// its own line after hundreds of lines read unscanned, whatever the chunk size and whether
    /// libxml2 converts the document (ISO-8859-1) or not; 300 KB of `a="b"` in a comment, a
    /// CDATA section and an attribute value hold no attribute, and neither does a long text.
    /// (A guard started at the first line, or never, fails it.)
    @Test(arguments: ["", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"])
    func refusesATagWithTooManyAttributesOnItsLine(_ declaration: String) throws {
        let items = String(repeating: "<item><title>t\u{E9}</title><description><![CDATA[<p>" + String(repeating: "x", count: 1_500)
                           + "</p>]]></description></item>\n", count: 300)
        let equals = String(repeating: " a=\"b\"", count: 50_000)
        let harmless = "<!--" + equals + " -->\n<x><![CDATA[<y" + equals + ">]]></x>\n<x v='" + equals + "'/>\n<x>" + equals + "</x>\n"
        let tag = "<item" + (0...StartTagGuard.limit).map { " a\($0)=\"\($0)\"" }.joined() + "><title>Many</title></item>"
        let head = declaration + "<rss>\n<channel>\n"
        let line = head.count { $0 == "\n" } + 300 + 4 + 1
        // `é` as one byte in ISO-8859-1, as two in UTF-8.
        let encode = { (text: String) in declaration.isEmpty ? Array(text.utf8) : text.unicodeScalars.map { UInt8($0.value) } }
        let bytes = encode(head + items + harmless + tag + "</channel></rss>\n")
        let plain = encode(head + items + harmless + "</channel></rss>\n")
        for chunk in [1_000, 65_536, 1 << 20] {
            #expect(try refusedLine(bytes, chunk: chunk) == line, "chunk \(chunk)")
            #expect(try refusedLine(plain, chunk: chunk) == nil, "chunk \(chunk)")
        }
    }
}
