import EarshotCore

extension BrandReport {
    /// ``daily`` with exactly one entry per day of `days`, oldest first: a day missing from
    /// ``daily`` shows as a day without mentions, and days outside the window are left out,
    /// so charts and tables always line up with the report's window.
    ///
    /// - Parameter days: The report's window.
    /// - Returns: One ``BrandDay`` per day of `days`.
    public func daily(over days: ClosedRange<Day>) -> [BrandDay] {
        let byDay = Dictionary(daily.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        return days.map { byDay[$0] ?? BrandDay(brand: name, day: $0) }
    }
}
