/// Decides which encoding a document is in, with the precedence of RFC 7303 (XML media types),
/// and re-encodes it as UTF-8 for the parsers.
///
/// Precedence: a byte-order mark; then the HTTP `charset`; then what the document says of
/// itself (the XML declaration's `encoding`, or a page's `<meta charset>` in its first 1024
/// bytes); then UTF-8. A label that contradicts the bytes' own layout is ignored with a
/// warning: `UTF-16` on bytes that read `<?xml` in ASCII, or an ASCII label on bytes whose
/// `<` comes as `00 3C` (UTF-16 and UTF-32 without a mark) or as `4C 6F A7 94` (`<?xm` in
/// EBCDIC). Labels are mapped as browsers map them (``TextEncoding/labelled(_:)``).
///
/// Two labels the web gets wrong are checked against the bytes, each with a warning:
/// UTF-8 (named or by default) on bytes that are not UTF-8 and show no UTF-8 sequence at all is
/// read as Windows-1252; ISO-8859-1, US-ASCII or Windows-1252 on bytes that are valid UTF-8
/// with multi-byte sequences is read as UTF-8. Other invalid bytes become U+FFFD, with one
/// warning that names the document and the first byte offset.
///
/// Why transcode here rather than hand libxml2 the encoding name: libxml2 2.9.14 on this system
/// reads every encoding but UTF-8, UTF-16 and ISO-8859-1 through the same glibc iconv, but it
/// stops at the first byte iconv rejects ("input conversion failed due to input error"), cannot
/// fall back from a wrong label, and switches encoders when a declaration disagrees with the
/// name it was given. Measured on the 83 MB RSS file of `bench/parse/make_big_feed.py` (best of
/// 5, `swiftc -O`, 2-core machine), against 0.59 s of CPU for libxml2's xmlTextReader alone:
/// - UTF-8 (almost every feed): one validating scan, no copy: 35 ms (2.4 GB/s), about 6%.
/// - GB18030 (79 MB): iconv here 0.50 s, then libxml2 on UTF-8; libxml2 converting itself
///   takes 0.96 s in all, so about 13% more CPU. With one invalid byte at 10% of the file,
///   libxml2 stops there (145,405 of 1,459,684 nodes read); here one U+FFFD and a warning.
/// - UTF-16LE (152 MB): iconv 0.44 s; libxml2 converting itself 0.89 s in all.
/// The price (a copy of non-UTF-8 documents and 10–15% more CPU on them) buys documents that are
/// read to the end and warnings with byte offsets.
enum EncodingSniffer {
    /// What decided the encoding.
    enum Evidence: String, Sendable {
        case byteOrderMark = "the byte-order mark"
        case transport = "the HTTP charset"
        case declaration = "the XML declaration"
        case meta = "the page's <meta charset>"
        case bytePattern = "the byte pattern of its first '<'"
        case utf8Default = "the UTF-8 default"
        case bytes = "the bytes themselves"
    }

    /// A decision before the bytes are decoded.
    struct Decision {
        var encoding: TextEncoding
        var evidence: Evidence
        /// Bytes of the byte-order mark to skip.
        var markLength = 0
        /// Labels that were ignored, and why.
        var notes: [String] = []
    }

    /// A document re-encoded as UTF-8, with no byte-order mark other than UTF-8's, and its XML
    /// declaration (if any) saying UTF-8.
    struct Decoded {
        var bytes: [UInt8]
        var encoding: TextEncoding
        var evidence: Evidence
        /// Each begins with the document's path.
        var warnings: [String]
    }

    /// Decides the encoding of `bytes` and returns them as UTF-8.
    /// - Parameters:
    ///   - charset: the transport's charset label (HTTP `Content-Type`), or nil.
    ///   - path: the file or URL, for warnings.
    static func decode(_ bytes: [UInt8], charset: String?, path: String) -> Decoded {
        var decision = decide(bytes, charset: charset)
        var warnings = decision.notes.map { "\(path): \($0)" }
        let start = decision.markLength
        var output: [UInt8]

        if decision.encoding == .utf8 {
            let scan = Transcoder.scanUTF8(bytes, from: start)
            if scan.isValid {
                output = bytes
            } else if decision.evidence != .byteOrderMark, scan.multibyteCount <= scan.invalidCount {
                let claim = decision.evidence == .utf8Default ? "no charset is named" : "\(decision.evidence.rawValue) says UTF-8"
                warnings.append("\(path): byte \(scan.firstInvalid ?? 0): not UTF-8 (\(claim)) and no UTF-8 sequence in it; read as Windows-1252")
                decision = Decision(encoding: .windows1252, evidence: .bytes)
                output = Transcoder.windows1252(bytes, from: start).utf8
            } else {
                let repaired = Transcoder.repairUTF8(bytes, from: start)
                warnings.append(invalidWarning(path, repaired, decision))
                output = repaired.utf8
            }
        } else if decision.encoding.isWesternSingleByte, decision.evidence != .byteOrderMark,
                  case let scan = Transcoder.scanUTF8(bytes, from: start), scan.isValid, scan.multibyteCount > 0 {
            warnings.append("\(path): \(decision.evidence.rawValue) names a Latin-1 charset (read as \(decision.encoding)) but the bytes are UTF-8 (\(scan.multibyteCount) multi-byte sequences); read as UTF-8")
            decision = Decision(encoding: .utf8, evidence: .bytes)
            output = bytes
        } else if let decoded = Transcoder.decode(bytes, from: start, as: decision.encoding) {
            if decoded.invalidCount > 0 { warnings.append(invalidWarning(path, decoded, decision)) }
            output = decoded.utf8
        } else {
            // `decide` only picks what iconv knows; this is a safety net.
            warnings.append("\(path): cannot read \(decision.encoding) here; read as UTF-8")
            let repaired = Transcoder.repairUTF8(bytes, from: start)
            output = repaired.utf8
        }
        // EBCDIC ends lines with NEL (0x15, U+0085), which XML 1.0 does not take for white space.
        if decision.encoding.family == .ebcdic { output = lineFeeds(replacingNEL: output) }
        XMLDeclaration.sayUTF8(in: &output)
        return Decoded(bytes: output, encoding: decision.encoding, evidence: decision.evidence, warnings: warnings)
    }

    /// `bytes` (UTF-8) with every U+0085 (`C2 85`) made a line feed.
    static func lineFeeds(replacingNEL bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // 0xC2 only ever leads a sequence, so `C2 85` is always U+0085.
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                out.append(0x0A)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func invalidWarning(_ path: String, _ output: Transcoder.Output, _ decision: Decision) -> String {
        let more = output.invalidCount > 1 ? " (and \(output.invalidCount - 1) more)" : ""
        return "\(path): byte \(output.firstInvalid ?? 0): invalid \(decision.encoding) bytes\(more) replaced with U+FFFD (encoding from \(decision.evidence.rawValue))"
    }

    /// The encoding `bytes` are in, by RFC 7303's precedence, without decoding them.
    static func decide(_ bytes: [UInt8], charset: String?) -> Decision {
        let label = charset.flatMap { $0.isEmpty ? nil : $0 }
        if let (mark, length) = byteOrderMark(bytes) {
            var decision = Decision(encoding: mark, evidence: .byteOrderMark, markLength: length)
            if let label, let named = TextEncoding.labelled(label), fit(named, to: mark.family) != mark {
                decision.notes.append("HTTP charset '\(label)' ignored: the byte-order mark says \(mark) (RFC 7303)")
            }
            return decision
        }
        let family = layout(bytes)
        var notes: [String] = []
        if let label {
            if let named = TextEncoding.labelled(label), Transcoder.supports(named) {
                if let fitted = fit(named, to: family) { return Decision(encoding: fitted, evidence: .transport) }
                notes.append("HTTP charset '\(label)' ignored: the document's bytes are \(describe(family))")
            } else {
                notes.append("HTTP charset '\(label)' is not an encoding earshot knows; ignored")
            }
        }
        switch family {
        case .asciiCompatible:
            let declared = XMLDeclaration.encoding(in: bytes).map { ($0, Evidence.declaration) }
                ?? HTMLMeta.charset(in: bytes).map { ($0, Evidence.meta) }
            if let (name, evidence) = declared {
                if let named = TextEncoding.labelled(name), Transcoder.supports(named), let fitted = fit(named, to: family) {
                    return Decision(encoding: fitted, evidence: evidence, notes: notes)
                }
                notes.append("\(evidence.rawValue) names '\(name)', which is unknown or does not fit the bytes; ignored")
            }
            return Decision(encoding: .utf8, evidence: .utf8Default, notes: notes)
        case .ebcdic:
            // Read the declaration in code page 037 (its ASCII letters are the same in every EBCDIC page).
            let head = Transcoder.decode(Array(bytes.prefix(256)), as: .ibm037)?.utf8 ?? []
            if let declared = XMLDeclaration.encoding(in: head), let named = TextEncoding.labelled(declared),
               named.family == .ebcdic, Transcoder.supports(named) {
                return Decision(encoding: named, evidence: .declaration, notes: notes)
            }
            return Decision(encoding: .ibm037, evidence: .bytePattern, notes: notes)
        case .utf16LE: return Decision(encoding: .utf16LE, evidence: .bytePattern, notes: notes)
        case .utf16BE: return Decision(encoding: .utf16BE, evidence: .bytePattern, notes: notes)
        case .utf32LE: return Decision(encoding: .utf32LE, evidence: .bytePattern, notes: notes)
        case .utf32BE: return Decision(encoding: .utf32BE, evidence: .bytePattern, notes: notes)
        }
    }

    /// The encoding a byte-order mark names, and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LE, 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BE, 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LE, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BE, 2) }
        if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return (.gb18030, 4) }
        return nil
    }

    /// The layout of a document without a byte-order mark, from where the zero bytes fall in
    /// its first characters (which are ASCII in any markup or JSON: `<`, `{`, white space).
    static func layout(_ bytes: [UInt8]) -> TextEncoding.Family {
        if bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94]) { return .ebcdic }
        let head = Array(bytes.prefix(64))
        guard head.count >= 4 else { return .asciiCompatible }
        if head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return .utf32BE }
        if head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return .utf32LE }
        // UTF-16: ASCII characters with a zero before (BE) or after (LE) them, for the first few.
        let pairs = head.count / 2
        var zeroFirst = 0, zeroSecond = 0
        for k in 0..<pairs {
            if head[2 * k] == 0, head[2 * k + 1] != 0, head[2 * k + 1] < 0x80 { zeroFirst += 1 }
            if head[2 * k] != 0, head[2 * k] < 0x80, head[2 * k + 1] == 0 { zeroSecond += 1 }
        }
        let needed = min(pairs, 2)
        if head[0] == 0, head[1] != 0, zeroFirst >= needed, zeroFirst * 2 > pairs { return .utf16BE }
        if head[0] != 0, head[1] == 0, zeroSecond >= needed, zeroSecond * 2 > pairs { return .utf16LE }
        return .asciiCompatible
    }

    /// `named` with its byte order taken from the bytes, or nil when it cannot be what the bytes are.
    static func fit(_ named: TextEncoding, to family: TextEncoding.Family) -> TextEncoding? {
        switch (named.family, family) {
        case (.asciiCompatible, .asciiCompatible), (.ebcdic, .ebcdic): named
        case (.utf16LE, .utf16LE), (.utf16BE, .utf16LE): .utf16LE
        case (.utf16LE, .utf16BE), (.utf16BE, .utf16BE): .utf16BE
        case (.utf32LE, .utf32LE), (.utf32BE, .utf32LE): .utf32LE
        case (.utf32LE, .utf32BE), (.utf32BE, .utf32BE): .utf32BE
        default: nil
        }
    }

    private static func describe(_ family: TextEncoding.Family) -> String {
        switch family {
        case .asciiCompatible: "ASCII-compatible ('<' is 3C)"
        case .utf16LE: "UTF-16LE ('<' is 3C 00)"
        case .utf16BE: "UTF-16BE ('<' is 00 3C)"
        case .utf32LE: "UTF-32LE"
        case .utf32BE: "UTF-32BE"
        case .ebcdic: "EBCDIC ('<?xm' is 4C 6F A7 94)"
        }
    }
}
