import EarshotCore
import Foundation
import GRDB

/// A row of the `mention` table: one scored mention, flattened.
struct MentionRecord: StoreRecord, Equatable {
    static let databaseTableName = "mention"

    var id: String
    var brand: String
    var source: String
    var title: String?
    var text: String
    var url: String?
    var author: String?
    var publishedAt: Date
    /// ``Day/ordinal`` of `publishedAt`.
    var day: Int
    var rating: Double?
    var lang: String
    var compound: Double
    var pos: Double
    var neu: Double
    var neg: Double
    /// JSON of `[AspectScore]`.
    var aspects: [AspectScore]
    /// JSON of `[String]`.
    var terms: [String]
    var insertedAt: Date

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let brand = Column(CodingKeys.brand)
        static let publishedAt = Column(CodingKeys.publishedAt)
        static let day = Column(CodingKeys.day)
        static let rating = Column(CodingKeys.rating)
    }

    init(_ scored: ScoredMention, insertedAt: Date) {
        let mention = scored.mention
        id = mention.id
        brand = mention.brand
        source = mention.source
        title = mention.title
        text = mention.text
        url = mention.url
        author = mention.author
        publishedAt = mention.publishedAt
        day = mention.day.ordinal
        rating = mention.rating
        lang = scored.lang
        compound = scored.sentiment.compound
        pos = scored.sentiment.pos
        neu = scored.sentiment.neu
        neg = scored.sentiment.neg
        aspects = scored.aspects
        terms = scored.terms
        self.insertedAt = insertedAt
    }

    /// The value the rest of earshot works with.
    var scoredMention: ScoredMention {
        ScoredMention(
            mention: Mention(id: id, brand: brand, source: source, title: title, text: text,
                             publishedAt: publishedAt, url: url, author: author, rating: rating),
            sentiment: Sentiment(compound: compound, pos: pos, neu: neu, neg: neg),
            lang: lang, aspects: aspects, terms: terms)
    }
}
