import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// Which brands an item names, and the mentions made from them.
struct MentionMatcherTests {
    static let brands = [
        BrandConfig(name: "Pinvale", aliases: ["Pinvale app", "品维"], acronyms: ["PVL"]),
        BrandConfig(name: "Lumio", aliases: ["Lumio Hub", "露米欧"]),
        BrandConfig(name: "Tandem", exclude: ["in tandem", "tandem bicycle"]),
    ]
    let matcher = MentionMatcher(brands: MentionMatcherTests.brands)
    let fetchedAt = Date(timeIntervalSince1970: 1_714_521_600)

    @Test(arguments: [
        ("I love my lumio hub", ["Lumio"]),
        ("LUMIO is great", ["Lumio"]),
        ("Lumio's app crashed", ["Lumio"]),
        ("(Lumio)", ["Lumio"]),
        ("Lumiosity is a different company", []),
        ("the relumio brand", []),
        ("Lumio2 is a model name", []),
        ("pinvale, lumio and tandem", ["Pinvale", "Lumio", "Tandem"]),
    ])
    func namesAndAliasesIgnoreCaseAsWholeWords(_ text: String, _ brands: [String]) {
        #expect(matcher.brands(in: text) == brands)
    }

    @Test(arguments: [
        ("PVL support is slow", ["Pinvale"]),
        ("pvl support is slow", []),
        ("Pvl support is slow", []),
        ("PVLX is something else", []),
    ])
    func acronymsMatchOnlyTheirCase(_ text: String, _ brands: [String]) {
        #expect(matcher.brands(in: text) == brands)
    }

    @Test(arguments: [
        ("TNG wallet froze my money", ["Touch n Go"]),
        ("tng wallet froze my money", []),
        ("Tng wallet", []),
        ("touch n go ewallet", ["Touch n Go"]),
        ("TOUCH N GO ewallet", ["Touch n Go"]),
        ("TNGX card", []),
        ("用TNG付款", ["Touch n Go"]),
    ])
    func anAliasInCapitalsIsAnAcronym(_ text: String, _ brands: [String]) {
        let matcher = MentionMatcher(brands: [BrandConfig(name: "Touch n Go", aliases: ["TNG"])])
        #expect(matcher.brands(in: text) == brands)
    }

    @Test(arguments: [
        ("#pinvale is down", ["Pinvale"]),
        ("@pinvale_help answered", ["Pinvale"]),
        ("Pinvale-app", ["Pinvale"]),
        ("ÉPinvale", []),
        ("Pinvale™ rocks", ["Pinvale"]),
        ("İstanbul Pinvale", ["Pinvale"]),
        ("品维app很好用", ["Pinvale"]),
    ])
    func boundariesFollowUnicodeLettersAndDigits(_ text: String, _ brands: [String]) {
        #expect(matcher.brands(in: text) == brands)
    }

    @Test(arguments: [
        ("We worked in tandem on the install", []),
        ("We rode a tandem bicycle", []),
        ("Tandem support answered in an hour", ["Tandem"]),
        ("We worked in tandem, and Tandem support helped", ["Tandem"]),
        ("IN TANDEM with the plumber", []),
    ])
    func exclusionsHideOnlyTheExcludedPhrase(_ text: String, _ brands: [String]) {
        #expect(matcher.brands(in: text) == brands)
    }

    @Test(arguments: [
        ("我觉得品维的客服太差了", ["Pinvale"]),
        ("露米欧很好用，品维不行", ["Pinvale", "Lumio"]),
        ("用了Lumio一个月", ["Lumio"]),
        ("今天天气很好", []),
    ])
    func chineseAliasesMatchInsideChineseText(_ text: String, _ brands: [String]) {
        #expect(matcher.brands(in: text) == brands)
    }

    @Test func brandsComeInConfigurationOrder() {
        #expect(matcher.brands(in: "Tandem beats Lumio, and Pinvale app too") == ["Pinvale", "Lumio", "Tandem"])
    }

    @Test func sourceBrandGetsEveryItemAndTheRatingGoesOnlyToIt() throws {
        let document = FeedDocument(format: .reviewPage, items: [
            FeedItem(id: "r1", title: "Better than Lumio", content: "Switched from Lumio, no regrets.", rating: 5),
            FeedItem(id: "r2", content: "Setup was quick.", rating: 4),
            FeedItem(id: "r3", rating: 2),
        ])
        // The source spells the brand in lower case; mentions use the configured name.
        let source = SourceConfig(id: "pinvale-reviews", url: "reviews.html", brand: "pinvale")
        let mentions = matcher.mentions(in: document, source: source, fetchedAt: fetchedAt)
        // r3 has stars but no text: still a rated review of the source's brand.
        #expect(mentions.map(\.brand) == ["Pinvale", "Lumio", "Pinvale", "Pinvale"])
        #expect(mentions.map(\.rating) == [5, nil, 4, 2])
        #expect(mentions.allSatisfy { $0.source == "pinvale-reviews" })
        #expect(mentions[0].publishedAt == fetchedAt, "an undated item counts on the fetch day")
    }

    @Test func withoutSourceBrandARatingGoesToTheOnlyBrandNamed() {
        let document = FeedDocument(format: .rss20, items: [
            FeedItem(id: "1", title: "Lumio is great", rating: 5),
            FeedItem(id: "2", title: "Lumio or Pinvale?", rating: 3),
            FeedItem(id: "3", title: "Nothing to see", rating: 1),
        ])
        let mentions = matcher.mentions(in: document, source: SourceConfig(id: "forum", url: "forum.rss"), fetchedAt: fetchedAt)
        #expect(mentions.map(\.brand) == ["Lumio", "Pinvale", "Lumio"])
        #expect(mentions.map(\.rating) == [5, nil, nil])
    }

    @Test func mentionIDsAreStableAndDistinct() {
        let published = Date(timeIntervalSince1970: 1_714_600_000)
        let document = FeedDocument(format: .rss20, items: [
            FeedItem(id: "guid-1", title: "Lumio and Pinvale", published: published),
            FeedItem(title: "Pinvale again", link: "https://forum.example/t/2"),
            FeedItem(title: "Lumio with neither id nor link", publishedText: "Wed, 01 May 2024 12:00:00 GMT"),
        ])
        let source = SourceConfig(id: "forum", url: "forum.rss")
        let first = matcher.mentions(in: document, source: source, fetchedAt: fetchedAt)
        let second = MentionMatcher(brands: MentionMatcherTests.brands)
            .mentions(in: document, source: source, fetchedAt: fetchedAt.addingTimeInterval(86_400))
        #expect(first.map(\.id) == second.map(\.id))
        #expect(Set(first.map(\.id)).count == first.count)
        #expect(first.allSatisfy { $0.id.count == 16 })
        #expect(first[0].publishedAt == published)
        // The same item from another source is another mention.
        let elsewhere = matcher.mentions(in: document, source: SourceConfig(id: "mirror", url: "mirror.rss"), fetchedAt: fetchedAt)
        #expect(Set(elsewhere.map(\.id)).isDisjoint(with: first.map(\.id)))
    }

    @Test func itemsNamingNoBrandMakeNoMention() {
        let document = FeedDocument(format: .rss20, items: [FeedItem(title: "Weather", content: "Sunny")])
        #expect(matcher.mentions(in: document, source: SourceConfig(id: "x", url: "x.rss"), fetchedAt: fetchedAt).isEmpty)
    }
}
