import Foundation

/// Everything one run needs to know, as read from `earshot.yaml`.
///
/// Decoded by the CLI (Yams) and checked with ``validate()``. Relative paths are resolved
/// against ``baseDirectory``, the folder of the config file.
public struct EarshotConfiguration: Sendable, Decodable {
    public var brands: [BrandConfig]
    public var sources: [SourceConfig]
    /// The lexicon folder; nil means the default search path.
    public var lexicons: String?
    public var store: StoreConfig
    public var reports: ReportConfig
    public var alerts: AlertConfig
    public var fetch: FetchPolicy
    /// The folder relative config paths are resolved against.
    public var baseDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    enum CodingKeys: String, CodingKey, CaseIterable { case brands, sources, lexicons, store, reports, alerts, fetch }

    public init(brands: [BrandConfig], sources: [SourceConfig], lexicons: String? = nil, store: StoreConfig = .init(),
                reports: ReportConfig = .init(), alerts: AlertConfig = .init(), fetch: FetchPolicy = .init(),
                baseDirectory: URL) {
        self.brands = brands
        self.sources = sources
        self.lexicons = lexicons
        self.store = store
        self.reports = reports
        self.alerts = alerts
        self.fetch = fetch
        self.baseDirectory = baseDirectory
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        brands = try c.decode([BrandConfig].self, forKey: .brands)
        sources = try c.decode([SourceConfig].self, forKey: .sources)
        lexicons = try c.decodeIfPresent(String.self, forKey: .lexicons)
        store = try c.decodeIfPresent(StoreConfig.self, forKey: .store) ?? .init()
        reports = try c.decodeIfPresent(ReportConfig.self, forKey: .reports) ?? .init()
        alerts = try c.decodeIfPresent(AlertConfig.self, forKey: .alerts) ?? .init()
        fetch = try c.decodeIfPresent(FetchPolicy.self, forKey: .fetch) ?? .init()
    }

    /// Resolves a path written in the config against the config's folder.
    public func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        if path.hasPrefix("~/") {
            return URL(fileURLWithPath: NSString(string: path).expandingTildeInPath).standardizedFileURL
        }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL
    }

    /// Checks what decoding cannot: unique names, known references, sane numbers.
    /// - Throws: ``EarshotError`` with code `.configuration`, naming the offending entry.
    public func validate() throws {
        func fail(_ message: String) -> EarshotError { EarshotError(.configuration, message) }
        guard !brands.isEmpty else { throw fail("brands: list at least one brand to listen for") }
        guard !sources.isEmpty else { throw fail("sources: list at least one source to read") }
        var names = Set<String>()
        for brand in brands {
            guard !brand.name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("brands: a brand has an empty name") }
            guard names.insert(brand.name.lowercased()).inserted else { throw fail("brands: '\(brand.name)' is listed twice") }
        }
        for brand in brands {
            for competitor in brand.competitors where !names.contains(competitor.lowercased()) {
                throw fail("brands: '\(brand.name)' names competitor '\(competitor)', which is not a brand in this config; add it under brands")
            }
        }
        var ids = Set<String>()
        for source in sources {
            guard !source.id.isEmpty else { throw fail("sources: a source has an empty id") }
            guard ids.insert(source.id).inserted else { throw fail("sources: id '\(source.id)' is used twice; ids must be unique") }
            guard !source.url.isEmpty else { throw fail("sources: '\(source.id)' has no url (an http(s) URL or a file path)") }
            if let scheme = source.url.split(separator: ":", maxSplits: 1).first, source.url.contains("://"),
               !["http", "https", "file"].contains(scheme.lowercased()) {
                throw fail("sources: '\(source.id)' uses '\(scheme)://'; only http, https and file paths are read")
            }
            if let brand = source.brand, !names.contains(brand.lowercased()) {
                throw fail("sources: '\(source.id)' is about brand '\(brand)', which is not listed under brands")
            }
            if source.format == .csv, source.csv == nil {
                throw fail("sources: '\(source.id)' is a CSV source; give its column mapping under csv: (text: at least)")
            }
        }
        try alerts.spike.validate()
        guard fetch.concurrency >= 1 else { throw fail("fetch.concurrency must be at least 1") }
    }

    /// The brand with this name, ignoring case.
    public func brand(named name: String) -> BrandConfig? {
        brands.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }
}
