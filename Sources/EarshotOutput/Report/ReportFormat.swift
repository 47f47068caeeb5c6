import EarshotCore
import Foundation

/// The number, date and text formats that every report writer shares, so the HTML page,
/// the Markdown file and the CSV print a value the same way.
///
/// Everything here is locale-independent and clock-free: a report rendered twice from the
/// same ``Report`` is byte-for-byte the same.
enum ReportFormat {
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `value` with a fixed number of decimals (`4.2`), "–" when not finite.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        let text = String(format: "%.\(places)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// A compound score with its sign and three decimals: `+0.412`, `-0.080`, `0.000`.
    static func compound(_ value: Double) -> String {
        let text = decimal(value, places: 3)
        return value > 0 && text != "0.000" ? "+" + text : text
    }

    /// A fraction in [0, 1] as a percentage: `42%`, `0.4%` below one percent, `0%` for zero.
    static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "–" }
        let value = fraction * 100
        if value > 0 && value < 1 { return decimal(value, places: 1) + "%" }
        return decimal(value, places: 0) + "%"
    }

    /// `part / whole` as a percentage, "–" when `whole` is zero.
    static func share(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : percent(Double(part) / Double(whole))
    }

    /// A star rating without superfluous zeros: `4`, `4.5`.
    static func rating(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded() { return String(Int(value)) }
        var text = decimal(value, places: 4)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Five glyphs for a half-star rating: `★★★★½` for 4.5, `★★★☆☆` for 3.
    static func starGlyphs(_ stars: Double) -> String {
        let halves = max(0, min(10, Int((stars * 2).rounded())))
        let full = halves / 2
        let half = halves % 2
        return String(repeating: "★", count: full) + (half == 1 ? "½" : "") + String(repeating: "☆", count: 5 - full - half)
    }

    /// "3 five-star reviews to reach the next half star", singular for one.
    static func fiveStarsToNextHalfStar(_ count: Int) -> String {
        count == 1 ? "1 five-star review to reach the next half star"
            : "\(count) five-star reviews to reach the next half star"
    }

    /// A short axis label for a day: `Nov 14`.
    static func shortDay(_ day: Day) -> String {
        let parts = day.components
        return "\(monthNames[parts.month - 1]) \(parts.day)"
    }

    /// A UTC instant to the second, ISO 8601: `2026-11-14T08:30:00Z`.
    static func iso8601(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return day.description + String(format: "T%02d:%02d:%02dZ", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// A UTC instant to the minute, for people: `2026-11-14 08:30 UTC`.
    static func timestamp(_ date: Date) -> String {
        let (day, seconds) = split(date)
        return day.description + String(format: " %02d:%02d UTC", seconds / 3600, seconds / 60 % 60)
    }

    /// The number of days in a window, both ends included.
    static func length(of days: ClosedRange<Day>) -> Int { days.lowerBound.distance(to: days.upperBound) + 1 }

    /// `"2026-11-14 → 2026-11-20 (7 days)"`.
    static func window(_ days: ClosedRange<Day>) -> String {
        let count = length(of: days)
        return "\(days.lowerBound) → \(days.upperBound) (\(count) \(count == 1 ? "day" : "days"))"
    }

    /// `link` when it is an absolute `http` or `https` URL, else nil: a feed's `javascript:` or
    /// `data:` link is never made clickable.
    static func safeLink(_ link: String?) -> String? {
        guard let link = link?.trimmingCharacters(in: .whitespacesAndNewlines), !link.isEmpty,
              let url = URL(string: link), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host?.isEmpty == false else { return nil }
        return link
    }

    /// The text on one line (runs of whitespace become one space; a line break becomes " — "
    /// unless the line ends in punctuation), cut at `limit` characters with an ellipsis.
    static func oneLine(_ text: String, limit: Int = .max) -> String {
        // Lines (a title above its body) are joined by " — " unless the line ends in punctuation,
        // so "Refund failed" + "Got the email" does not read as one run-on sentence.
        var line = ""
        for part in text.split(whereSeparator: \.isNewline) {
            let words = part.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard !words.isEmpty else { continue }
            if let last = line.last {
                line += ".,!?:;…。，、！？：；".contains(last) ? " " : " — "
            }
            line += words
        }
        guard line.count > limit else { return line }
        return String(line.prefix(max(0, limit - 1))).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A human name for an alert kind: "Negative spike", "Trust drop", "Volume drop".
    static func kind(_ kind: AlertKind) -> String {
        switch kind {
        case .negativeSpike: "Negative spike"
        case .trustDrop: "Trust drop"
        case .volumeDrop: "Volume drop"
        }
    }

    private static func split(_ date: Date) -> (Day, Int) {
        let day = Day(date)
        let seconds = Int((date.timeIntervalSince1970 - day.start.timeIntervalSince1970).rounded(.down))
        return (day, max(0, min(86_399, seconds)))
    }
}
