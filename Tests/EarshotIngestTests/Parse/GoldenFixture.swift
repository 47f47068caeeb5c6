import EarshotCore
import Foundation
import Testing

/// One golden pair under `Fixtures/`: the input (`name.xml`, `name.json` or `name.html`) and
/// `name.expected.json`, the parse-feed output that DESIGN.md's contract calls for.
struct GoldenFixture {
    static let inputExtensions = ["xml", "json", "html"]

    var name: String
    var input: URL
    var bytes: [UInt8]
    var expected: ParsedFeed

    /// The folder the test target's `Fixtures` were copied to.
    static var folder: URL {
        get throws {
            let url = try #require(Bundle.module.resourceURL, "the test bundle has no resources").appendingPathComponent("Fixtures")
            try #require(FileManager.default.fileExists(atPath: url.path), "no Fixtures folder in \(url.path)")
            return url
        }
    }

    /// The names of every golden pair in the folder (files ending `.expected.json`).
    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".expected.json") }
            .map { String($0.dropLast(".expected.json".count)) }
            .sorted()
    }

    /// Loads the pair `name`; fails the test (it does not skip) when either file is missing or unreadable.
    init(named name: String) throws {
        let folder = try GoldenFixture.folder
        let inputs = GoldenFixture.inputExtensions.map { folder.appendingPathComponent("\(name).\($0)") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        try #require(inputs.count == 1, "fixture '\(name)' needs exactly one input (\(name).xml, .json or .html); found \(inputs.map(\.lastPathComponent))")
        let expectedURL = folder.appendingPathComponent("\(name).expected.json")
        let expectedData = try #require(FileManager.default.contents(atPath: expectedURL.path), "fixture '\(name)' has no \(name).expected.json")
        self.name = name
        input = inputs[0]
        bytes = [UInt8](try Data(contentsOf: inputs[0]))
        expected = try JSONDecoder().decode(ParsedFeed.self, from: expectedData)
    }

    /// What the parser is given: the bytes, under a made-up path (links must never resolve against it).
    var source: SourceConfig { SourceConfig(id: name, url: "fixtures/\(input.lastPathComponent)") }

    var fetched: FetchedDocument {
        FetchedDocument(source: name, bytes: bytes, finalURL: "fixtures/\(input.lastPathComponent)",
                        fetchedAt: Date(timeIntervalSince1970: 1_714_521_600))
    }
}
