/// A recursive-descent parser for ``BrandQuery``; see there for the grammar.
struct BrandQueryParser {
    typealias SyntaxError = BrandQuery.SyntaxError

    enum Token: Equatable {
        case word(String), phrase(String), open, close, and, or, not, near(Int), end
    }

    private let characters: [Character]
    private var tokens: [(token: Token, column: Int)] = []
    private var index = 0
    private var lexError: SyntaxError?

    init(_ text: String) {
        characters = Array(text)
        do { try lex() } catch { lexError = error }
    }

    /// Parses the whole text as one query.
    mutating func parseQuery() throws(SyntaxError) -> BrandQuery {
        if let lexError { throw lexError }
        if current == .end { throw SyntaxError(column: 1, message: "the query is empty; write the terms to look for, or remove the query key") }
        let query = try parseOr()
        if current == .close { throw SyntaxError(column: column, message: "unexpected ')' with no '(' before it") }
        return query
    }

    private var current: Token { tokens[index].token }
    private var column: Int { tokens[index].column }

    private mutating func parseOr() throws(SyntaxError) -> BrandQuery {
        var operands = [try parseAnd()]
        while current == .or {
            index += 1
            operands.append(try parseAnd(after: "OR"))
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd(after previous: String? = nil) throws(SyntaxError) -> BrandQuery {
        var operands = [try parseNear(after: previous)]
        while true {
            switch current {
            case .and:
                index += 1
                operands.append(try parseNear(after: "AND"))
            case .word, .phrase, .open, .not:
                operands.append(try parseNear())  // implicit AND
            default:
                return operands.count == 1 ? operands[0] : .and(operands)
            }
        }
    }

    private mutating func parseNear(after previous: String? = nil) throws(SyntaxError) -> BrandQuery {
        var (left, leftColumn) = try parseUnary(after: previous)
        while case .near(let distance) = current {
            let operatorText = "NEAR/\(distance)"
            guard left.isPositional else {
                throw SyntaxError(column: leftColumn, message: "\(operatorText) needs a word, a quoted phrase or an OR group on its left, not AND or NOT")
            }
            index += 1
            let (right, rightColumn) = try parseUnary(after: operatorText)
            guard right.isPositional else {
                throw SyntaxError(column: rightColumn, message: "\(operatorText) needs a word, a quoted phrase or an OR group on its right, not AND or NOT")
            }
            left = .near(left, right, distance: distance)
        }
        return left
    }

    private mutating func parseUnary(after previous: String?) throws(SyntaxError) -> (BrandQuery, Int) {
        let start = column
        if current == .not {
            index += 1
            let (operand, _) = try parseUnary(after: "NOT")
            return (.not(operand), start)
        }
        return (try parsePrimary(after: previous), start)
    }

    private mutating func parsePrimary(after previous: String?) throws(SyntaxError) -> BrandQuery {
        let start = column
        switch current {
        case .word(let text), .phrase(let text):
            index += 1
            return .term(text)
        case .open:
            index += 1
            let inner = try parseOr()
            guard current == .close else {
                throw SyntaxError(column: column, message: "expected ')' to close the '(' at column \(start)")
            }
            index += 1
            return inner
        case .end:
            let what = previous.map { "after \($0)" } ?? "here"
            throw SyntaxError(column: column, message: "expected a word, a quoted phrase or '(' \(what), but the query ends")
        default:
            let found = describe(current)
            let what = previous.map { " after \($0)" } ?? ""
            throw SyntaxError(column: column, message: "expected a word, a quoted phrase or '('\(what), found \(found)")
        }
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .and: return "AND"
        case .or: return "OR"
        case .not: return "NOT"
        case .near(let n): return "NEAR/\(n)"
        case .close: return "')'"
        case .open: return "'('"
        case .word(let text): return "'\(text)'"
        case .phrase(let text): return "\"\(text)\""
        case .end: return "the end"
        }
    }

    private mutating func lex() throws(SyntaxError) {
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c == "(" { tokens.append((.open, column)); i += 1; continue }
            if c == ")" { tokens.append((.close, column)); i += 1; continue }
            if c == "\"" {
                guard let close = characters[(i + 1)...].firstIndex(of: "\"") else {
                    throw SyntaxError(column: column, message: "this '\"' is never closed; end the phrase with '\"'")
                }
                let words = String(characters[(i + 1)..<close]).split(whereSeparator: \.isWhitespace)
                guard !words.isEmpty else { throw SyntaxError(column: column, message: "empty quoted phrase; put words between the quotes or remove them") }
                tokens.append((.phrase(words.joined(separator: " ")), column))
                i = close + 1
                continue
            }
            var end = i
            while end < characters.count, !characters[end].isWhitespace, !"()\"".contains(characters[end]) { end += 1 }
            let word = String(characters[i..<end])
            switch word {
            case "AND": tokens.append((.and, column))
            case "OR": tokens.append((.or, column))
            case "NOT": tokens.append((.not, column))
            default:
                if word == "NEAR" || word.hasPrefix("NEAR/") {
                    let digits = word.dropFirst(5)
                    guard word.hasPrefix("NEAR/"), !digits.isEmpty, digits.allSatisfy(\.isASCII), let n = Int(digits),
                          (1...BrandQuery.maximumDistance).contains(n) else {
                        throw SyntaxError(column: column, message: "expected NEAR/n with n a whole number of words from 1 to \(BrandQuery.maximumDistance), e.g. NEAR/5")
                    }
                    tokens.append((.near(n), column))
                } else {
                    tokens.append((.word(word), column))
                }
            }
            i = end
        }
        tokens.append((.end, characters.count + 1))
    }
}
