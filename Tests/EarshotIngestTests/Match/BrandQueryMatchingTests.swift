import EarshotCore
import Testing
@testable import EarshotIngest

/// Which texts a brand's query matches, through ``MentionMatcher`` as a run uses it.
struct BrandQueryMatchingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var query: String
        var text: String
        var matches: Bool
        var exclude: [String] = []
        var testDescription: String { "\(query) ~ \(text) → \(matches)" }
    }

    static let cases: [Case] = [
        // Terms and phrases: whole words, ignoring case.
        Case(query: "pinvale", text: "Pinvale's app crashed", matches: true),
        Case(query: "pinvale", text: "pinvaleapp crashed", matches: false),
        Case(query: "\"pin vale\"", text: "the Pin Vale lanes", matches: true),
        Case(query: "\"pin vale\"", text: "pin and vale", matches: false),
        Case(query: "\"pin vale\"", text: "the pin\nvale lanes", matches: true),  // a line break counts as a space
        // OR, AND (explicit and implicit), NOT.
        Case(query: "pinvale OR \"pin vale\"", text: "pin vale again", matches: true),
        Case(query: "pinvale OR \"pin vale\"", text: "nothing here", matches: false),
        Case(query: "pinvale AND refund", text: "Pinvale gave me a refund", matches: true),
        Case(query: "pinvale AND refund", text: "Pinvale was fine", matches: false),
        Case(query: "pinvale refund", text: "refund from pinvale", matches: true),
        Case(query: "pinvale refund", text: "refund from lumio", matches: false),
        Case(query: "pinvale AND NOT bowling", text: "Pinvale support", matches: true),
        Case(query: "pinvale AND NOT bowling", text: "Pinvale bowling night", matches: false),
        // Nesting.
        Case(query: "(pinvale OR \"pin vale\") AND NOT (bowling OR \"ten pin\")", text: "Pin Vale refund please", matches: true),
        Case(query: "(pinvale OR \"pin vale\") AND NOT (bowling OR \"ten pin\")", text: "ten pin at Pinvale", matches: false),
        Case(query: "(pinvale OR \"pin vale\") AND NOT (bowling OR \"ten pin\")", text: "Pinvale BOWLING", matches: false),
        Case(query: "pinvale AND (refund OR (support AND slow))", text: "pinvale support is slow", matches: true),
        Case(query: "pinvale AND (refund OR (support AND slow))", text: "pinvale support is quick", matches: false),
        Case(query: "pinvale refund OR lumio", text: "lumio only", matches: true),  // (pinvale AND refund) OR lumio
        // NEAR/n: at most n words between, either order.
        Case(query: "pinvale NEAR/1 refund", text: "pinvale refund", matches: true),
        Case(query: "pinvale NEAR/1 refund", text: "pinvale fast refund", matches: true),
        Case(query: "pinvale NEAR/1 refund", text: "pinvale gave a refund", matches: false),
        Case(query: "pinvale NEAR/2 refund", text: "pinvale gave a refund", matches: true),
        Case(query: "pinvale NEAR/2 refund", text: "a refund, says pinvale", matches: true),
        Case(query: "pinvale NEAR/5 (refund OR support)", text: "Pinvale: I waited, and support never answered", matches: true),
        Case(query: "pinvale NEAR/5 (refund OR support)", text: "Pinvale is my bank. Many weeks later, still no refund", matches: false),
        Case(query: "pinvale NEAR/5 (refund OR support)", text: "refund refund refund from pinvale", matches: true),
        Case(query: "\"pinvale app\" NEAR/1 crash", text: "the pinvale app: crash after crash", matches: true),
        Case(query: "\"pinvale app\" NEAR/1 crash", text: "the pinvale app keeps crashing", matches: false),
        Case(query: "pinvale NEAR/2 refund NEAR/2 late", text: "pinvale refund was late", matches: true),
        Case(query: "pinvale NEAR/2 refund NEAR/2 late", text: "pinvale refund, which we got much too late", matches: false),
        Case(query: "pinvale NEAR/3 pinvale", text: "pinvale", matches: false),  // an occurrence is not near itself
        Case(query: "品维 NEAR/2 客服", text: "品维的客服太差了", matches: true),  // each Chinese character is a word
        Case(query: "品维 NEAR/2 客服", text: "品维很好但是他们的客服太差了", matches: false),
        // Acronyms: written in capitals, matched only so.
        Case(query: "TNG AND refund", text: "TNG refund pending", matches: true),
        Case(query: "TNG AND refund", text: "tng refund pending", matches: false),
        Case(query: "TNG AND refund", text: "Tng refund pending", matches: false),
        Case(query: "tng AND refund", text: "TNG refund pending", matches: true),
        // Chinese terms match inside Chinese text, without word boundaries.
        Case(query: "品维 AND NOT 保龄球", text: "我觉得品维的客服太差了", matches: true),
        Case(query: "品维 AND NOT 保龄球", text: "品维保龄球馆", matches: false),
        Case(query: "品维 OR pinvale", text: "用了Pinvale一个月", matches: true),
        // Exclusions remove the occurrences inside them.
        Case(query: "tandem AND support", text: "we worked in tandem with support", matches: false, exclude: ["in tandem"]),
        Case(query: "tandem AND support", text: "in tandem, Tandem support helped", matches: true, exclude: ["in tandem"]),
    ]

    @Test(arguments: cases)
    func queryMatchesTheTextsItShould(_ c: Case) {
        let matcher = MentionMatcher(brands: [BrandConfig(name: "Pinvale", exclude: c.exclude, query: c.query)])
        #expect(matcher.brands(in: c.text) == (c.matches ? ["Pinvale"] : []))
    }

    @Test func aQueryDecidesAloneNamesAreNotMatchedBesideIt() {
        let matcher = MentionMatcher(brands: [
            BrandConfig(name: "Pinvale", aliases: ["pin vale"], query: "pinvale NEAR/5 (refund OR support)"),
            BrandConfig(name: "Lumio"),
        ])
        #expect(matcher.brands(in: "Pinvale is great") == [])
        #expect(matcher.brands(in: "Pinvale support, and Lumio") == ["Pinvale", "Lumio"])
    }

    @Test func anInvalidQueryMatchesNothingAndValidateNamesTheBrandAndColumn() {
        let brands = [
            BrandConfig(name: "Pinvale"),
            BrandConfig(name: "Lumio", query: "lumio OR \"lumio hub\""),
            BrandConfig(name: "Tandem", query: "(tandem OR tdm AND x"),
        ]
        #expect(MentionMatcher(brands: brands).brands(in: "tandem tdm x") == [])
        #expect {
            try MentionMatcher.validate(brands)
        } throws: { error in
            guard let error = error as? EarshotError, error.code == .configuration else { return false }
            return error.message.hasPrefix("brands[2].query: column 21: expected ')' to close the '(' at column 1")
                && error.message.contains("brand 'Tandem'")
        }
        #expect(throws: Never.self) { try MentionMatcher.validate(Array(brands.prefix(2))) }
    }
}
