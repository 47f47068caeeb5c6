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
        var result: [Token] = []
        var clause = 0
        var pendingBreak = false
        func emit(_ raw: String, lower: String? = nil, isHan: Bool = false) {
            let lowered = lower ?? raw.lowercased()
            if pendingBreak || (contrast.contains(lowered) && !result.isEmpty) {
                if !result.isEmpty { clause += 1 }
                pendingBreak = false
            }
            result.append(Token(text: lowered, raw: raw, clause: clause, isHan: isHan))
        }
        for chunk in text.split(whereSeparator: { $0.isWhitespace && $0 != "\n" }) {
            let chunkText = String(chunk)
            if chunkText.contains("\n") {
                for (index, line) in chunkText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { pendingBreak = true }
                    scan(Substring(line), emit: emit, pendingBreak: &pendingBreak)
                }
                continue
            }
            scan(chunk, emit: emit, pendingBreak: &pendingBreak)
        }
        return result
    }

    private func scan(_ chunk: Substring, emit: (String, String?, Bool) -> Void, pendingBreak: inout Bool) {
        if chunk.isEmpty { return }
        let lower = chunk.lowercased()
        if emoticons.contains(lower) || emoji.contains(String(chunk)) {
            emit(String(chunk), lower, false)
            return
        }
        var word = ""
        var han = ""
        func flushWord() {
            // Trim apostrophes and hyphens at the edges ('quoted', -dash-).
            while let first = word.first, first == "'" || first == "-" || first == "’" { word.removeFirst() }
            while let last = word.last, last == "'" || last == "-" || last == "’" { word.removeLast() }
            if !word.isEmpty { emit(word.replacingOccurrences(of: "’", with: "'"), nil, false) }
            word = ""
        }
        func flushHan() {
            guard !han.isEmpty else { return }
            for segment in segment(han) { emit(segment, segment, true) }
            han = ""
        }
        for character in chunk {
            if Tokenizer.isHan(character) {
                flushWord()
                han.append(character)
                continue
            }
            flushHan()
            if character.isLetter || character.isNumber || ((character == "'" || character == "’" || character == "-") && !word.isEmpty) {
                word.append(character)
            } else if emoji.contains(String(character)) || Tokenizer.isEmoji(character) {
                flushWord()
                emit(String(character), String(character), false)
            } else {
                flushWord()
                if Tokenizer.clauseBreaks.contains(character) { pendingBreak = true }
            }
        }
        flushWord()
        flushHan()
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
