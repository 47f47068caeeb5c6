import EarshotCore

extension HTMLReportWriter {
    func brands(_ report: Report) -> String {
        var out = "<section id=\"brands\">\n<h2>Brands</h2>\n"
        if report.brands.isEmpty { out += "<p class=\"quiet\">No brands configured.</p>\n" }
        for (index, brand) in report.brands.enumerated() {
            out += card(brand, index: index, days: report.days)
        }
        return out + "</section>\n"
    }

    func card(_ brand: BrandReport, index: Int, days: ClosedRange<Day>) -> String {
        let daily = brand.daily(over: days)
        let name = brand.name.htmlEscaped
        var out = "<article class=\"card\" id=\"brand-\(index)\">\n<h3>\(name)</h3>\n"
        if !brand.competitors.isEmpty {
            out += "<p class=\"muted versus\">vs " + brand.competitors.map(\.htmlEscaped).joined(separator: ", ") + "</p>\n"
        }
        out += "<div class=\"kpis\">\n" + trust(brand)
        out += "<div class=\"kpi\"><div class=\"label\">Mentions</div><div class=\"value\">\(brand.mentions)</div>"
            + "<div class=\"sub\">mean compound \(brand.mentions == 0 ? "–" : ReportFormat.compound(brand.meanCompound))</div></div>\n"
        out += "<div class=\"kpi\"><div class=\"label\">Share of voice</div><div class=\"value\">\(ReportFormat.percent(brand.shareOfVoice))</div>"
            + "<div class=\"sub\">of mentions of it and its competitors</div></div>\n</div>\n"
        out += mix(brand)
        out += touchpoints(brand)
        out += ratings(brand)
        out += "<div class=\"charts\">\n<figure><figcaption class=\"chart-title\">Mentions per day, by sentiment</figcaption>"
            + DailyVolumeChart(id: "volume-\(index)", brand: brand.name, daily: daily).svg()
            + "</figure>\n<figure><figcaption class=\"chart-title\">Mean sentiment (compound) per day</figcaption>"
            + CompoundTrendChart(id: "compound-\(index)", brand: brand.name, daily: daily).svg()
            + "</figure>\n</div>\n"
        out += trends(brand, index: index)
        return out + "</article>\n"
    }

    func trust(_ brand: BrandReport) -> String {
        guard let trust = brand.trust else {
            return "<div class=\"kpi\"><div class=\"label\">Trust score</div><div class=\"value\">–</div>"
                + "<div class=\"sub\">no rated reviews yet</div></div>\n"
        }
        let percent = max(0, min(100, trust.stars / 5 * 100))
        var out = "<div class=\"kpi\"><div class=\"label\">Trust score</div>"
            + "<div class=\"value\">\(ReportFormat.decimal(trust.value, places: 1))<span class=\"of\"> / 5</span></div>"
            + "<div class=\"stars\" role=\"img\" aria-label=\"\(ReportFormat.rating(trust.stars)) of 5 stars\">"
            + "<span class=\"empty\" aria-hidden=\"true\">★★★★★</span>"
            + "<span class=\"full\" aria-hidden=\"true\" style=\"width:\(ChartFrame.n(percent))%\">★★★★★</span></div>"
            + "<div class=\"sub\">\(ReportFormat.rating(trust.stars)) stars from \(trust.ratedReviews) rated "
            + "\(trust.ratedReviews == 1 ? "review" : "reviews")</div>"
        if let needed = brand.fiveStarsToNextHalfStar {
            out += "<div class=\"sub\">\(ReportFormat.fiveStarsToNextHalfStar(needed))</div>"
        }
        if brand.trustByGroup.count > 1 {
            out += "<div class=\"sub\">by source: " + brand.trustByGroup.map {
                "\($0.group.htmlEscaped) \(ReportFormat.decimal($0.trust.value, places: 1)) (\($0.trust.ratedReviews))"
            }.joined(separator: " · ") + "</div>"
        }
        return out + "</div>\n"
    }

    func mix(_ brand: BrandReport) -> String {
        let total = brand.positive + brand.neutral + brand.negative
        let parts = [("pos", "positive", brand.positive), ("neu", "neutral", brand.neutral), ("neg", "negative", brand.negative)]
        let label = parts.map { "\(ReportFormat.share($0.2, of: total)) \($0.1)" }.joined(separator: ", ")
        var out = "<div class=\"mixblock\"><div class=\"label\">Sentiment mix</div>"
        out += "<div class=\"mix\" role=\"img\" aria-label=\"\(total == 0 ? "no mentions" : label)\">"
        if total == 0 {
            out += "<span class=\"none\" style=\"width:100%\">no mentions</span>"
        } else {
            for (css, _, count) in parts where count > 0 {
                let fraction = Double(count) / Double(total)
                let text = fraction >= 0.08 ? ReportFormat.percent(fraction) : ""
                out += "<span class=\"\(css)\" style=\"width:\(ChartFrame.n(fraction * 100))%\">\(text)</span>"
            }
        }
        out += "</div><div class=\"legend\">"
            + parts.map { "<span><i class=\"\($0.0)\"></i>\($0.2) \($0.1)</span>" }.joined()
        return out + "</div></div>\n"
    }

    func touchpoints(_ brand: BrandReport) -> String {
        var out = "<table class=\"aspects\"><caption>Service vs experience</caption>"
            + "<thead><tr><th scope=\"col\">Touchpoint</th><th scope=\"col\" class=\"num\">Mentions</th>"
            + "<th scope=\"col\" class=\"num\">Negative share</th><th scope=\"col\" class=\"num\">Mean compound</th></tr></thead><tbody>"
        for touchpoint in Touchpoint.allCases.sorted(by: { $0 == .service && $1 != .service }) {
            let figures = brand.touchpoints[touchpoint] ?? TouchpointDay()
            let mean = figures.mentions == 0 ? "–" : ReportFormat.compound(figures.meanCompound)
            out += "<tr><th scope=\"row\">\(touchpoint.rawValue.capitalized)</th><td class=\"num\">\(figures.mentions)</td>"
                + "<td class=\"num\">\(ReportFormat.share(figures.negative, of: figures.mentions))</td>"
                + "<td class=\"num\">\(mean)</td></tr>"
        }
        return out + "</tbody></table>\n"
    }

    func ratings(_ brand: BrandReport) -> String {
        guard brand.ratingHistogram.reduce(0, +) > 0 else { return "" }
        let parts = brand.ratingHistogram.enumerated().reversed().map { "\($0.offset + 1)★ \($0.element)" }
        return "<p class=\"muted\">Rated reviews in window: " + parts.joined(separator: " · ") + "</p>\n"
    }

    func shareOfVoice(_ report: Report) -> String {
        "<section id=\"share-of-voice\">\n<h2>Share of voice</h2>\n<figure class=\"wide\">"
            + ShareOfVoiceChart(id: "share-of-voice-chart", brands: report.brands.map { ($0.name, $0.shareOfVoice) }).svg()
            + "<figcaption>Each brand's share of the mentions of itself and its competitors over the window.</figcaption>"
            + "</figure>\n</section>\n"
    }
}
