/// One brand's matching rules as plain values: what ``BrandIndex`` is built from.
struct BrandRules: Sendable {
    /// How a brand decides that a text names it.
    enum Rule: Sendable {
        /// Some name, alias or acronym occurs outside the exclusions.
        case names
        /// The query holds (its terms counted outside the exclusions); names are not matched alone.
        case query(BrandQuery)
        /// Never: the brand's query could not be parsed.
        case never
    }

    /// Names and aliases: ignoring case, unless written in capitals only (``BrandQuery/isAcronym(_:)``).
    var names: [String]
    /// Matched only with exactly this case.
    var acronyms: [String]
    /// Phrases (ignoring case) inside which a name or query term does not count.
    var exclude: [String]
    var rule: Rule

    init(names: [String], acronyms: [String] = [], exclude: [String] = [], rule: Rule = .names) {
        self.names = names
        self.acronyms = acronyms
        self.exclude = exclude
        self.rule = rule
    }
}
