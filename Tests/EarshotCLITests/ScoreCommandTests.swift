import Foundation
import Testing
@testable import EarshotCLI

/// `earshot score` as DESIGN.md's contract says: one output line per input line, in order.
@Suite struct ScoreCommandTests {
    @Test func tsvKeepsLineOrderAndSigns() async throws {
        let input = ["I love this product, it works perfectly", "Terrible support, they never replied", "", "The parcel arrived on Tuesday"]
        let result = try await EarshotBinary.run(["score"], in: EarshotBinary.packageRoot, input: input.joined(separator: "\n") + "\n")
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

    @Test func jsonlHasEveryKeyAndAspects() async throws {
        let result = try await EarshotBinary.run(["score", "--format", "jsonl"], in: EarshotBinary.packageRoot,
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

    @Test func explainNamesTermsAndRules() async throws {
        let result = try await EarshotBinary.run(["score", "--explain"], in: EarshotBinary.packageRoot, input: "The app is not good\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("good"))
        #expect(result.stdout.contains("negated by 'not'"))
        let compound = try #require(Double(result.stdout.split(separator: "\t")[0]))
        #expect(compound < 0)
    }

    @Test func streamsManyLinesInOrder() async throws {
        let lines = (0..<5000).map { $0 % 2 == 0 ? "great service number \($0)" : "awful delay number \($0)" }
        let result = try await EarshotBinary.run(["score"], in: EarshotBinary.packageRoot, input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0)
        let output = result.stdout.split(separator: "\n")
        try #require(output.count == lines.count)
        for (index, line) in output.enumerated() where index % 500 == 0 {
            let compound = try #require(Double(line.split(separator: "\t")[0]))
            #expect(index % 2 == 0 ? compound > 0 : compound < 0, "line \(index)")
        }
    }

    /// One thread or several, the output is the same and in input order, whatever the line
    /// endings; the last line may have no line feed. Enough lines for several input chunks.
    @Test(arguments: ["tsv", "jsonl"])
    func jobsKeepOrderAndBytes(format: String) async throws {
        let samples = ["great service 😍", "awful delay, never replied", "客服态度很差，一直没人回复", "Produk ni memang best",
                       "", "NOT good!!!", "refund still waiting\r", "ok"]
        let lines = (0..<12_000).map { "\(samples[$0 % samples.count]) #\($0)" }
        let input = lines.joined(separator: "\n") // no final line feed
        let one = try await EarshotBinary.run(["score", "--format", format, "--jobs", "1"], in: EarshotBinary.packageRoot, input: input)
        let two = try await EarshotBinary.run(["score", "--format", format, "--jobs", "2"], in: EarshotBinary.packageRoot, input: input)
        let three = try await EarshotBinary.run(["score", "--format", format, "--jobs", "3"], in: EarshotBinary.packageRoot, input: input)
        #expect(one.status == 0, "stderr: \(one.stderr)")
        #expect(one.stdout.split(separator: "\n").count == lines.count)
        #expect(two.stdout == one.stdout)
        #expect(three.stdout == one.stdout)
        // "\r\n" ends a line as "\n" does (as readLine reads it).
        let crlf = try await EarshotBinary.run(["score", "--format", format, "--jobs", "2"], in: EarshotBinary.packageRoot,
                                         input: lines.joined(separator: "\r\n") + "\r\n")
        #expect(crlf.stdout == one.stdout)
    }

    @Test func zeroJobsIsAUsageError() async throws {
        let result = try await EarshotBinary.run(["score", "--jobs", "0"], in: EarshotBinary.packageRoot, input: "hi\n")
        #expect(result.status != 0)
        #expect(result.stderr.contains("--jobs"))
    }

    /// Hand formatting writes what `String(format: "%.4f")` and `"%.3f"` write (its one-digit
    /// case alone too, ``ScoreLineFormatter/writeOneDigit(_:digits:to:)``, where it answers).
    @Test func fixedDecimalsMatchStringFormat() {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.00005, -0.00005, 0.00015, 0.12345, -0.99995, 0.0005, 0.9995, 123.45675, 1e20, .nan, .infinity,
                              9.99994, -9.99996, 10, -10.25, 99_999.5, 12_345_678.91234, -1e10, 1e11 + 0.1234]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 { values.append(Double.random(in: -1...1, using: &generator)) }
        for step in 0...20_000 {
            values.append(Double(step - 10_000) / 10_000)
            // Near the ties of the fourth decimal.
            values.append((Double(step - 10_000) + 0.5) / 10_000)
        }
        // One expectation over all values: an `#expect` per value made this test take ~50 s in a debug build.
        var mismatches: [String] = []
        var bytes: [UInt8] = []
        var oneDigit = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ScoreLineFormatter.fixedCapacity) { buffer in
            for value in values {
                for digits in [3, 4] {
                    guard let count = ScoreLineFormatter.writeOneDigit(value, digits: digits, to: buffer.baseAddress!) else { continue }
                    oneDigit += 1
                    let written = String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
                    if written != String(format: "%.\(digits)f", value), mismatches.count < 20 { mismatches.append("one digit \(value) at \(digits): \(written)") }
                }
            }
        }
        #expect(oneDigit > 80_000)
        for value in values {
            for digits in [3, 4] {
                bytes.removeAll(keepingCapacity: true)
                ScoreLineFormatter.appendFixed(value, digits: digits, to: &bytes)
                let expected = String(format: "%.\(digits)f", value)
                if String(decoding: bytes, as: UTF8.self) != expected, mismatches.count < 20 {
                    mismatches.append("\(value) at \(digits) digits: \(String(decoding: bytes, as: UTF8.self)), printf \(expected)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test func missingLexiconFolderIsAUsageError() async throws {
        let result = try await EarshotBinary.run(["score", "--lexicons", "/nonexistent/lexicons"], in: EarshotBinary.packageRoot, input: "hi\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/lexicons"))
    }

    #if os(Linux)
    /// ``StartupHeap``: while `earshot score` runs, its heap has grown by 16 MB at once and (where
    /// the kernel has transparent huge pages) part of it is advised for them (`hg` in smaps).
    @Test func scoreGrowsItsHeapOnceForHugePages() throws {
        let process = Process()
        process.executableURL = try EarshotBinary.executable
        process.arguments = ["score"]
        process.currentDirectoryURL = EarshotBinary.packageRoot
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("great support\n".utf8))
        let hugePages = FileManager.default.fileExists(atPath: "/sys/kernel/mm/transparent_hugepage/enabled")
        // The heap is set up first thing; the child then waits for more input. Its mappings are
        // read until they show it (or for 20 s).
        var heapBytes = 0, advised = false
        for _ in 0..<1000 where heapBytes < StartupHeap.span || (hugePages && !advised) {
            Thread.sleep(forTimeInterval: 0.02)
            // (Read to its end: `String(contentsOfFile:)` stops early on a /proc file, whose size reads as 0.)
            guard let file = FileHandle(forReadingAtPath: "/proc/\(process.processIdentifier)/smaps"),
                  let data = try? file.readToEnd() else { continue }
            try? file.close()
            let smaps = String(decoding: data, as: UTF8.self)
            (heapBytes, advised) = (0, false)
            var inHeap = false
            for line in smaps.split(separator: "\n") {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                if let range = fields.first, range.contains("-"), !range.hasSuffix(":") {
                    inHeap = fields.last == "[heap]"
                    let bounds = range.split(separator: "-").compactMap { Int($0, radix: 16) }
                    if inHeap, bounds.count == 2 { heapBytes += bounds[1] - bounds[0] }
                } else if inHeap, fields.first == "VmFlags:", fields.contains("hg") {
                    advised = true
                }
            }
        }
        #expect(heapBytes >= StartupHeap.span, "heap \(heapBytes) bytes")
        if hugePages { #expect(advised, "no part of the heap is advised for huge pages") }
    }
    #endif
}
