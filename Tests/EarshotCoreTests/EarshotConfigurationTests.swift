import EarshotCore
import Foundation
import Testing

@Suite struct EarshotConfigurationTests {
    private func decode(_ json: String) throws -> EarshotConfiguration {
        var configuration = try JSONDecoder().decode(EarshotConfiguration.self, from: Data(json.utf8))
        configuration.baseDirectory = URL(fileURLWithPath: "/srv/earshot")
        return configuration
    }

    private let minimal = #"{"brands":[{"name":"Pinvale","competitors":["Lumio"]},{"name":"Lumio"}],"sources":[{"id":"a","url":"a.rss"}]}"#

    @Test func appliesDefaults() throws {
        let configuration = try decode(minimal)
        try configuration.validate()
        #expect(configuration.alerts.spike.pValue == 0.001)
        #expect(configuration.alerts.spike.baselineDays == 28)
        #expect(configuration.alerts.spike.minNegatives == 3)
        #expect(configuration.reports.days == 60)
        #expect(configuration.fetch.allowPrivateAddresses == false)
        #expect(configuration.sources[0].format == .auto)
    }

    @Test func resolvesPathsAgainstTheConfigFolder() throws {
        let configuration = try decode(minimal)
        #expect(configuration.resolve("feeds/a.rss").path == "/srv/earshot/feeds/a.rss")
        #expect(configuration.resolve("../lexicons").path == "/srv/lexicons")
        #expect(configuration.resolve("/etc/x").path == "/etc/x")
    }

    @Test func unknownKeyIsAnErrorThatNamesIt() {
        let json = #"{"brands":[{"name":"A","alias":["B"]}],"sources":[{"id":"a","url":"a.rss"}]}"#
        #expect {
            try decode(json)
        } throws: { error in
            String(describing: error).contains("unknown key 'brands[0].alias'")
        }
    }

    @Test(arguments: [
        (#"{"brands":[],"sources":[{"id":"a","url":"a"}]}"#, "at least one brand"),
        (#"{"brands":[{"name":"A"},{"name":"a"}],"sources":[{"id":"a","url":"a"}]}"#, "listed twice"),
        (#"{"brands":[{"name":"A","competitors":["Z"]}],"sources":[{"id":"a","url":"a"}]}"#, "'Z'"),
        (#"{"brands":[{"name":"A"}],"sources":[{"id":"a","url":"a"},{"id":"a","url":"b"}]}"#, "used twice"),
        (#"{"brands":[{"name":"A"}],"sources":[{"id":"a","url":"ftp://x/y"}]}"#, "ftp"),
        (#"{"brands":[{"name":"A"}],"sources":[{"id":"a","url":"a","brand":"Q"}]}"#, "'Q'"),
        (#"{"brands":[{"name":"A"}],"sources":[{"id":"a","url":"a"}],"alerts":{"spike":{"pValue":2}}}"#, "pValue"),
    ])
    func validationNamesTheProblem(json: String, expected: String) throws {
        let configuration = try decode(json)
        #expect {
            try configuration.validate()
        } throws: { error in
            guard let error = error as? EarshotError else { return false }
            return error.code == .configuration && error.message.contains(expected)
        }
    }
}
