import EarshotCore
import Foundation

/// Renders a ``Report`` as GitHub-flavoured Markdown, `report.md`.
///
/// It carries the same content as the HTML page, with tables in place of charts: the
/// header, alerts with their evidence, a summary row per brand, each brand's service vs
/// experience split and daily figures, share of voice, the sources (failures in bold) and
/// the latest negative mentions. Text from data is escaped (``Swift/String/markdownEscaped``),
/// so a `|` in a mention never breaks a table and markup in it never renders.
public struct MarkdownReportWriter: ReportWriter {
    /// `report.md`.
    public let fileName = "report.md"
    /// How many of the most recent negative mentions the last table lists.
    public var negativeMentionLimit: Int
    /// How many characters of a mention's text the tables show before cutting it with "…".
    public var textLimit: Int

    /// Creates a writer.
    ///
    /// - Parameters:
    ///   - negativeMentionLimit: How many of the most recent negative mentions to list.
    ///   - textLimit: How many characters of a mention's text to show in tables.
    public init(negativeMentionLimit: Int = 25, textLimit: Int = 200) {
        self.negativeMentionLimit = negativeMentionLimit
        self.textLimit = textLimit
    }

    /// Renders the file as UTF-8.
    ///
    /// - Parameter report: The computed report.
    /// - Returns: The bytes of `report.md`.
    public func render(_ report: Report) throws -> Data { Data(markdown(report).utf8) }

    /// Renders the file as a string.
    ///
    /// - Parameter report: The computed report.
    /// - Returns: The Markdown text, ending with a newline.
    public func markdown(_ report: Report) -> String {
        var out = "# Earshot report — as of \(report.asOf)\n\n"
        let failed = report.sources.filter { $0.outcome.status == .failed }
        var facts = ["Window: **\(ReportFormat.window(report.days).markdownEscaped)**",
                     "\(report.brands.count) brands", "\(report.mentions.count) mentions",
                     report.alerts.isEmpty ? "no alerts" : "**\(report.alerts.count) \(report.alerts.count == 1 ? "alert" : "alerts")**"]
        if !failed.isEmpty {
            facts.append("**\(failed.count) of \(report.sources.count) sources failed:** "
                + failed.map { $0.outcome.id.markdownEscaped }.joined(separator: ", "))
        } else if !report.sources.isEmpty {
            facts.append("all \(report.sources.count) sources read")
        }
        out += facts.joined(separator: " · ") + "\n\n"
        for note in report.notes { out += "> \(note.markdownEscaped)\n" }
        if !report.notes.isEmpty { out += "\n" }
        out += alerts(report) + lifecycle(report) + brands(report) + sources(report) + negativeMentions(report)
        return out
    }

    func alerts(_ report: Report) -> String {
        var out = "## Alerts\n\n"
        guard !report.alerts.isEmpty else { return out + "No alerts in this run.\n\n" }
        for alert in report.alerts {
            out += "### \(alert.title.markdownEscaped)\n\n"
            var meta = [ReportFormat.kind(alert.kind), alert.brand.markdownEscaped]
            if let aspect = alert.aspect { meta.append(aspect.markdownEscaped) }
            meta.append("fired \(alert.day)")
            if alert.episodeStart != alert.day { meta.append("episode since \(alert.episodeStart)") }
            out += "*" + meta.joined(separator: " · ") + "*\n\n"
            for detail in alert.details { out += "- \(detail.markdownEscaped)\n" }
            if !alert.details.isEmpty { out += "\n" }
            for evidence in alert.evidence {
                out += "> \(ReportFormat.oneLine(evidence.text, limit: textLimit).markdownEscaped) — compound \(ReportFormat.compound(evidence.compound))"
                if let link = Self.link(evidence.url) { out += " " + link }
                out += "\n>\n"
            }
            if !alert.evidence.isEmpty { out.removeLast(2); out += "\n" }
        }
        return out
    }

    func brands(_ report: Report) -> String {
        var out = "## Brands\n\n"
        guard !report.brands.isEmpty else { return out + "No brands configured.\n\n" }
        var rows = [[String]]()
        for brand in report.brands {
            let trust = brand.trust.map { ReportFormat.decimal($0.value, places: 1) } ?? "–"
            let stars = brand.trust.map { "\(ReportFormat.starGlyphs($0.stars)) \(ReportFormat.rating($0.stars))" } ?? "–"
            rows.append([brand.name.markdownEscaped, String(brand.mentions), trust, stars,
                         brand.trust.map { String($0.ratedReviews) } ?? "0",
                         brand.fiveStarsToNextHalfStar.map(String.init) ?? "–",
                         "\(brand.positive) (\(ReportFormat.share(brand.positive, of: brand.mentions)))",
                         "\(brand.neutral) (\(ReportFormat.share(brand.neutral, of: brand.mentions)))",
                         "\(brand.negative) (\(ReportFormat.share(brand.negative, of: brand.mentions)))",
                         brand.mentions == 0 ? "–" : ReportFormat.compound(brand.meanCompound),
                         ReportFormat.percent(brand.shareOfVoice)])
        }
        out += Self.table(["Brand", "Mentions", "Trust score", "Stars", "Rated reviews", "5★ to next half star",
                           "Positive", "Neutral", "Negative", "Mean compound", "Share of voice"],
                          align: "lrrlrrrrrrr", rows: rows)
        for brand in report.brands { out += card(brand, days: report.days) }
        out += "## Share of voice\n\n"
        out += Self.table(["Brand", "Share of voice", ""], align: "lrl", rows: report.brands.map {
            [$0.name.markdownEscaped, ReportFormat.percent($0.shareOfVoice), "`\(Self.bar($0.shareOfVoice))`"]
        })
        return out
    }

    func card(_ brand: BrandReport, days: ClosedRange<Day>) -> String {
        var out = "### \(brand.name.markdownEscaped)\n\n"
        if !brand.competitors.isEmpty {
            out += "vs " + brand.competitors.map(\.markdownEscaped).joined(separator: ", ") + "\n\n"
        }
        if let trust = brand.trust {
            out += "Trust score **\(ReportFormat.decimal(trust.value, places: 1))** \(ReportFormat.starGlyphs(trust.stars)) "
                + "(\(ReportFormat.rating(trust.stars)) stars from \(trust.ratedReviews) rated reviews)"
            if let needed = brand.fiveStarsToNextHalfStar { out += "; \(ReportFormat.fiveStarsToNextHalfStar(needed))" }
            out += ".\n\n"
            if brand.trustByGroup.count > 1 {
                out += "Trust score by source: " + brand.trustByGroup.map {
                    "\($0.group.markdownEscaped) **\(ReportFormat.decimal($0.trust.value, places: 1))** (\($0.trust.ratedReviews) rated)"
                }.joined(separator: " · ") + "\n\n"
            }
        } else {
            out += "Trust score: no rated reviews yet.\n\n"
        }
        if brand.ratingHistogram.reduce(0, +) > 0 {
            out += "Rated reviews in window: "
                + brand.ratingHistogram.enumerated().reversed().map { "\($0.offset + 1)★ \($0.element)" }.joined(separator: " · ") + "\n\n"
        }
        out += Self.table(["Touchpoint", "Mentions", "Negative share", "Mean compound"], align: "lrrr",
                          rows: [Touchpoint.service, .experience].map { touchpoint in
            let figures = brand.touchpoints[touchpoint] ?? TouchpointDay()
            return [touchpoint.rawValue.capitalized, String(figures.mentions), ReportFormat.share(figures.negative, of: figures.mentions),
                    figures.mentions == 0 ? "–" : ReportFormat.compound(figures.meanCompound)]
        })
        out += trends(brand)
        out += Self.table(["Day", "Mentions", "Positive", "Neutral", "Negative", "Mean compound"], align: "lrrrrr",
                          rows: brand.daily(over: days).map { day in
            [day.day.description, String(day.mentions), String(day.positive), String(day.neutral), String(day.negative),
             day.mentions == 0 ? "–" : ReportFormat.compound(day.meanCompound)]
        })
        return out
    }

    func sources(_ report: Report) -> String {
        let out = "## Sources\n\n"
        guard !report.sources.isEmpty else { return out + "No sources configured.\n\n" }
        return out + Self.table(["Source", "Status", "Items", "New mentions", "Consecutive failures", "Last success", "Message"],
                                align: "llrrrll", rows: report.sources.map { source in
            let outcome = source.outcome
            let status = switch outcome.status {
            case .ok: "ok"
            case .notModified: "not modified"
            case .skipped: "skipped (Retry-After)"
            case .failed: "**FAILED**"
            }
            let id = outcome.status == .failed ? "**\(outcome.id.markdownEscaped)**" : outcome.id.markdownEscaped
            return [id, status, String(outcome.items), String(outcome.newMentions),
                    source.health.map { String($0.consecutiveFailures) } ?? "–",
                    source.health?.lastSuccess.map(ReportFormat.timestamp) ?? (source.health == nil ? "–" : "never"),
                    (outcome.message ?? "").markdownEscaped]
        })
    }

    func negativeMentions(_ report: Report) -> String {
        let out = "## Latest negative mentions\n\n"
        let latest = report.mentions.filter { $0.sentiment.polarity == .negative }
            .sorted { $0.mention.publishedAt > $1.mention.publishedAt }
            .prefix(negativeMentionLimit)
        guard !latest.isEmpty else { return out + "No negative mentions in the window.\n" }
        return out + Self.table(["Published", "Brand", "Source", "Compound", "Mention", "Link"], align: "lllrll",
                                rows: latest.map { scored in
            let mention = scored.mention
            var text = ""
            if let title = mention.title, !title.isEmpty { text += "**\(ReportFormat.oneLine(title, limit: 120).markdownEscaped)** " }
            text += ReportFormat.oneLine(mention.text, limit: textLimit).markdownEscaped
            if let rating = mention.rating { text += " (\(ReportFormat.rating(rating))★)" }
            return [ReportFormat.timestamp(mention.publishedAt), mention.brand.markdownEscaped, mention.source.markdownEscaped,
                    ReportFormat.compound(scored.sentiment.compound), text, Self.link(mention.url) ?? ""]
        })
    }

    /// A table whose cells are already Markdown (escape data with ``Swift/String/markdownEscaped``).
    /// `align` has one letter per column: `l` left, `r` right.
    static func table(_ header: [String], align: String, rows: [[String]]) -> String {
        let marks = align.map { $0 == "r" ? "---:" : "---" }
        var out = "| " + header.joined(separator: " | ") + " |\n| " + marks.joined(separator: " | ") + " |\n"
        for row in rows { out += "| " + row.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n" }
        return out + "\n"
    }

    /// `[host](url)` for an `http` or `https` link, with the characters that would end the
    /// link or the table cell percent-encoded; nil for any other link.
    static func link(_ url: String?) -> String? {
        guard let link = ReportFormat.safeLink(url) else { return nil }
        var encoded = ""
        for scalar in link.unicodeScalars {
            switch scalar {
            case "(": encoded += "%28"
            case ")": encoded += "%29"
            case "|": encoded += "%7C"
            case " ": encoded += "%20"
            case "<": encoded += "%3C"
            case ">": encoded += "%3E"
            case "[": encoded += "%5B"
            case "]": encoded += "%5D"
            case "\\": encoded += "%5C"
            case "`": encoded += "%60"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "[\(HTMLReportWriter.linkLabel(link).markdownEscaped)](\(encoded))"
    }

    /// A 20-cell text bar for a fraction: `██████░░░░░░░░░░░░░░`.
    static func bar(_ fraction: Double) -> String {
        let filled = fraction.isFinite ? max(0, min(20, Int((fraction * 20).rounded()))) : 0
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 20 - filled)
    }
}
