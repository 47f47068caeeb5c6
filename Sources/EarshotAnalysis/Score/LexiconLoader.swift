import EarshotCore
import Foundation

/// Loads the lexicon folder: `<lang>/valence.tsv`, `<lang>/cx.tsv`, `negators.txt`,
/// `boosters.tsv`, `contrast.txt`, `aspects.tsv`, `words.txt`, `normalise.tsv` per language, and
/// the shared `emoji.tsv`. Format in `lexicons/README.md`: UTF-8, `#` comments, TAB-separated fields.
public struct LexiconLoader: Sendable {
    /// The languages earshot scores.
    public static let languages = ["en", "zh", "ms"]

    public init() {}

    /// Loads every file present under `directory`; a missing file is an empty list.
    /// - Throws: ``EarshotError`` `.lexicon` as `file:line: what is wrong` for a broken line,
    ///   or when the folder has no English valence file.
    public func load(from directory: URL) throws -> Lexicon {
        let englishValence = directory.appendingPathComponent("en/valence.tsv")
        guard FileManager.default.fileExists(atPath: englishValence.path) else {
            throw EarshotError(.lexicon, "no lexicon at \(englishValence.path); set `lexicons:` in the config to the lexicons folder")
        }
        var languages: [String: LanguageLexicon] = [:]
        for language in LexiconLoader.languages {
            let folder = directory.appendingPathComponent(language)
            var lexicon = LanguageLexicon()
            for name in ["valence.tsv", "cx.tsv"] {
                try read(folder.appendingPathComponent(name), fields: 2...3) { fields, place in
                    lexicon.valence[fields[0]] = try valence(fields[1], place: place)
                    lexicon.noteEntry(fields[0])
                }
            }
            try read(folder.appendingPathComponent("negators.txt"), fields: 1...1) { fields, _ in
                lexicon.negators.insert(fields[0])
                lexicon.noteEntry(fields[0])
            }
            try read(folder.appendingPathComponent("boosters.tsv"), fields: 2...3) { fields, place in
                guard let weight = Double(fields[1]), abs(weight) <= 2 else {
                    throw EarshotError(.lexicon, "\(place): booster weight '\(fields[1])' must be a number between -2 and 2")
                }
                lexicon.boosters[fields[0]] = weight
                lexicon.noteEntry(fields[0])
            }
            try read(folder.appendingPathComponent("contrast.txt"), fields: 1...1) { fields, _ in
                lexicon.contrast.insert(fields[0])
                lexicon.noteEntry(fields[0])
            }
            try read(folder.appendingPathComponent("aspects.tsv"), fields: 3...4) { fields, place in
                guard let touchpoint = Touchpoint(rawValue: fields[2]) else {
                    throw EarshotError(.lexicon, "\(place): touchpoint '\(fields[2])' must be 'service' or 'experience'")
                }
                lexicon.aspects[fields[0]] = AspectTerm(aspect: fields[1], touchpoint: touchpoint)
                lexicon.noteEntry(fields[0])
            }
            try read(folder.appendingPathComponent("words.txt"), fields: 1...2) { fields, _ in
                lexicon.words.insert(fields[0])
                lexicon.noteEntry(fields[0])
            }
            try read(folder.appendingPathComponent("normalise.tsv"), fields: 2...3) { fields, _ in
                lexicon.normalise[fields[0]] = fields[1]
            }
            languages[language] = lexicon
        }
        var emoji: [String: Double] = [:]
        try read(directory.appendingPathComponent("emoji.tsv"), fields: 2...3) { fields, place in
            emoji[fields[0]] = try valence(fields[1], place: place)
        }
        return Lexicon(languages: languages, emoji: emoji)
    }

    private func valence(_ text: String, place: String) throws -> Double {
        guard let value = Double(text), value.isFinite, (-4...4).contains(value) else {
            throw EarshotError(.lexicon, "\(place): valence '\(text)' must be a number from -4 to 4")
        }
        return value
    }

    /// Calls `body` with the fields of each entry line of `file` (nothing if the file is absent).
    private func read(_ file: URL, fields count: ClosedRange<Int>, _ body: ([String], String) throws -> Void) throws {
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EarshotError(.lexicon, "\(file.path): not UTF-8 text; save it as UTF-8")
        }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(line)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            let place = "\(file.path):\(lineNumber)"
            guard count.contains(fields.count) else {
                throw EarshotError(.lexicon, "\(place): expected \(count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)") TAB-separated fields, found \(fields.count)")
            }
            let term = fields[0].trimmingCharacters(in: .whitespaces).lowercased()
            guard !term.isEmpty else { throw EarshotError(.lexicon, "\(place): the term is empty") }
            try body([term] + fields.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }, place)
        }
    }
}
