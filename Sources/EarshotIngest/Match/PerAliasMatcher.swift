/// The straightforward way to match brands by name: every alias searched for on its own.
///
/// Same rules as ``BrandIndex`` for brands matched by name (folded bytes, word boundaries on the
/// word-character edges of a term, exact case for acronyms, exclusions), but one scan of the text
/// per alias, so the cost grows with the number of aliases. Kept as the reference that the
/// automaton is tested against, and as the baseline of `bench/match_aliases.sh`.
struct PerAliasMatcher: Sendable {
    struct Term: Sendable {
        var folded: [UInt8]
        var exact: [UInt8]?
        var boundaryBefore: Bool
        var boundaryAfter: Bool

        init(_ text: String, caseSensitive: Bool) {
            folded = FoldedText.fold(text)
            exact = caseSensitive ? Array(text.utf8) : nil
            (boundaryBefore, boundaryAfter) = WordBoundary.edges(of: text)
        }
    }

    private let brands: [(names: [Term], exclusions: [Term])]

    init(brands: [BrandRules]) {
        self.brands = brands.map { brand in
            (names: brand.names.filter { !$0.isEmpty }.map { Term($0, caseSensitive: BrandQuery.isAcronym($0)) }
                + brand.acronyms.filter { !$0.isEmpty }.map { Term($0, caseSensitive: true) },
             exclusions: brand.exclude.filter { !$0.isEmpty }.map { Term($0, caseSensitive: false) })
        }
    }

    /// The indices of the brands `text` names, in configuration order.
    func brands(in text: String) -> [Int] {
        let folded = FoldedText(text)
        var found: [Int] = []
        for (order, brand) in brands.enumerated() {
            let excluded = brand.exclusions.flatMap { PerAliasMatcher.occurrences(of: $0, in: folded) }
            let named = brand.names.contains { term in
                PerAliasMatcher.occurrences(of: term, in: folded).contains { hit in
                    !excluded.contains { $0.lowerBound <= hit.lowerBound && hit.upperBound <= $0.upperBound }
                }
            }
            if named { found.append(order) }
        }
        return found
    }

    /// Every place `term` occurs in `text` as a whole term, by plain byte comparison.
    static func occurrences(of term: Term, in text: FoldedText) -> [Range<Int>] {
        let needle = term.folded
        guard !needle.isEmpty, needle.count <= text.bytes.count else { return [] }
        var result: [Range<Int>] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            let first = needle[0]
            for start in 0...(bytes.count - needle.count) where bytes[start] == first {
                var k = 1
                while k < needle.count, bytes[start + k] == needle[k] { k += 1 }
                guard k == needle.count else { continue }
                let end = start + needle.count
                if term.boundaryBefore, WordBoundary.wordScalar(in: bytes, endingAt: start) { continue }
                if term.boundaryAfter, WordBoundary.wordScalar(in: bytes, startingAt: end) { continue }
                if let exact = term.exact, !text.original[text.originalRange(start, end)].elementsEqual(exact) { continue }
                result.append(start..<end)
            }
        }
        return result
    }
}
