import Foundation
import Testing

/// `earshot score` as DESIGN.md's contract says: one output line per input line, in order.
@Suite struct ScoreCommandTests {
    @Test func tsvKeepsLineOrderAndSigns() throws {
        let input = ["I love this product, it works perfectly", "Terrible support, they never replied", "", "The parcel arrived on Tuesday"]
        let result = try EarshotBinary.run(["score"], in: EarshotBinary.packageRoot, input: input.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == input.count)
        let compounds = try lines.map { line -> Double in
            let fields = line.split(separator: "\t")
            #expect(fields.count == 2)
            return try #require(Double(fields[0]))
        }
        #expect(compounds[0] >= 0.05)
        #expect(compounds[1] <= -0.05)
        #expect(compounds[2] == 0)
        #expect(abs(compounds[3]) < 0.05)
        #expect(lines.allSatisfy { $0.hasSuffix("\ten") })
    }

    @Test func jsonlHasEveryKeyAndAspects() throws {
        let result = try EarshotBinary.run(["score", "--format", "jsonl"], in: EarshotBinary.packageRoot,
                                           input: "Love the product but support never replied\n")
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["compound", "pos", "neu", "neg", "lang", "aspects"] { #expect(object[key] != nil, "missing \(key)") }
        let aspects = try #require(object["aspects"] as? [String: [String: Any]])
        let product = try #require(aspects["product"]?["compound"] as? Double)
        let support = try #require(aspects["support"]?["compound"] as? Double)
        #expect(product > 0, "the product clause is praise")
        #expect(support < 0, "the support clause is a complaint")
    }

    @Test func explainNamesTermsAndRules() throws {
        let result = try EarshotBinary.run(["score", "--explain"], in: EarshotBinary.packageRoot, input: "The app is not good\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("good"))
        #expect(result.stdout.contains("negated by 'not'"))
        let compound = try #require(Double(result.stdout.split(separator: "\t")[0]))
        #expect(compound < 0)
    }

    @Test func streamsManyLinesInOrder() throws {
        let lines = (0..<5000).map { $0 % 2 == 0 ? "great service number \($0)" : "awful delay number \($0)" }
        let result = try EarshotBinary.run(["score"], in: EarshotBinary.packageRoot, input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let output = result.stdout.split(separator: "\n")
        try #require(output.count == lines.count)
        for (index, line) in output.enumerated() where index % 500 == 0 {
            let compound = try #require(Double(line.split(separator: "\t")[0]))
            #expect(index % 2 == 0 ? compound > 0 : compound < 0, "line \(index)")
        }
    }

    @Test func missingLexiconFolderIsAUsageError() throws {
        let result = try EarshotBinary.run(["score", "--lexicons", "/nonexistent/lexicons"], in: EarshotBinary.packageRoot, input: "hi\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/lexicons"))
    }
}
