import EarshotAnalysis
import EarshotCore
import Foundation

/// Writes `earshot score` output lines into a byte buffer, numbers formatted by hand.
///
/// The bytes are those of `String(format: "%.4f")` and `"%.3f"`: a number whose scaled value
/// lies within a millionth of a rounding tie, or that is not finite or very large, goes
/// through `String(format:)` itself, so hand formatting never rounds differently. The
/// `--explain` parts keep their original string formatting.
struct ScoreLineFormatter: Sendable {
    let jsonl: Bool
    let explain: Bool

    /// Appends the output line for `result`, line feed included.
    func append(_ result: ScoreResult, to out: inout [UInt8]) {
        if jsonl { appendJSONL(result, to: &out) } else { appendTSV(result, to: &out) }
        out.append(0x0A)
    }

    private func appendTSV(_ result: ScoreResult, to out: inout [UInt8]) {
        ScoreLineFormatter.appendFixed(result.sentiment.compound, digits: 4, to: &out)
        out.append(0x09)
        out.append(contentsOf: result.lang.utf8)
        guard explain else { return }
        out.append(0x09)
        let text = result.contributions.map { c in
            String(format: "%@ %+.3f→%+.3f", c.term, c.base, c.final) + (c.rules.isEmpty ? "" : " [" + c.rules.joined(separator: "; ") + "]")
        }.joined(separator: " | ")
        out.append(contentsOf: text.utf8)
    }

    private func appendJSONL(_ result: ScoreResult, to out: inout [UInt8]) {
        let s = result.sentiment
        out.append(contentsOf: #"{"compound":"#.utf8)
        ScoreLineFormatter.appendFixed(s.compound, digits: 4, to: &out)
        out.append(contentsOf: #","pos":"#.utf8)
        ScoreLineFormatter.appendFixed(s.pos, digits: 3, to: &out)
        out.append(contentsOf: #","neu":"#.utf8)
        ScoreLineFormatter.appendFixed(s.neu, digits: 3, to: &out)
        out.append(contentsOf: #","neg":"#.utf8)
        ScoreLineFormatter.appendFixed(s.neg, digits: 3, to: &out)
        out.append(contentsOf: #","lang":"#.utf8)
        out.append(contentsOf: JSONText.quote(result.lang).utf8)
        out.append(contentsOf: #","aspects":{"#.utf8)
        for (index, aspect) in result.aspects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: JSONText.quote(aspect.aspect).utf8)
            out.append(contentsOf: #":{"touchpoint":""#.utf8)
            out.append(contentsOf: aspect.touchpoint.rawValue.utf8)
            out.append(contentsOf: #"","compound":"#.utf8)
            ScoreLineFormatter.appendFixed(aspect.compound, digits: 4, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
        if explain {
            let text = ",\"explain\":[" + result.contributions.map { c in
                "{\"term\":\(JSONText.quote(c.term)),\"valence\":\(JSONText.number(c.base)),\"final\":\(JSONText.number(c.final)),\"rules\":[\(c.rules.map(JSONText.quote).joined(separator: ","))]}"
            }.joined(separator: ",") + "]"
            out.append(contentsOf: text.utf8)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `String(format: "%.<digits>f", value)` for `digits` 3 or 4, as bytes.
    static func appendFixed(_ value: Double, digits: Int, to out: inout [UInt8]) {
        let scale: Double = digits == 4 ? 10_000 : 1_000
        let scaled = abs(value) * scale
        let rounded = scaled.rounded(.toNearestOrEven)
        guard value.isFinite, scaled < 1e15, abs(abs(scaled - rounded) - 0.5) > 1e-6 else {
            out.append(contentsOf: String(format: digits == 4 ? "%.4f" : "%.3f", value).utf8)
            return
        }
        if value.sign == .minus { out.append(UInt8(ascii: "-")) }
        let units = Int(rounded)
        let divisor = digits == 4 ? 10_000 : 1_000
        appendDecimal(units / divisor, to: &out)
        out.append(UInt8(ascii: "."))
        var fraction = units % divisor
        var place = divisor / 10
        while place > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / place))
            fraction %= place
            place /= 10
        }
    }

    private static func appendDecimal(_ number: Int, to out: inout [UInt8]) {
        if number < 10 { return out.append(UInt8(ascii: "0") + UInt8(number)) }
        appendDecimal(number / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}
