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
        if case .text(let text) = bytes.withUTF8({ HTMLReducer.isAlreadyPlain($0) ? .text(html) : HTMLReducer.plainText($0) }) { return text }
        return HTMLTextReference.plainText(html)
    }

    /// Folds runs of spaces and tabs into one, keeps single line breaks, trims; nil when empty.
    static func fold(_ text: String) -> String? {
        var bytes = text
        if case .text(let folded) = bytes.withUTF8({ HTMLReducer.isAlreadyPlain($0) ? .text(text) : HTMLReducer.fold($0) }) { return folded }
        return HTMLTextReference.fold(text)
    }

    /// ``plainText(_:)`` of the valid UTF-8 `bytes`.
    static func plainText(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if case .text(let text) = HTMLReducer.plainText(bytes) { return text }
        return HTMLTextReference.plainText(String(decoding: bytes, as: UTF8.self))
    }

    /// ``fold(_:)`` of the valid UTF-8 `bytes`.
    static func fold(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if case .text(let folded) = HTMLReducer.fold(bytes) { return folded }
        return HTMLTextReference.fold(String(decoding: bytes, as: UTF8.self))
    }

    /// ``plainText(_:)`` of the valid UTF-8 `bytes` (``fold(_:)`` when `plain`) written into
    /// `output` as a JSON string literal (``TextOutput/appendJSONString(_:)``'s escapes), or
    /// `null` when nothing but white space remains. No `String` is made unless the text needs
    /// ``HTMLTextReference``.
    static func writeJSON(_ bytes: UnsafeBufferPointer<UInt8>, plain: Bool, into output: TextOutput) {
        if HTMLReducer.writeJSON(bytes, plain: plain, into: output) { return }
        let text = String(decoding: bytes, as: UTF8.self)
        guard var reduced = plain ? HTMLTextReference.fold(text) : HTMLTextReference.plainText(text), !reduced.isEmpty else {
            return output.append("null")
        }
        reduced.withUTF8 { output.appendJSONString($0) }
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
