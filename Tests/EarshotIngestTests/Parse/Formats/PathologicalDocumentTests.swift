import EarshotCore
import Foundation
import Testing
@testable import EarshotIngest

/// Documents built to exhaust a parser (issue 3): each ends recovered or with a clean
/// `.hostileInput` error naming the file, both from memory and streamed from a file. No time
/// bounds here: how fast they end is a benchmark concern.
struct PathologicalDocumentTests {
    enum Input: String, CaseIterable, CustomTestStringConvertible {
        case fiftyThousandAttributes, twoHundredThousandAttributes, hundredThousandNestedElements, twelveMegabyteTextNode, twelveMegabyteIgnoredTextNode
        var testDescription: String { rawValue }

        /// The document; the item before the pathological part is always readable.
        var xml: String {
            let head = "<rss version=\"2.0\"><channel><title>Hostile</title><item><title>Before</title><guid>a</guid></item>"
            switch self {
            case .fiftyThousandAttributes:
                let attributes = (0..<50_000).map { " a\($0)=\"\($0)\"" }.joined()
                return head + "<item\(attributes)><title>Many attributes</title><guid>b</guid></item></channel></rss>"
            case .twoHundredThousandAttributes:
                // libxml2 checks a tag's attributes for duplicates in quadratic time (39 s here):
                // StartTagGuard refuses the tag before libxml2 reads it.
                let attributes = (0..<200_000).map { " a\($0)=\"\($0)\"" }.joined()
                return head + "<item\(attributes)><title>Many attributes</title><guid>b</guid></item></channel></rss>"
            case .hundredThousandNestedElements:
                return head + "<item><title>" + String(repeating: "<x>", count: 100_000) + "deep"
                    + String(repeating: "</x>", count: 100_000) + "</title></item></channel></rss>"
            case .twelveMegabyteTextNode:
                return head + "<item><title>Big</title><description>" + String(repeating: "Lumio is fine. ", count: 800_000)
                    + "</description></item></channel></rss>"
            case .twelveMegabyteIgnoredTextNode:
                // In an element no handler keeps: its text is never built into a string, so it is skipped.
                return head + "<item><title>Big</title><x-note>" + String(repeating: "Lumio is fine. ", count: 800_000)
                    + "</x-note></item></channel></rss>"
            }
        }
    }

    /// What each document must end with.
    func check(_ input: Input, result: Result<[FeedItem], any Error>, path: String) {
        switch (input, result) {
        case (.fiftyThousandAttributes, .success(let items)):
            // libxml2 reads them all; the reader keeps the first 1,024 and the item is intact.
            #expect(items.map(\.title) == ["Before", "Many attributes"])
        case (.twelveMegabyteIgnoredTextNode, .success(let items)):
            // Text nobody keeps costs no memory; the item around it is read as usual.
            #expect(items.map(\.title) == ["Before", "Big"])
        case (.twoHundredThousandAttributes, .failure(let error)):
            let error = error as? EarshotError
            #expect(error?.code == .hostileInput, "\(String(describing: error))")
            #expect(error?.message == "\(path):1: a start tag has more than 50000 attributes; refusing the document", "\(String(describing: error))")
        case (.hundredThousandNestedElements, .failure(let error)),
             (.twelveMegabyteTextNode, .failure(let error)):
            let error = error as? EarshotError
            #expect(error?.code == .hostileInput, "\(String(describing: error))")
            #expect(error?.message.hasPrefix(path + ":") == true, "\(String(describing: error))")
        default:
            Issue.record("\(input): unexpected outcome \(result)")
        }
    }

    @Test(arguments: Input.allCases)
    func fromMemory(_ input: Input) {
        let path = "feeds/\(input.rawValue).xml"
        let result = Result<[FeedItem], any Error> { try XMLFeedParser().parse(Array(input.xml.utf8), path: path).items }
        check(input, result: result, path: path)
    }

    @Test(arguments: Input.allCases)
    func streamedFromAFile(_ input: Input) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("earshot-\(UUID().uuidString)-\(input.rawValue).xml")
        try Data(input.xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var items: [FeedItem] = []
        let result = Result<[FeedItem], any Error> {
            _ = try XMLFeedParser().parse(contentsOfFile: file.path) { item, _ in items.append(item) }
            return items
        }
        check(input, result: result, path: file.path)
        // Whatever happened, the item before the hostile part was handed out once.
        #expect(items.first?.title == "Before")
        #expect(items.filter { $0.title == "Before" }.count == 1)
    }
}
