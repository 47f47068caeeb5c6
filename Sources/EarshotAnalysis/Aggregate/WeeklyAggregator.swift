import EarshotCore

/// Folds a brand's days into ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first Thursday).
public struct WeeklyAggregator: Sendable {
    public init() {}

    /// The weeks of `days`, oldest first; a week at either end of the series may be partial
    /// (see ``BrandWeek/days``).
    public func weeks(_ days: [BrandDay]) -> [BrandWeek] {
        var result: [BrandWeek] = []
        for day in days.sorted(by: { $0.day < $1.day }) {
            let (year, week, monday) = Self.isoWeek(of: day.day)
            if result.last?.start != monday { result.append(BrandWeek(brand: day.brand, year: year, week: week, start: monday)) }
            result[result.count - 1].add(day)
        }
        return result
    }

    /// The ISO week-numbering year, week number and Monday of a day.
    public static func isoWeek(of day: Day) -> (year: Int, week: Int, monday: Day) {
        // Day 0 (1970-01-01) was a Thursday: Monday-based weekday = (ordinal + 3) mod 7.
        let weekday = ((day.ordinal + 3) % 7 + 7) % 7
        let monday = day.advanced(by: -weekday)
        let thursday = monday.advanced(by: 3)
        let year = thursday.components.year
        let week = Day(year: year, month: 1, day: 1).distance(to: thursday) / 7 + 1
        return (year, week, monday)
    }
}
