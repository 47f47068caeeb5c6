import EarshotCore
import Foundation

/// Finds which configured brands an item names, and turns items into ``Mention``s.
///
/// Names and aliases match ignoring case, as whole words in scripts with spaces and anywhere
/// in Chinese text; acronyms (and any alias written in capitals only, like `TNG`) match only with
/// their exact case; a name inside one of the brand's `exclude` phrases ("in tandem") does not
/// count. A brand with a `query` is named when its ``BrandQuery`` holds instead (its terms follow
/// the same rules, exclusions included). All brands are matched together in one pass over the
/// text (``BrandIndex``), so thousands of aliases cost about what one does.
public struct MentionMatcher: Sendable {
    private let brandNames: [String]
    private let index: BrandIndex

    /// Builds the matcher once for a run.
    ///
    /// A brand whose `query` does not parse matches nothing; ``validate(_:)`` (called by the
    /// config loader) reports such a query before any run starts.
    public init(brands: [BrandConfig]) {
        brandNames = brands.map(\.name)
        index = BrandIndex(brands: brands.map { brand in
            let rule: BrandRules.Rule
            if let text = brand.query {
                rule = (try? BrandQuery(parsing: text)).map { .query($0) } ?? .never
            } else {
                rule = .names
            }
            return BrandRules(names: [brand.name] + brand.aliases, acronyms: brand.acronyms, exclude: brand.exclude, rule: rule)
        })
    }

    /// Checks every brand's `query`.
    /// - Throws: ``EarshotError`` `.configuration` naming the brand's place in the list, its name,
    ///   the column and what was expected: `brands[2].query: column 14: expected ')' ...`.
    public static func validate(_ brands: [BrandConfig]) throws {
        for (position, brand) in brands.enumerated() {
            guard let text = brand.query else { continue }
            do {
                _ = try BrandQuery(parsing: text)
            } catch {
                throw EarshotError(.configuration, "brands[\(position)].query: \(error) (brand '\(brand.name)'; see README: Brands and queries)")
            }
        }
    }

    /// The brands `text` names, in configuration order.
    public func brands(in text: String) -> [String] {
        index.brands(in: text).map { brandNames[$0] }
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
                let owner = brandNames.first { $0.caseInsensitiveCompare(named) == .orderedSame } ?? named
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
}
