/// A brand to listen for: the names people use for it and the phrases that look like it but are not.
public struct BrandConfig: Sendable, Decodable, Equatable {
    /// The name shown in reports; also matched, ignoring case (unless written in capitals only, like an alias).
    public var name: String
    /// Other names, matched as whole words ignoring case (Chinese names anywhere in the text);
    /// one written in capitals only (two letters or more, like `TNG`) matches only that case.
    public var aliases: [String]
    /// Acronyms and names matched only with exactly this case (for example `PWL`).
    public var acronyms: [String]
    /// Phrases that contain a name but are not about the brand; a mention inside one does not count.
    public var exclude: [String]
    /// Names of other configured brands to compare share of voice against.
    public var competitors: [String]
    /// Brand-specific lexicon terms and their valence on -4..+4.
    public var terms: [String: Double]
    /// A boolean query (`AND`, `OR`, `NOT`, quoted phrases, parentheses, `NEAR/n`) that decides
    /// alone whether a text names the brand, instead of the name, aliases and acronyms; checked
    /// when the config is loaded (see README: Brands and queries).
    public var query: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case name, aliases, acronyms, exclude, competitors, terms, query }

    public init(name: String, aliases: [String] = [], acronyms: [String] = [], exclude: [String] = [],
                competitors: [String] = [], terms: [String: Double] = [:], query: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.acronyms = acronyms
        self.exclude = exclude
        self.competitors = competitors
        self.terms = terms
        self.query = query
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.value(.aliases, default: [])
        acronyms = try c.value(.acronyms, default: [])
        exclude = try c.value(.exclude, default: [])
        competitors = try c.value(.competitors, default: [])
        terms = try c.value(.terms, default: [:])
        query = try c.decodeIfPresent(String.self, forKey: .query)
    }
}
