/// A character encoding earshot can read, under the name glibc's iconv knows it by.
///
/// Labels found on the web (an HTTP `charset`, an XML declaration, a `<meta charset>`) are
/// mapped the way browsers (the WHATWG Encoding Standard) and feedparser map them: ISO-8859-1
/// and US-ASCII are read as Windows-1252 (a superset that gives `€`, `“` and `—` their meaning),
/// GB2312 and GBK as GB18030, Big5 as Big5-HKSCS, Shift_JIS as Windows-31J, EUC-KR as CP949.
struct TextEncoding: Hashable, Sendable, CustomStringConvertible {
    /// The iconv name (`UTF-8`, `UTF-16LE`, `WINDOWS-1252`, `GB18030`, `IBM037`, ...).
    let name: String

    var description: String { name }

    static let utf8 = TextEncoding(name: "UTF-8")
    static let utf16LE = TextEncoding(name: "UTF-16LE")
    static let utf16BE = TextEncoding(name: "UTF-16BE")
    static let utf32LE = TextEncoding(name: "UTF-32LE")
    static let utf32BE = TextEncoding(name: "UTF-32BE")
    static let windows1252 = TextEncoding(name: "WINDOWS-1252")
    static let gb18030 = TextEncoding(name: "GB18030")
    static let big5 = TextEncoding(name: "BIG5-HKSCS")
    /// EBCDIC code page 037 (US/Canada), what `<?xml` in EBCDIC usually is.
    static let ibm037 = TextEncoding(name: "IBM037")

    /// The byte layout an encoding belongs to, as the XML spec's appendix F sniffs it.
    enum Family: Sendable { case asciiCompatible, utf16LE, utf16BE, utf32LE, utf32BE, ebcdic }

    var family: Family {
        switch name {
        case "UTF-16LE": .utf16LE
        case "UTF-16BE": .utf16BE
        case "UTF-32LE": .utf32LE
        case "UTF-32BE": .utf32BE
        case _ where TextEncoding.ebcdicNames.contains(name): .ebcdic
        default: .asciiCompatible
        }
    }

    /// True for the 8-bit Latin encodings a server names by habit (ISO-8859-1, Windows-1252, US-ASCII).
    var isWesternSingleByte: Bool { self == .windows1252 }

    /// The encoding a label names, or nil for an empty label. `UTF-16` and `UTF-32` without an
    /// order come back big-endian (RFC 2781); the caller corrects the order from the bytes.
    /// The result may still be unknown to iconv (see ``Transcoder/supports(_:)``).
    static func labelled(_ label: String) -> TextEncoding? {
        var key = label.lowercased()
        key.removeAll { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" }
        guard !key.isEmpty else { return nil }
        if let known = aliases[key] { return known }
        // Python's codec names use `_` where the registered names use `-` (`windows_1251`, `ebcdic_cp_be`).
        let dashed = key.replacingOccurrences(of: "_", with: "-")
        if let known = aliases[dashed] { return known }
        return TextEncoding(name: dashed.uppercased())
    }

    static let ebcdicNames: Set<String> = ["IBM037", "IBM500", "IBM1047", "IBM1140", "IBM273", "IBM277", "IBM278", "IBM280", "IBM284", "IBM285", "IBM297", "IBM871", "IBM875"]

    private static let aliases: [String: TextEncoding] = {
        var table: [String: TextEncoding] = [:]
        func add(_ encoding: TextEncoding, _ labels: [String]) { for label in labels { table[label] = encoding } }
        add(.utf8, ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8", "unicode20utf8"])
        add(.utf16BE, ["utf-16", "utf16", "utf-16be", "unicode", "ucs-2", "iso-10646-ucs-2", "csunicode", "unicodefffe"])
        add(.utf16LE, ["utf-16le", "unicodefeff", "ucs-2le"])
        add(.utf32BE, ["utf-32", "utf32", "utf-32be", "ucs-4", "iso-10646-ucs-4"])
        add(.utf32LE, ["utf-32le", "ucs-4le"])
        add(.windows1252, ["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987",
                           "iso_8859-1:1987", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
                           "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-6", "cp367", "ibm367", "csascii", "us", "iso646-us",
                           "x-ansi", "ansi"])
        add(.gb18030, ["gb18030", "gb2312", "gbk", "cp936", "x-gbk", "euc-cn", "csgb2312", "chinese", "iso-ir-58", "ms936",
                       "windows-936", "gb_2312-80", "gb_2312", "csiso58gb231280", "x-euc-cn"])
        add(.big5, ["big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950", "x-big5", "big-5", "big5hkscs"])
        add(.ibm037, ["ibm037", "cp037", "ebcdic-cp-us", "ebcdic-cp-ca", "ebcdic-cp-wt", "ebcdic-cp-nl", "csibm037", "ibm-37", "cp37", "ebcdic"])
        add(TextEncoding(name: "IBM500"), ["ibm500", "cp500", "ebcdic-cp-be", "ebcdic-cp-ch", "csibm500", "ebcdic-international-500"])
        add(TextEncoding(name: "IBM875"), ["ibm875", "cp875", "ebcdic-greek", "ibm-875"])
        add(TextEncoding(name: "IBM1047"), ["ibm1047", "cp1047", "ibm-1047"])
        add(TextEncoding(name: "IBM1140"), ["ibm1140", "cp1140", "ccsid01140", "ebcdic-us-37+euro"])
        add(TextEncoding(name: "CP932"), ["shift_jis", "shift-jis", "sjis", "ms_kanji", "windows-31j", "x-sjis", "cp932", "csshiftjis"])
        add(TextEncoding(name: "CP949"), ["euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "cp949", "windows-949", "ksc5601", "csksc56011987", "korean"])
        add(TextEncoding(name: "WINDOWS-1254"), ["iso-8859-9", "iso8859-9", "latin5", "l5", "windows-1254", "cp1254"])
        add(TextEncoding(name: "WINDOWS-874"), ["tis-620", "iso-8859-11", "windows-874", "dos-874", "cp874"])
        add(TextEncoding(name: "MACINTOSH"), ["macintosh", "mac", "x-mac-roman", "macroman", "csmacintosh", "x-mac"])
        add(TextEncoding(name: "CP437"), ["ibm437", "cp437", "437", "cspc8codepage437"])
        add(TextEncoding(name: "CP850"), ["ibm850", "cp850", "850", "cspc850multilingual"])
        add(TextEncoding(name: "CP861"), ["ibm861", "cp861", "861", "cp-is", "csibm861"])
        add(TextEncoding(name: "MAC-CENTRALEUROPE"), ["maccentraleurope", "mac-centraleurope", "maclatin2", "mac-latin2", "x-mac-ce", "x-mac-centraleurroman"])
        add(TextEncoding(name: "MAC-CYRILLIC"), ["maccyrillic", "mac-cyrillic", "x-mac-cyrillic"])
        add(TextEncoding(name: "MACICELAND"), ["maciceland", "mac-iceland", "x-mac-icelandic"])
        add(TextEncoding(name: "MACGREEK"), ["macgreek", "mac-greek", "x-mac-greek"])
        add(TextEncoding(name: "MACTURKISH"), ["macturkish", "mac-turkish", "x-mac-turkish"])
        add(TextEncoding(name: "CP866"), ["ibm866", "cp866", "866", "csibm866"])
        add(TextEncoding(name: "KOI8-R"), ["koi8-r", "koi8", "koi", "cskoi8r"])
        add(TextEncoding(name: "KOI8-U"), ["koi8-u", "koi8-ru"])
        add(TextEncoding(name: "EUC-JP"), ["euc-jp", "x-euc-jp", "cseucpkdfmtjapanese"])
        add(TextEncoding(name: "ISO-2022-JP"), ["iso-2022-jp", "csiso2022jp"])
        return table
    }()
}
