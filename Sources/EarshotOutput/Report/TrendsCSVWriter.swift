import EarshotCore
import Foundation

/// Renders the brands' weekly figures and daily trust scores as `trends.csv`: RFC 4180, UTF-8,
/// CRLF records, one header row, in long form so one file holds both series.
///
/// Columns: `brand,series,period,start,days,mentions,positive,neutral,negative,mean_compound,`
/// `service_mentions,service_negative,experience_mentions,experience_negative,trust_score,rated_reviews,trust_change_30d`.
/// A `week` row (`period` `2026-W47`, `start` its Monday) fills the count columns; a `trust`
/// row (`period` the day) fills `trust_score` (four decimals) and `rated_reviews`, and its last
/// row per brand carries `trust_change_30d`. Empty cells mean "not applicable".
public struct TrendsCSVWriter: ReportWriter {
    /// `trends.csv`.
    public let fileName = "trends.csv"

    /// The header row's column names, in order.
    public static let columns = ["brand", "series", "period", "start", "days", "mentions", "positive", "neutral", "negative",
                                 "mean_compound", "service_mentions", "service_negative", "experience_mentions",
                                 "experience_negative", "trust_score", "rated_reviews", "trust_change_30d"]

    /// Creates a writer.
    public init() {}

    /// Renders the file as UTF-8 (without a byte-order mark).
    public func render(_ report: Report) throws -> Data { Data(csv(report.brands).utf8) }

    /// The header and the rows of every brand: its weeks, then its trust days.
    public func csv(_ brands: [BrandReport]) -> String {
        var lines = [Self.columns.joined(separator: ",")]
        for brand in brands {
            let name = MentionsCSVWriter.textField(brand.name)
            for week in brand.weekly {
                lines.append([name, "week", week.label, week.start.description, String(week.days), String(week.mentions),
                              String(week.positive), String(week.neutral), String(week.negative),
                              week.mentions == 0 ? "" : MentionsCSVWriter.number(week.meanCompound),
                              String(week.service.mentions), String(week.service.negative), String(week.experience.mentions),
                              String(week.experience.negative), "", "", ""].joined(separator: ","))
            }
            let points = brand.trustTrend?.points ?? []
            for (index, point) in points.enumerated() {
                let change = index == points.count - 1 ? (brand.trustTrend?.change30Days).map(MentionsCSVWriter.number) ?? "" : ""
                let cells = [name, "trust", point.day.description, point.day.description, "1"] + Array(repeating: "", count: 9)
                    + [MentionsCSVWriter.number(point.value), String(point.ratedReviews), change]
                lines.append(cells.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
