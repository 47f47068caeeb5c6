import EarshotCore
import Foundation

/// Renders the window's mentions as `mentions.csv`: RFC 4180, UTF-8, one row per mention in
/// the report's order, with a header row.
///
/// Columns: `id,day,published_at,brand,source,lang,compound,polarity,rating,service,experience,title,text,url`.
/// `published_at` is UTC ISO 8601 to the second; `compound`, `service` and `experience` have
/// four decimals; `rating` is stars (empty when unrated), and `service` / `experience` are the
/// mention's compound for that touchpoint (empty when it names none).
///
/// Records end with CRLF; a field is quoted when it holds a comma, a quote, CR or LF, and a
/// quote inside is doubled. Against spreadsheet formula injection, a text cell that starts
/// with `=`, `+`, `-`, `@`, tab or CR gets a leading apostrophe, so Excel, LibreOffice and
/// Google Sheets show it as text; the numeric columns are left as numbers.
public struct MentionsCSVWriter: ReportWriter {
    /// `mentions.csv`.
    public let fileName = "mentions.csv"

    /// The header row's column names, in order.
    public static let columns = ["id", "day", "published_at", "brand", "source", "lang", "compound", "polarity",
                                 "rating", "service", "experience", "title", "text", "url"]

    /// Creates a writer.
    public init() {}

    /// Renders the file as UTF-8 (without a byte-order mark).
    ///
    /// - Parameter report: The computed report; only ``Report/mentions`` is used.
    /// - Returns: The bytes of `mentions.csv`.
    public func render(_ report: Report) throws -> Data { Data(csv(report.mentions).utf8) }

    /// Renders mentions as CSV text.
    ///
    /// - Parameter mentions: The rows, in order.
    /// - Returns: The header and one record per mention, each ending with CRLF.
    public func csv(_ mentions: [ScoredMention]) -> String {
        var out = Self.columns.joined(separator: ",") + "\r\n"
        for scored in mentions {
            let mention = scored.mention
            let text = [mention.id, mention.day.description, ReportFormat.iso8601(mention.publishedAt), mention.brand,
                        mention.source, scored.lang]
            let numbers = [Self.number(scored.sentiment.compound)]
            let label = [scored.sentiment.polarity.rawValue]
            let more = [mention.rating.map(ReportFormat.rating) ?? "",
                        scored.compound(for: .service).map(Self.number) ?? "",
                        scored.compound(for: .experience).map(Self.number) ?? ""]
            let tail = [mention.title ?? "", mention.text, mention.url ?? ""]
            let fields = text.map(Self.textField) + numbers.map(Self.quoted) + label.map(Self.textField)
                + more.map(Self.quoted) + tail.map(Self.textField)
            out += fields.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A text cell: neutralised against formula injection, then quoted as needed.
    static func textField(_ value: String) -> String { quoted(neutralised(value)) }

    /// `value` with a leading apostrophe when a spreadsheet would read it as a formula.
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    /// `value` quoted per RFC 4180 when it holds a comma, quote, CR or LF.
    static func quoted(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A score with four decimals.
    static func number(_ value: Double) -> String { value.isFinite ? ReportFormat.decimal(value, places: 4) : "" }
}
