#if PostgreSQL
import EarshotCore
import Foundation
import PostgresNIO

/// One row of the PostgreSQL `mention` table: a scored mention flattened as
/// ``MentionRecord`` flattens it for SQLite (dates as seconds since 1970, aspects and terms as
/// JSON text with sorted keys).
struct PostgresMentionRow: Sendable {
    /// The columns ``decode(_:)`` reads, in its order.
    static let columns = "id, brand, source, title, text, url, author, published_at, rating, lang, compound, pos, neu, neg, aspects, terms"

    var id: String
    var brand: String
    var source: String
    var title: String?
    var text: String
    var url: String?
    var author: String?
    var publishedAt: Double
    var day: Int
    var rating: Double?
    var lang: String
    var compound: Double
    var pos: Double
    var neu: Double
    var neg: Double
    var aspects: String
    var terms: String
    var insertedAt: Double

    init(_ scored: ScoredMention, insertedAt: Date) throws {
        let mention = scored.mention
        id = mention.id
        brand = mention.brand
        source = mention.source
        title = mention.title
        text = mention.text
        url = mention.url
        author = mention.author
        publishedAt = mention.publishedAt.timeIntervalSince1970
        day = mention.day.ordinal
        rating = mention.rating
        lang = scored.lang
        compound = scored.sentiment.compound
        pos = scored.sentiment.pos
        neu = scored.sentiment.neu
        neg = scored.sentiment.neg
        aspects = try PostgresJSON.encode(scored.aspects)
        terms = try PostgresJSON.encode(scored.terms)
        self.insertedAt = insertedAt.timeIntervalSince1970
    }

    /// Rows per `INSERT` statement (18 parameters each; PostgreSQL takes at most 65,535).
    static let rowsPerInsert = 500

    /// One `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id` for `rows`: the ids it returns
    /// are the rows that were new. Of two rows with one id, the first is stored.
    static func insert(_ rows: some Collection<PostgresMentionRow>) throws -> PostgresQuery {
        var sql = """
            INSERT INTO mention (id, brand, source, title, text, url, author, published_at, day, rating, lang,
                                 compound, pos, neu, neg, aspects, terms, inserted_at) VALUES
            """
        var binds = PostgresBindings(capacity: rows.count * 18)
        for (index, row) in rows.enumerated() {
            let first = index * 18
            sql += (index == 0 ? " (" : ", (") + (1...18).map { "$\(first + $0)" }.joined(separator: ", ") + ")"
            binds.append(row.id)
            binds.append(row.brand)
            binds.append(row.source)
            binds.append(row.title)
            binds.append(row.text)
            binds.append(row.url)
            binds.append(row.author)
            binds.append(row.publishedAt)
            binds.append(row.day)
            binds.append(row.rating)
            binds.append(row.lang)
            binds.append(row.compound)
            binds.append(row.pos)
            binds.append(row.neu)
            binds.append(row.neg)
            binds.append(row.aspects)
            binds.append(row.terms)
            binds.append(row.insertedAt)
        }
        sql += " ON CONFLICT (id) DO NOTHING RETURNING id"
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The mention in a row of ``columns``.
    static func decode(_ row: PostgresRow) throws -> ScoredMention {
        let (id, brand, source, title, text, url, author, publishedAt, rating, lang, compound, pos, neu, neg, aspects, terms) =
            try row.decode((String, String, String, String?, String, String?, String?, Double, Double?, String, Double, Double,
                            Double, Double, String, String).self)
        return ScoredMention(
            mention: Mention(id: id, brand: brand, source: source, title: title, text: text,
                             publishedAt: Date(timeIntervalSince1970: publishedAt), url: url, author: author, rating: rating),
            sentiment: Sentiment(compound: compound, pos: pos, neu: neu, neg: neg),
            lang: lang, aspects: try PostgresJSON.decode([AspectScore].self, aspects),
            terms: try PostgresJSON.decode([String].self, terms))
    }
}

/// JSON text for the columns that hold arrays and alerts.
enum PostgresJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
#endif
