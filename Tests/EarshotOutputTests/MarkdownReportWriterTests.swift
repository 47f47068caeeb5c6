import EarshotCore
import Foundation
import Testing
@testable import EarshotOutput

@Suite struct MarkdownReportWriterTests {
    func markdown(_ report: Report = ReportFixture.report()) throws -> String {
        try ReportFixture.text(MarkdownReportWriter(), report)
    }

    /// The number of cells in a table row: `|` separators not escaped with a backslash.
    static func cells(_ row: String) -> Int {
        var pipes = 0
        var escaped = false
        for character in row {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { pipes += 1 }
        }
        return pipes - 1
    }

    /// Every table in the text: runs of lines that start with `|`.
    static func tables(_ text: String) -> [[String]] {
        var tables = [[String]]()
        var current = [String]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("|") { current.append(line) } else if !current.isEmpty { tables.append(current); current = [] }
        }
        if !current.isEmpty { tables.append(current) }
        return tables
    }

    @Test func everyRowHasTheHeadersColumnCount() throws {
        let tables = Self.tables(try markdown())
        // Summary, share of voice, sources, negatives, and two tables per brand.
        #expect(tables.count == 4 + 2 * 2)
        for table in tables {
            let columns = Self.cells(table[0])
            #expect(columns > 1)
            #expect(table.count >= 3, "a header, the alignment row and at least one row")
            for row in table { #expect(Self.cells(row) == columns, "\(row)") }
            #expect(table[1].allSatisfy { "|-: ".contains($0) }, "the second row aligns columns")
        }
    }

    @Test func escapesPipesAndMarkup() throws {
        let markdown = try markdown()
        #expect(markdown.contains("forum\\|x"))
        let raw = zip(markdown.dropFirst(), markdown).filter { $0.0 == "<" && $0.1 != "\\" }
        #expect(raw.isEmpty, "every < is escaped, so no HTML renders")
        #expect(markdown.contains("\\<script>alert(1)\\</script> terrible & \"awful\""))
        #expect(markdown.contains("Bolt & Co \\<b>"))
        #expect(!markdown.contains("javascript:"))
        #expect(markdown.contains("[example.com](https://example.com/r/2?a=1&b=2)"))
        #expect(MarkdownReportWriter.link("https://x.example/a(b)|c") == "[x.example](https://x.example/a%28b%29%7Cc)")
    }

    @Test func carriesTheSameContentAsTheHTML() throws {
        let markdown = try markdown()
        #expect(markdown.hasPrefix("# Earshot report — as of 2026-11-20\n"))
        #expect(markdown.contains("2026-11-16 → 2026-11-20 (5 days)"))
        #expect(markdown.contains("## Alerts"))
        #expect(markdown.contains("- p = 0.003 \\< 0.01"))
        #expect(markdown.contains("Trust score **4.2** ★★★★☆"))
        #expect(markdown.contains("3 five-star reviews to reach the next half star"))
        #expect(markdown.contains("| **forum\\|x** | **FAILED** |"))
        #expect(markdown.contains(ReportFixture.chinese))
        #expect(markdown.contains("| Service | 3 | 67% | -0.133 |"))
        #expect(markdown.contains("| 2026-11-20 | 2 | 1 | 0 | 1 | +0.100 |"))
        #expect(markdown.contains("Delivery was fine, but the \"app\" crashed twice"), "newlines never split a row")
        #expect(markdown.contains("67%"))
    }

    @Test func rendersAnEmptyReport() throws {
        let markdown = try markdown(ReportFixture.emptyReport())
        #expect(markdown.contains("No alerts in this run."))
        #expect(markdown.contains("No negative mentions in the window."))
        #expect(markdown.contains("Trust score: no rated reviews yet."))
    }
}
