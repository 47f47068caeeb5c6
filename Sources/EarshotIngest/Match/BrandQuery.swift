/// A brand's boolean query: the config's `query:` text, parsed.
///
/// Grammar (operators are written in capitals; anything else is a term):
///
/// ```
/// query   = or
/// or      = and { "OR" and }
/// and     = near { ["AND"] near }        two operands side by side are joined by AND
/// near    = unary { "NEAR/" n unary }    n = 1...100 words
/// unary   = "NOT" unary | primary
/// primary = word | '"' phrase '"' | "(" or ")"
/// ```
///
/// so `NOT` binds tightest, then `NEAR/n`, then `AND` (explicit or implicit), then `OR`:
/// `a b OR c` is `(a AND b) OR c`, and `a AND NOT b NEAR/3 c` is `a AND ((NOT b) NEAR/3 c)`, which
/// is an error because `NEAR/n` needs positions on both sides (a term, a phrase, an `OR` of those,
/// or another `NEAR`). A word or phrase written in capitals only (two letters or more, like `TNG`)
/// matches with exactly that case; every other term ignores case. Terms match as whole words,
/// except at an edge written in Chinese or Japanese characters, which matches anywhere.
public indirect enum BrandQuery: Sendable, Equatable, CustomStringConvertible {
    /// A word or quoted phrase, as written.
    case term(String)
    /// True when the operand is false.
    case not(BrandQuery)
    /// True when every operand is true.
    case and([BrandQuery])
    /// True when some operand is true.
    case or([BrandQuery])
    /// True when an occurrence of the left side and one of the right side are at most `distance`
    /// words apart (`NEAR/1`: next to each other), in either order.
    case near(BrandQuery, BrandQuery, distance: Int)

    /// The largest distance `NEAR/n` accepts.
    public static let maximumDistance = 100

    /// A query that could not be parsed: the 1-based column (in characters) and what was expected.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The 1-based column of the problem, counted in characters.
        public var column: Int
        /// What is wrong and what would be right.
        public var message: String

        /// An error at `column` (1-based, in characters) saying `message`.
        public init(column: Int, message: String) {
            self.column = column
            self.message = message
        }

        /// `column 14: expected ')'`, the form the config loader puts after `brands[N].query: `.
        public var description: String { "column \(column): \(message)" }
    }

    /// Parses `text`.
    /// - Throws: ``SyntaxError`` with the column of the first problem; also when the query would
    ///   match a text that contains none of its terms (`NOT bowling` alone).
    public init(parsing text: String) throws(SyntaxError) {
        var parser = BrandQueryParser(text)
        self = try parser.parseQuery()
        if evaluate({ _ in false }) {
            throw SyntaxError(column: 1, message: "this query matches texts that contain none of its terms (only NOT); add a term to look for, e.g. 'pinvale AND NOT bowling'")
        }
    }

    /// The terms, left to right (with repeats).
    public var terms: [String] {
        switch self {
        case .term(let text): return [text]
        case .not(let operand): return operand.terms
        case .and(let operands), .or(let operands): return operands.flatMap(\.terms)
        case .near(let left, let right, _): return left.terms + right.terms
        }
    }

    /// Whether the query holds when `present(term)` says which terms occur (`NEAR/n` is read as
    /// both sides present; the matcher checks the distance).
    func evaluate(_ present: (String) -> Bool) -> Bool {
        switch self {
        case .term(let text): return present(text)
        case .not(let operand): return !operand.evaluate(present)
        case .and(let operands): return operands.allSatisfy { $0.evaluate(present) }
        case .or(let operands): return operands.contains { $0.evaluate(present) }
        case .near(let left, let right, _): return left.evaluate(present) && right.evaluate(present)
        }
    }

    /// Whether this query has positions (a term, a phrase, an `OR` or `NEAR` of such), so it can
    /// be an operand of `NEAR/n`.
    var isPositional: Bool {
        switch self {
        case .term, .near: return true
        case .or(let operands): return operands.allSatisfy(\.isPositional)
        case .not, .and: return false
        }
    }

    /// The query written back in the grammar, fully parenthesised.
    public var description: String {
        switch self {
        case .term(let text): return text.contains(" ") || text.isEmpty ? "\"\(text)\"" : text
        case .not(let operand): return "NOT \(operand)"
        case .and(let operands): return "(" + operands.map(\.description).joined(separator: " AND ") + ")"
        case .or(let operands): return "(" + operands.map(\.description).joined(separator: " OR ") + ")"
        case .near(let left, let right, let distance): return "(\(left) NEAR/\(distance) \(right))"
        }
    }

    /// Whether a term written like `text` is an acronym, matched only with exactly this case:
    /// two letters or more, none of them lowercase (`TNG`, `AT&T`).
    public static func isAcronym(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic && !WordBoundary.isCJK(scalar) {
            if scalar.properties.isLowercase || !scalar.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
