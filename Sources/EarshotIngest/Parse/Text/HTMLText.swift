import Foundation

/// Turns HTML (or text that may hold HTML) into plain text: tags dropped, scripts and styles
/// dropped with their content, block elements turned into line breaks, entities decoded,
/// runs of white space folded.
///
/// HTML that was escaped twice (`&amp;lt;p&amp;gt;` in a feed, so `&lt;p&gt;` after XML) is
/// unescaped once more when it holds no real tag but, once decoded, closes a known HTML element
/// (`</p>`) or breaks a line (`<br>`): publishers mean markup there, not text about markup.
///
/// The work happens on UTF-8 bytes (``HTMLReducer``); ``HTMLTextReference`` is the specification
/// and answers for the rare text whose meaning depends on grapheme clusters.
enum HTMLText {
    /// Plain text of `html`; nil when nothing but white space remains.
    static func plainText(_ html: String) -> String? {
        var bytes = html
        if case .text(let text) = bytes.withUTF8({ HTMLReducer.plainText($0) }) { return text }
        return HTMLTextReference.plainText(html)
    }

    /// Folds runs of spaces and tabs into one, keeps single line breaks, trims; nil when empty.
    static func fold(_ text: String) -> String? {
        var bytes = text
        if case .text(let folded) = bytes.withUTF8({ HTMLReducer.fold($0) }) { return folded }
        return HTMLTextReference.fold(text)
    }

    /// ``plainText(_:)`` of the valid UTF-8 `bytes`.
    static func plainText(bytes: [UInt8]) -> String? {
        if case .text(let text) = bytes.withUnsafeBufferPointer({ HTMLReducer.plainText($0) }) { return text }
        return HTMLTextReference.plainText(String(decoding: bytes, as: UTF8.self))
    }

    /// ``fold(_:)`` of the valid UTF-8 `bytes`.
    static func fold(bytes: [UInt8]) -> String? {
        if case .text(let folded) = bytes.withUnsafeBufferPointer({ HTMLReducer.fold($0) }) { return folded }
        return HTMLTextReference.fold(String(decoding: bytes, as: UTF8.self))
    }

    /// ``plainText(_:)`` of the valid UTF-8 `bytes` (``fold(_:)`` when `plain`), written as UTF-8
    /// into the start of `output`, which grows when it is too short: the number of bytes written,
    /// 0 when nothing but white space remains. No `String` is made unless the text needs
    /// ``HTMLTextReference``.
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, into output: inout [UInt8]) -> Int {
        if let count = plain ? HTMLReducer.fold(bytes, into: &output) : HTMLReducer.plainText(bytes, into: &output) { return count }
        let text = String(decoding: bytes, as: UTF8.self)
        guard var reduced = plain ? HTMLTextReference.fold(text) : HTMLTextReference.plainText(text) else { return 0 }
        return reduced.withUTF8 { utf8 in
            if output.count < utf8.count { output = [UInt8](repeating: 0, count: utf8.count) }
            output.withUnsafeMutableBufferPointer { _ = $0.initialize(fromContentsOf: utf8) }
            return utf8.count
        }
    }

    /// Decodes `&name;`, `&#123;` and `&#x1F600;`; an unknown or broken reference stays as written.
    static func decodeEntities(_ text: String) -> String {
        HTMLTextReference.decodeEntities(text)
    }
}

extension HTMLText {
    /// Escapes `<` and `&` so text that is already plain survives ``plainText(_:)`` unchanged.
    static func escapeForPlainText(_ text: String) -> String {
        guard text.contains("<") || text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
