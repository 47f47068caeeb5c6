/// Every brand's names, exclusions and query terms in one automaton, matched in one pass per text.
///
/// Built once per run. A text is folded to lowercase UTF-8 bytes and run through the
/// ``AliasAutomaton`` once; each occurrence is then checked for word boundaries (on the sides of
/// the term that are word characters) and, for acronyms, for the exact case in the original text.
/// Only the brands with an occurrence are then looked at: exclusions remove the occurrences inside
/// them, and the brand's rule (any name, or its query) decides. The cost per text grows with its
/// length and the occurrences found, not with the number of aliases.
struct BrandIndex: Sendable {
    struct Pattern: Sendable {
        /// The folded bytes of the term.
        var length: Int
        /// The exact bytes for a case-sensitive term, nil when case is ignored.
        var exact: [UInt8]?
        var boundaryBefore: Bool
        var boundaryAfter: Bool
    }

    enum Use: Sendable {
        case name(brand: Int32)
        case exclusion(brand: Int32)
        case term(brand: Int32, index: Int32)
    }

    indirect enum Node: Sendable {
        case term(Int), not(Node), and([Node]), or([Node]), near(Node, Node, Int)
    }

    enum Compiled: Sendable { case names, query(Node, termCount: Int), never }

    /// An occurrence that passed its boundary and case checks, as one brand uses it.
    struct Hit {
        enum Kind: UInt8 { case name, exclusion, term }
        var brand: Int32
        var kind: Kind
        /// The term's index in the brand's query, for `.term`.
        var term: Int32
        var start: Int
        var end: Int
    }

    let automaton: AliasAutomaton
    let patterns: [Pattern]
    let uses: [[Use]]
    let rules: [Compiled]

    init(brands: [BrandRules]) {
        var patterns: [Pattern] = []
        var folded: [[UInt8]] = []
        var uses: [[Use]] = []
        var ids: [String: Int] = [:]
        func add(_ text: String, caseSensitive: Bool, _ use: Use) {
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { return }
            let key = (caseSensitive ? "S" : "I") + (caseSensitive ? trimmed : String(decoding: FoldedText.fold(trimmed), as: UTF8.self))
            if let id = ids[key] { uses[id].append(use); return }
            let bytes = FoldedText.fold(trimmed)
            let edges = WordBoundary.edges(of: trimmed)
            ids[key] = patterns.count
            patterns.append(Pattern(length: bytes.count, exact: caseSensitive ? Array(trimmed.utf8) : nil,
                                    boundaryBefore: edges.start, boundaryAfter: edges.end))
            folded.append(bytes)
            uses.append([use])
        }
        var rules: [Compiled] = []
        for (order, brand) in brands.enumerated() {
            let b = Int32(order)
            for phrase in brand.exclude { add(phrase, caseSensitive: false, .exclusion(brand: b)) }
            switch brand.rule {
            case .names:
                for name in brand.names { add(name, caseSensitive: BrandQuery.isAcronym(name), .name(brand: b)) }
                for acronym in brand.acronyms { add(acronym, caseSensitive: true, .name(brand: b)) }
                rules.append(.names)
            case .query(let query):
                var termIndex: [String: Int] = [:]
                for term in query.terms where termIndex[term] == nil {
                    termIndex[term] = termIndex.count
                    add(term, caseSensitive: BrandQuery.isAcronym(term), .term(brand: b, index: Int32(termIndex[term]!)))
                }
                rules.append(.query(BrandIndex.compile(query, termIndex), termCount: termIndex.count))
            case .never:
                rules.append(.never)
            }
        }
        self.automaton = AliasAutomaton(patterns: folded)
        self.patterns = patterns
        self.uses = uses
        self.rules = rules
    }

    private static func compile(_ query: BrandQuery, _ index: [String: Int]) -> Node {
        switch query {
        case .term(let text): return .term(index[text]!)
        case .not(let operand): return .not(compile(operand, index))
        case .and(let operands): return .and(operands.map { compile($0, index) })
        case .or(let operands): return .or(operands.map { compile($0, index) })
        case .near(let left, let right, let distance): return .near(compile(left, index), compile(right, index), distance)
        }
    }

    /// The indices (in configuration order) of the brands `text` names.
    func brands(in text: String) -> [Int] {
        let folded = FoldedText(text)
        var hits: [Hit] = []
        folded.bytes.withUnsafeBufferPointer { buffer in
            automaton.forEachMatch(in: buffer) { id, end in
                let pattern = patterns[id]
                let start = end - pattern.length
                if pattern.boundaryBefore, WordBoundary.wordScalar(in: buffer, endingAt: start) { return }
                if pattern.boundaryAfter, WordBoundary.wordScalar(in: buffer, startingAt: end) { return }
                if let exact = pattern.exact, !folded.original[folded.originalRange(start, end)].elementsEqual(exact) { return }
                for use in uses[id] {
                    switch use {
                    case .name(let brand): hits.append(Hit(brand: brand, kind: .name, term: 0, start: start, end: end))
                    case .exclusion(let brand): hits.append(Hit(brand: brand, kind: .exclusion, term: 0, start: start, end: end))
                    case .term(let brand, let index): hits.append(Hit(brand: brand, kind: .term, term: index, start: start, end: end))
                    }
                }
            }
        }
        guard !hits.isEmpty else { return [] }
        hits.sort { $0.brand < $1.brand }
        var found: [Int] = []
        var words: WordPositions?
        var from = 0
        while from < hits.count {
            var to = from + 1
            while to < hits.count, hits[to].brand == hits[from].brand { to += 1 }
            if decide(Int(hits[from].brand), hits[from..<to], folded: folded, words: &words) {
                found.append(Int(hits[from].brand))
            }
            from = to
        }
        return found
    }

    private func decide(_ brand: Int, _ hits: ArraySlice<Hit>, folded: FoldedText, words: inout WordPositions?) -> Bool {
        let exclusions = hits.filter { $0.kind == .exclusion }
        let counted = hits.filter { hit in
            hit.kind != .exclusion && !exclusions.contains { $0.start <= hit.start && hit.end <= $0.end }
        }
        switch rules[brand] {
        case .never:
            return false
        case .names:
            return counted.contains { $0.kind == .name }
        case .query(let node, let termCount):
            var termHits = [[Hit]](repeating: [], count: termCount)
            for hit in counted where hit.kind == .term { termHits[Int(hit.term)].append(hit) }
            return BrandIndex.holds(node, termHits) {
                if words == nil { words = WordPositions(folded.bytes) }
                return words!
            }
        }
    }

    private static func holds(_ node: Node, _ termHits: [[Hit]], _ words: () -> WordPositions) -> Bool {
        switch node {
        case .term(let k): return !termHits[k].isEmpty
        case .not(let operand): return !holds(operand, termHits, words)
        case .and(let operands): return operands.allSatisfy { holds($0, termHits, words) }
        case .or(let operands): return operands.contains { holds($0, termHits, words) }
        case .near: return !spans(node, termHits, words).isEmpty
        }
    }

    /// The places where a positional node holds: byte range and first and last word.
    private static func spans(_ node: Node, _ termHits: [[Hit]], _ words: () -> WordPositions) -> [WordPositions.Span] {
        switch node {
        case .term(let k):
            if termHits[k].isEmpty { return [] }
            let positions = words()
            return termHits[k].map { positions.span($0.start, $0.end) }
        case .or(let operands):
            return operands.flatMap { spans($0, termHits, words) }
        case .near(let left, let right, let distance):
            let lefts = spans(left, termHits, words)
            if lefts.isEmpty { return [] }
            let rights = spans(right, termHits, words)
            var result: [WordPositions.Span] = []
            for a in lefts {
                for b in rights {
                    let between: Int
                    if a.end <= b.start { between = b.firstWord - a.lastWord - 1 }
                    else if b.end <= a.start { between = a.firstWord - b.lastWord - 1 }
                    else { continue }  // one occurrence cannot be near itself
                    if between <= distance { result.append(a.union(b)) }
                }
            }
            return result
        case .not, .and:
            return []  // the parser allows only positional operands for NEAR/n
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    fileprivate var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
