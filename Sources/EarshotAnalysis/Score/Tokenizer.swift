/// Splits text into ``Token``s: words of spaced scripts (English, Malay), Chinese words by
/// bidirectional maximum matching (``ChineseSegmenter``), emoji and emoticons. Clause numbers
/// advance at sentence punctuation, commas, line breaks and contrast words.
///
/// Emoji tokens carry their lookup form (``Lexicon/emojiKey(_:)``: no skin tone, no
/// variation selector) as ``Token/text``; a ZWJ sequence the lexicon lacks falls back to its
/// first emoji (🤦‍♀️ → 🤦). For Malay, each word is normalised first (``MalayNormaliser``), and a
/// colloquial spelling that stands for several words (`xpuas`) becomes several tokens.
public struct Tokenizer: Sendable {
    let segmenter: ChineseSegmenter
    let malay: MalayNormaliser
    /// Whole chunks that are tokens as written (emoticons like `:)` and `</3`).
    let emoticons: Set<String>
    /// Emoji lookup keys.
    let emoji: Set<String>
    /// Contrast words (all languages): they open a new clause.
    let contrast: Set<String>

    public init(lexicon: Lexicon) {
        segmenter = ChineseSegmenter(lexicon: lexicon["zh"])
        malay = MalayNormaliser(lexicon: lexicon)
        emoticons = Set(lexicon["en"].valence.keys.filter { key in !key.contains(" ") && !key.contains { $0.isLetter } })
        emoji = Set(lexicon.emoji.keys)
        contrast = Set(LexiconLoader.languages.flatMap { lexicon[$0].contrast })
    }

    private static let clauseBreaks: Set<Character> = [".", "!", "?", ";", ",", "。", "！", "？", "；", "，", "、", ":", "：", "\n", "…", "～", "~"]

    /// The tokens of `text`.
    /// - Parameter language: `ms` normalises Malay spellings; other values (or nil) leave words as written.
    public func tokens(_ text: String, language: String? = nil) -> [Token] {
        var stream = TokenStream(contrast: contrast, malay: language == "ms" ? malay : nil)
        for chunk in text.split(whereSeparator: Tokenizer.separatesChunks) {
            if chunk.utf8.contains(UInt8(ascii: "\n")) {
                for (index, line) in chunk.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { stream.pendingBreak = true }
                    scan(line, into: &stream)
                }
                continue
            }
            scan(chunk, into: &stream)
        }
        return stream.tokens
    }

    /// Tokens found so far and the clause state.
    private struct TokenStream {
        let contrast: Set<String>
        let malay: MalayNormaliser?
        var tokens: [Token] = []
        var clause = 0
        var pendingBreak = false

        init(contrast: Set<String>, malay: MalayNormaliser?) {
            self.contrast = contrast
            self.malay = malay
        }

        mutating func emit(_ raw: String, lower: String, isHan: Bool = false) {
            if pendingBreak || contrast.contains(lower) {
                if !tokens.isEmpty { clause += 1 }
                pendingBreak = false
            }
            tokens.append(Token(text: lower, raw: raw, clause: clause, isHan: isHan))
        }

        mutating func emitWord(_ raw: String) {
            let lower = raw.lowercased()
            guard let malay else { return emit(raw, lower: lower) }
            let words = malay.words(lower)
            if words.count == 1 { return emit(raw, lower: words[0]) }
            let shouting = raw.count > 1 && raw == raw.uppercased() && raw != lower
            for word in words { emit(shouting ? word.uppercased() : word, lower: word) }
        }
    }

    private func scan(_ chunk: Substring, into stream: inout TokenStream) {
        if chunk.isEmpty { return }
        // Emoticons have no letters (`:)`, `</3`); words are never looked up whole here.
        if chunk.utf8.count <= 12, !chunk.contains(where: { $0.isLetter }), emoticons.contains(String(chunk)) {
            stream.emit(String(chunk), lower: String(chunk))
            return
        }
        var word = ""
        var han = ""
        func flushWord(_ stream: inout TokenStream) {
            // Trim apostrophes and hyphens at the edges ('quoted', -dash-).
            while let first = word.first, first == "'" || first == "-" || first == "’" { word.removeFirst() }
            while let last = word.last, last == "'" || last == "-" || last == "’" { word.removeLast() }
            if word.unicodeScalars.contains("\u{2019}") { word = String(word.map { $0 == "’" ? "'" : $0 }) }
            if !word.isEmpty { stream.emitWord(word) }
            word = ""
        }
        func flushHan(_ stream: inout TokenStream) {
            guard !han.isEmpty else { return }
            for segment in segmenter.segment(han) { stream.emit(segment, lower: segment, isHan: true) }
            han = ""
        }
        for character in chunk {
            // ASCII fast path: letters and digits join the word, the rest break it.
            if let ascii = character.asciiValue {
                flushHan(&stream)
                switch ascii {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(character)
                case UInt8(ascii: "'"), UInt8(ascii: "-"):
                    if !word.isEmpty { word.append(character) }
                default:
                    flushWord(&stream)
                    if Tokenizer.clauseBreaks.contains(character) { stream.pendingBreak = true }
                }
                continue
            }
            if Tokenizer.isHan(character) {
                flushWord(&stream)
                han.append(character)
                continue
            }
            flushHan(&stream)
            if let key = emojiKey(character) {
                flushWord(&stream)
                stream.emit(String(character), lower: key)
            } else if character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && !word.isEmpty) {
                word.append(character)
            } else {
                flushWord(&stream)
                if Tokenizer.clauseBreaks.contains(character) { stream.pendingBreak = true }
            }
        }
        flushWord(&stream)
        flushHan(&stream)
    }

    /// The lookup key of an emoji character, or nil when `character` is not an emoji.
    func emojiKey(_ character: Character) -> String? {
        guard let first = character.unicodeScalars.first, first.value >= 0x2000 else { return nil }
        let key = Lexicon.emojiKey(String(character))
        if emoji.contains(key) { return key }
        if let joiner = key.unicodeScalars.firstIndex(of: "\u{200D}") {
            let base = String(key.unicodeScalars[..<joiner])
            if emoji.contains(base) { return base }
        }
        let presented = character.unicodeScalars.contains { $0.value == 0xFE0F || $0.value == 0x200D }
        return Tokenizer.isEmoji(first) || presented ? key : nil
    }

    /// Whitespace other than line breaks (which end a clause, so chunks keep them).
    static func separatesChunks(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 32 || ascii == 9 || ascii == 11 || ascii == 12 }
        return character.isWhitespace && !character.isNewline
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }

    static func isEmoji(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F000 || (scalar.properties.isEmojiPresentation && scalar.value > 0x2000)
    }
}
