import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct SummaryJSONWriterTests {
    func parse(_ report: Report = ReportFixture.report()) throws -> [String: Any] {
        let data = try SummaryJSONWriter().render(report)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func everyContractKeyIsPresent() throws {
        let json = try parse()
        #expect(Set(json.keys) == ["schemaVersion", "asOf", "window", "brands", "alerts", "inhibited", "resolved", "sources"])
        let window = try #require(json["window"] as? [String: Any])
        #expect(Set(window.keys) == ["from", "through"])
        let brands = try #require(json["brands"] as? [[String: Any]])
        #expect(brands.count == 2)
        for brand in brands {
            #expect(Set(brand.keys) == ["name", "mentions", "trustScore", "sentiment", "aspects", "shareOfVoice",
                                        "fiveStarsToNextHalfStar", "weekly", "trustTrend", "trustByGroup"])
            let sentiment = try #require(brand["sentiment"] as? [String: Any])
            #expect(Set(sentiment.keys) == ["positive", "neutral", "negative", "meanCompound"])
            let aspects = try #require(brand["aspects"] as? [String: Any])
            #expect(Set(aspects.keys) == ["service", "experience"])
            for aspect in aspects.values {
                #expect(Set(try #require(aspect as? [String: Any]).keys) == ["mentions", "negative", "meanCompound"])
            }
        }
        let trust = try #require(brands[0]["trustScore"] as? [String: Any])
        #expect(Set(trust.keys) == ["value", "stars", "ratedReviews"])
        let alert = try #require((json["alerts"] as? [[String: Any]])?.first)
        #expect(Set(alert.keys) == ["brand", "kind", "aspect", "day", "episodeStart", "episodeID", "title", "details", "evidence",
                                    "status", "notificationID", "inhibition"])
        let evidence = try #require((alert["evidence"] as? [[String: Any]])?.first)
        #expect(Set(evidence.keys) == ["text", "url", "compound"])
        let sources = try #require(json["sources"] as? [[String: Any]])
        for source in sources {
            #expect(Set(source.keys) == ["id", "status", "items", "newMentions", "message", "consecutiveFailures"])
        }
    }

    @Test func valuesMatchTheReport() throws {
        let json = try parse()
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["asOf"] as? String == "2026-11-20")
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["from"] as? String == "2026-11-16")
        #expect(window["through"] as? String == "2026-11-20")

        let brands = try #require(json["brands"] as? [[String: Any]])
        let acme = brands[0]
        #expect(acme["name"] as? String == "Acme")
        #expect(acme["mentions"] as? Int == 6)
        let trust = try #require(acme["trustScore"] as? [String: Any])
        #expect(trust["value"] as? Double == 4.2)
        #expect(trust["stars"] as? Double == 4)
        #expect(trust["ratedReviews"] as? Int == 12)
        let sentiment = try #require(acme["sentiment"] as? [String: Any])
        #expect(sentiment["positive"] as? Int == 2)
        #expect(sentiment["neutral"] as? Int == 0)
        #expect(sentiment["negative"] as? Int == 4)
        #expect(sentiment["meanCompound"] as? Double == -0.18)
        let service = try #require((acme["aspects"] as? [String: Any])?["service"] as? [String: Any])
        #expect(service["mentions"] as? Int == 3)
        #expect(service["negative"] as? Int == 2)
        #expect(service["meanCompound"] as? Double == -0.1333)
        #expect(acme["shareOfVoice"] as? Double == 0.6667)
        #expect(acme["fiveStarsToNextHalfStar"] as? Int == 3)

        let bolt = brands[1]
        #expect(bolt["name"] as? String == "Bolt & Co <b>")
        #expect(bolt["trustScore"] is NSNull)
        #expect(bolt["fiveStarsToNextHalfStar"] is NSNull)
        let boltService = try #require((bolt["aspects"] as? [String: Any])?["service"] as? [String: Any])
        #expect(boltService["mentions"] as? Int == 0)
        #expect(boltService["meanCompound"] is NSNull)

        let alert = try #require((json["alerts"] as? [[String: Any]])?.first)
        #expect(alert["brand"] as? String == "Acme")
        #expect(alert["kind"] as? String == "negative-spike")
        #expect(alert["aspect"] as? String == "service")
        #expect(alert["day"] as? String == "2026-11-20")
        #expect(alert["episodeStart"] as? String == "2026-11-19")
        #expect(alert["episodeID"] as? String == "Acme|negative-spike|service|2026-11-19")
        #expect(alert["title"] as? String == ReportFixture.alert.title)
        #expect(alert["details"] as? [String] == ReportFixture.alert.details)
        let evidence = try #require(alert["evidence"] as? [[String: Any]])
        #expect(evidence[0]["text"] as? String == ReportFixture.hostile)
        #expect(evidence[0]["compound"] as? Double == -0.81)
        #expect(evidence[1]["url"] as? String == "https://example.com/r/2?a=1&b=2")

        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(sources.map { $0["id"] as? String } == ["reviews", "forum|x", "rss"])
        #expect(sources.map { $0["status"] as? String } == ["ok", "failed", "not-modified"])
        #expect(sources[0]["items"] as? Int == 20)
        #expect(sources[0]["newMentions"] as? Int == 6)
        #expect(sources[0]["message"] is NSNull)
        #expect(sources[1]["message"] as? String == "HTTP 503 from https://forum.example/feed <b>down</b>")
        #expect(sources[1]["consecutiveFailures"] as? Int == 3)
        #expect(sources[2]["consecutiveFailures"] is NSNull)
    }

    @Test func outputIsSortedPrettyAndRounded() throws {
        var report = ReportFixture.report()
        report.brands[0].meanCompound = 0.123456789
        let text = try ReportFixture.text(SummaryJSONWriter(), report)
        #expect(text.contains("\n  \"alerts\""))
        #expect(text.contains("0.1235"))
        #expect(!text.contains("0.12345"))
        #expect(text.hasSuffix("}\n"))
        let topKeys = ["\"alerts\"", "\"asOf\"", "\"brands\"", "\"schemaVersion\"", "\"sources\"", "\"window\""]
        let positions = try topKeys.map { key in try #require(text.range(of: "\n  " + key)?.lowerBound) }
        #expect(positions == positions.sorted())
        #expect(text.contains("https://example.com/r/2"), "slashes are not escaped")
    }

    @Test func brandWithoutMentionsHasNullMeanCompound() throws {
        let json = try parse(ReportFixture.emptyReport())
        let brand = try #require((json["brands"] as? [[String: Any]])?.first)
        #expect(brand["mentions"] as? Int == 0)
        #expect((brand["sentiment"] as? [String: Any])?["meanCompound"] is NSNull)
        #expect((json["alerts"] as? [Any])?.isEmpty == true)
    }

    @Test func nonFiniteNumbersBecomeNull() throws {
        var report = ReportFixture.report()
        report.brands[0].shareOfVoice = .nan
        let brand = try #require((try parse(report)["brands"] as? [[String: Any]])?.first)
        #expect(brand["shareOfVoice"] is NSNull)
    }
}
