/// Splits text into ``Token``s: words of spaced scripts (English, Malay), Chinese words by
/// forward maximum matching over the lexicon's dictionary, emoji and emoticons. Clause numbers
/// advance at sentence punctuation, commas, line breaks and contrast words.
public struct Tokenizer: Sendable {
    /// Chinese dictionary: every zh lexicon entry and word-list entry.
    let chineseWords: Set<String>
    let maxChineseWord: Int
    /// Whole chunks that are tokens as written (emoticons like `:)` and `</3`).
    let emoticons: Set<String>
    let emoji: Set<String>
    /// Contrast words (all languages): they open a new clause.
    let contrast: Set<String>

    public init(lexicon: Lexicon) {
        let zh = lexicon["zh"]
        var words = zh.words
        words.formUnion(zh.valence.keys)
        words.formUnion(zh.negators)
        words.formUnion(zh.boosters.keys)
        words.formUnion(zh.contrast)
        words.formUnion(zh.aspects.keys)
        chineseWords = words
        maxChineseWord = min(8, max(1, words.map(\.count).max() ?? 1))
        emoticons = Set(lexicon["en"].valence.keys.filter { key in !key.contains(" ") && !key.contains { $0.isLetter } })
        emoji = Set(lexicon.emoji.keys)
        contrast = Set(LexiconLoader.languages.flatMap { lexicon[$0].contrast })
    }

    private static let clauseBreaks: Set<Character> = [".", "!", "?", ";", ",", "。", "！", "？", "；", "，", "、", ":", "：", "\n", "…"]

    /// The tokens of `text`.
    public func tokens(_ text: String) -> [Token] {
        var stream = TokenStream()
        for chunk in text.split(whereSeparator: { $0.isWhitespace && $0 != "\n" }) {
            if chunk.contains("\n") {
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
        var tokens: [Token] = []
        var clause = 0
        var pendingBreak = false

        mutating func emit(_ raw: String, lower: String? = nil, isHan: Bool = false, contrast: Set<String>) {
            let lowered = lower ?? raw.lowercased()
            if pendingBreak || contrast.contains(lowered) {
                if !tokens.isEmpty { clause += 1 }
                pendingBreak = false
            }
            tokens.append(Token(text: lowered, raw: raw, clause: clause, isHan: isHan))
        }
    }

    private func scan(_ chunk: Substring, into stream: inout TokenStream) {
        if chunk.isEmpty { return }
        let lower = chunk.lowercased()
        if emoticons.contains(lower) || emoji.contains(String(chunk)) {
            stream.emit(String(chunk), lower: lower, contrast: contrast)
            return
        }
        var word = ""
        var han = ""
        func flushWord(_ stream: inout TokenStream) {
            // Trim apostrophes and hyphens at the edges ('quoted', -dash-).
            while let first = word.first, first == "'" || first == "-" || first == "’" { word.removeFirst() }
            while let last = word.last, last == "'" || last == "-" || last == "’" { word.removeLast() }
            if !word.isEmpty { stream.emit(word.replacingOccurrences(of: "’", with: "'"), contrast: contrast) }
            word = ""
        }
        func flushHan(_ stream: inout TokenStream) {
            guard !han.isEmpty else { return }
            for segment in segment(han) { stream.emit(segment, lower: segment, isHan: true, contrast: contrast) }
            han = ""
        }
        for character in chunk {
            if Tokenizer.isHan(character) {
                flushWord(&stream)
                han.append(character)
                continue
            }
            flushHan(&stream)
            if character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && !word.isEmpty) {
                word.append(character)
            } else if emoji.contains(String(character)) || Tokenizer.isEmoji(character) {
                flushWord(&stream)
                stream.emit(String(character), lower: String(character), contrast: contrast)
            } else {
                flushWord(&stream)
                if Tokenizer.clauseBreaks.contains(character) { stream.pendingBreak = true }
            }
        }
        flushWord(&stream)
        flushHan(&stream)
    }

    /// Forward maximum matching over the Chinese dictionary; unknown characters stand alone.
    func segment(_ run: String) -> [String] {
        let characters = Array(run)
        var result: [String] = []
        var index = 0
        while index < characters.count {
            var length = min(maxChineseWord, characters.count - index)
            while length > 1 {
                if chineseWords.contains(String(characters[index..<(index + length)])) { break }
                length -= 1
            }
            result.append(String(characters[index..<(index + length)]))
            index += length
        }
        return result
    }

    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }

    static func isEmoji(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return scalar.value >= 0x1F000 || (scalar.properties.isEmojiPresentation && scalar.value > 0x2000)
    }
}
