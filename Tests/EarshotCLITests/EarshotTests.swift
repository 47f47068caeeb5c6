import ArgumentParser
import Testing
@testable import EarshotCLI

/// The `earshot` entry's own parse of plain `earshot score` command lines, which must give
/// what ArgumentParser gives, and leave everything else to it.
@Suite struct EarshotTests {
    /// ScoreCommand's options, as compared here.
    struct Options: Equatable {
        var lang: ScoreCommand.Language, format: ScoreCommand.Format, explain: Bool, lexicons: String?, jobs: Int?

        init(_ command: ScoreCommand) {
            (lang, format, explain, lexicons, jobs) = (command.lang, command.format, command.explain, command.lexicons, command.jobs)
        }
    }

    @Test(arguments: [
        [], ["--jobs", "1"], ["--lexicons", "my-lexicons", "--jobs", "12"], ["--lang", "zh"], ["--lang", "auto"],
        ["--format", "jsonl", "--explain"], ["--explain", "--format", "tsv", "--lang", "ms", "--lexicons", "lex icons", "--jobs", "2"],
        ["--lexicons", "a=b"], ["--lexicons", "score"],
    ])
    func plainCommandLinesParseAsArgumentParserParsesThem(options: [String]) throws {
        let plain = try #require(Earshot.plainScoreCommand(["score"] + options))
        let parsed = try #require(try Earshot.parseAsRoot(["score"] + options) as? ScoreCommand)
        #expect(Options(plain) == Options(parsed))
    }

    @Test(arguments: [
        [], ["run"], ["score", "--help"], ["score", "-h"], ["score", "--lang=en"], ["score", "--lang", "fr"],
        ["score", "--jobs", "0"], ["score", "--jobs", "+2"], ["score", "--jobs", "99999999999999999999"],
        ["score", "--jobs"], ["score", "--lexicons", "-x"], ["score", "--lexicons", ""], ["score", "--lang", "en", "--lang", "zh"],
        ["score", "--explain", "--explain"], ["score", "--verbose"], ["score", "extra"], ["score", "--", "--jobs", "1"],
    ])
    func everythingElseIsLeftToArgumentParser(arguments: [String]) {
        #expect(Earshot.plainScoreCommand(arguments) == nil)
    }

    /// An option added to ScoreCommand must be added to ``Earshot/plainScoreCommand(_:)`` (or
    /// it would be read unset, which ArgumentParser stops on).
    @Test func scoreCommandHasTheOptionsThePlainParseSets() {
        #expect(Mirror(reflecting: ScoreCommand()).children.compactMap(\.label) == ["_lang", "_format", "_explain", "_lexicons", "_jobs"])
    }

    @Test(arguments: [["feed.xml"], ["-"], ["feeds/a b.rss"], ["--charset", "windows-1252", "feed.xml"], ["--charset", "utf-8", "-"],
                      ["parse-feed"], ["score"]])
    func plainParseFeedLinesParseAsArgumentParserParsesThem(arguments: [String]) throws {
        let plain = try #require(Earshot.plainParseFeedCommand(["parse-feed"] + arguments))
        let parsed = try #require(try Earshot.parseAsRoot(["parse-feed"] + arguments) as? ParseFeedCommand)
        #expect(plain.file == parsed.file)
        #expect(plain.charset == parsed.charset)
    }

    @Test(arguments: [
        ["parse-feed"], ["parse-feed", "--help"], ["parse-feed", "-h"], ["parse-feed", "--charset=utf-8", "a.xml"],
        ["parse-feed", "a.xml", "--charset", "utf-8"], ["parse-feed", "--charset", "-x", "a.xml"], ["parse-feed", "--charset", "", "a.xml"],
        ["parse-feed", "--charset", "utf-8"], ["parse-feed", "a.xml", "b.xml"], ["parse-feed", "--", "a.xml"], ["parse-feed", ""],
        ["parse-feed", "--verbose", "a.xml"], ["score", "a.xml"],
    ])
    func otherParseFeedLinesAreLeftToArgumentParser(arguments: [String]) {
        #expect(Earshot.plainParseFeedCommand(arguments) == nil)
    }

    /// An option added to ParseFeedCommand must be added to ``Earshot/plainParseFeedCommand(_:)``.
    @Test func parseFeedCommandHasTheOptionsThePlainParseSets() {
        #expect(Mirror(reflecting: ParseFeedCommand()).children.compactMap(\.label) == ["_file", "_charset"])
    }
}
