/// One place to read: a feed, a review page, an app-store review feed or a CSV export.
public struct SourceConfig: Sendable, Decodable, Equatable {
    /// How to read a source's bytes. `auto` detects the format from the content.
    public enum Format: String, Sendable, Decodable, CaseIterable {
        case auto, rss, atom, json, reviews, csv
    }

    /// A stable id, used in the store and the reports.
    public var id: String
    /// An `http(s)://` URL, or a file path (relative to the config file).
    public var url: String
    public var format: Format
    /// When set, every item of this source is a mention of this brand (a review page or an
    /// app's review feed), whether or not its text names the brand.
    public var brand: String?
    /// Column names for a CSV source.
    public var csv: CSVMapping?
    /// The source group its star ratings count towards in the report's trust score per group
    /// (for example `app-store` or `review-sites`); nil: the source's own id.
    public var group: String?

    enum CodingKeys: String, CodingKey, CaseIterable { case id, url, format, brand, csv, group }

    public init(id: String, url: String, format: Format = .auto, brand: String? = nil, csv: CSVMapping? = nil,
                group: String? = nil) {
        self.id = id
        self.url = url
        self.format = format
        self.brand = brand
        self.csv = csv
        self.group = group
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decode(String.self, forKey: .url)
        csv = try c.decodeIfPresent(CSVMapping.self, forKey: .csv)
        format = try c.decodeIfPresent(Format.self, forKey: .format) ?? (csv == nil ? .auto : .csv)
        brand = try c.decodeIfPresent(String.self, forKey: .brand)
        group = try c.decodeIfPresent(String.self, forKey: .group)
    }

    /// The trust-score group of this source: ``group``, else its ``id``.
    public var trustGroup: String { group ?? id }

    /// True when ``url`` names an HTTP resource rather than a file.
    public var isRemote: Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}

/// Which CSV columns hold which field; names are matched against the header row, ignoring case.
public struct CSVMapping: Sendable, Decodable, Equatable {
    public var id: String?
    public var text: String
    public var title: String?
    public var rating: String?
    public var published: String?
    public var author: String?
    public var link: String?
    /// The field separator, `,` by default.
    public var delimiter: String

    enum CodingKeys: String, CodingKey, CaseIterable { case id, text, title, rating, published, author, link, delimiter }

    public init(id: String? = nil, text: String, title: String? = nil, rating: String? = nil, published: String? = nil,
                author: String? = nil, link: String? = nil, delimiter: String = ",") {
        self.id = id
        self.text = text
        self.title = title
        self.rating = rating
        self.published = published
        self.author = author
        self.link = link
        self.delimiter = delimiter
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        published = try c.decodeIfPresent(String.self, forKey: .published)
        author = try c.decodeIfPresent(String.self, forKey: .author)
        link = try c.decodeIfPresent(String.self, forKey: .link)
        delimiter = try c.value(.delimiter, default: ",")
    }
}
