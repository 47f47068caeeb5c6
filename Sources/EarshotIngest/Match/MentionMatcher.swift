import EarshotCore
import Foundation

/// Finds which configured brands an item names, and turns items into ``Mention``s.
///
/// Names and aliases match ignoring case, as whole words in scripts with spaces and anywhere
/// in Chinese text; acronyms match only with their exact case; a name inside one of the
/// brand's `exclude` phrases ("in tandem") does not count.
public struct MentionMatcher: Sendable {
    struct Pattern: Sendable {
        var brand: String
        /// The brand's place in the configuration.
        var order: Int
        var text: String
        var caseSensitive: Bool
        var needsWordBoundary: Bool
    }

    private let patterns: [Pattern]
    private let exclusions: [String: [String]]

    public init(brands: [BrandConfig]) {
        var patterns: [Pattern] = []
        var exclusions: [String: [String]] = [:]
        for (order, brand) in brands.enumerated() {
            for name in [brand.name] + brand.aliases where !name.isEmpty {
                patterns.append(Pattern(brand: brand.name, order: order, text: name.lowercased(), caseSensitive: false,
                                        needsWordBoundary: !MentionMatcher.isCJK(name)))
            }
            for acronym in brand.acronyms where !acronym.isEmpty {
                patterns.append(Pattern(brand: brand.name, order: order, text: acronym, caseSensitive: true, needsWordBoundary: true))
            }
            exclusions[brand.name] = brand.exclude.map { $0.lowercased() }.filter { !$0.isEmpty }
        }
        // Longer names first, so "Pinvale app" is found before "Pinvale" at the same place.
        self.patterns = patterns.sorted { $0.text.count > $1.text.count }
        self.exclusions = exclusions
    }

    /// The brands `text` names, in configuration order.
    public func brands(in text: String) -> [String] {
        let lower = text.lowercased()
        var found: [(order: Int, brand: String)] = []
        for pattern in patterns where !found.contains(where: { $0.brand == pattern.brand }) {
            let haystack = pattern.caseSensitive ? text : lower
            let excluded = (exclusions[pattern.brand] ?? []).flatMap { MentionMatcher.ranges(of: $0, in: lower, wordBoundary: false) }
            let hits = MentionMatcher.ranges(of: pattern.text, in: haystack, wordBoundary: pattern.needsWordBoundary)
            let counted = hits.contains { hit in
                // Exclusion ranges are in `lower`; compare by UTF-8 offsets, which lowercasing keeps for these scripts.
                let start = hit.lowerBound.utf16Offset(in: haystack), end = hit.upperBound.utf16Offset(in: haystack)
                return !excluded.contains { range in
                    range.lowerBound.utf16Offset(in: lower) <= start && end <= range.upperBound.utf16Offset(in: lower)
                }
            }
            if counted { found.append((pattern.order, pattern.brand)) }
        }
        return found.sorted { $0.order < $1.order }.map(\.brand)
    }

    /// The mentions in `document`'s items: one per item and brand named (plus `source.brand`
    /// for every item of a source about one brand). Items carry their rating only to the
    /// source's own brand.
    public func mentions(in document: FeedDocument, source: SourceConfig, fetchedAt: Date) -> [Mention] {
        var result: [Mention] = []
        for item in document.items {
            let text = item.text
            var brands = brands(in: text)
            if let named = source.brand {
                // The brand as configured, however the source spelled it.
                let owner = patterns.first { $0.brand.caseInsensitiveCompare(named) == .orderedSame }?.brand ?? named
                brands.removeAll { $0.caseInsensitiveCompare(owner) == .orderedSame }
                brands.insert(owner, at: 0)
            }
            // A review with stars but no words still counts for its brand's trust score.
            guard !brands.isEmpty, !text.isEmpty || item.rating != nil else { continue }
            let key = item.id ?? item.link ?? [item.title ?? "", item.publishedText ?? "", String(text.prefix(200))].joined(separator: "|")
            for brand in brands {
                let rated = source.brand.map { $0.caseInsensitiveCompare(brand) == .orderedSame } ?? (brands.count == 1)
                result.append(Mention(
                    id: Mention.makeID(brand, source.id, key), brand: brand, source: source.id, title: item.title,
                    text: text, publishedAt: item.date ?? fetchedAt, url: item.link, author: item.author,
                    rating: rated ? item.rating : nil))
            }
        }
        return result
    }

    static func ranges(of needle: String, in haystack: String, wordBoundary: Bool) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var searchStart = haystack.startIndex
        while searchStart < haystack.endIndex, let range = haystack.range(of: needle, range: searchStart..<haystack.endIndex) {
            if !wordBoundary || isBoundary(haystack, before: range.lowerBound) && isBoundary(haystack, after: range.upperBound) {
                result.append(range)
            }
            searchStart = haystack.index(after: range.lowerBound)
        }
        return result
    }

    private static func isBoundary(_ text: String, before index: String.Index) -> Bool {
        guard index > text.startIndex else { return true }
        return !isWordCharacter(text[text.index(before: index)])
    }

    private static func isBoundary(_ text: String, after index: String.Index) -> Bool {
        guard index < text.endIndex else { return true }
        return !isWordCharacter(text[index])
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        (c.isLetter || c.isNumber) && !isCJK(String(c))
    }

    static func isCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
    }
}
