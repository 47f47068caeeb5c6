/// Tells English, Malay and Chinese apart: by script first (Han characters), then by which
/// language's function words the text uses more.
public struct LanguageDetector: Sendable {
    public init() {}

    static let english: Set<String> = [
        "the", "and", "is", "to", "of", "it", "i", "my", "for", "was", "not", "but", "with", "this", "that", "they",
        "have", "you", "are", "on", "in", "a", "an", "their", "be", "been", "has", "had", "at", "so", "very", "no",
        "we", "our", "your", "what", "when", "would", "could", "will", "just", "after", "from", "about", "still", "me",
    ]
    static let malay: Set<String> = [
        "yang", "dan", "tak", "tidak", "saya", "ini", "itu", "untuk", "dengan", "sangat", "tapi", "tetapi", "ke", "di",
        "dari", "ada", "nak", "lagi", "sudah", "dah", "pun", "je", "la", "lah", "kami", "kita", "mereka", "boleh",
        "sebab", "kerana", "atau", "juga", "belum", "masih", "apa", "aku", "ni", "tu", "x", "sgt", "dia", "kat",
        "pada", "akan", "bila", "macam", "memang", "sampai", "tiada", "takde", "namun", "bukan", "hari", "minggu",
        "pelanggan", "khidmat", "perkhidmatan", "balas", "tunggu", "sampai", "ialah", "adalah", "oleh",
    ]

    /// `zh`, `ms` or `en` (the default when nothing decides).
    public func detect(_ text: String) -> String {
        var han = 0, letters = 0
        for scalar in text.unicodeScalars {
            if (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value) { han += 1 }
            else if scalar.properties.isAlphabetic { letters += 1 }
        }
        if han > 0, han * 3 >= letters / 4 { return "zh" }
        return detect(words: text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
    }

    /// Decides between English and Malay from lower-cased words.
    public func detect(words: [String]) -> String {
        var en = 0, ms = 0
        for word in words {
            if LanguageDetector.english.contains(word) { en += 1 }
            if LanguageDetector.malay.contains(word) { ms += 1 }
        }
        return ms > en ? "ms" : "en"
    }
}
