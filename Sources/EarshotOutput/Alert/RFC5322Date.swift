import EarshotCore
import Foundation

/// The `Date` header format of RFC 5322 §3.3, in UTC: `Fri, 20 Nov 2026 09:05:00 +0000`.
///
/// Computed from the calendar arithmetic in ``EarshotCore/Day`` rather than a `DateFormatter`,
/// so it never depends on the machine's locale or time zone.
enum RFC5322Date {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` formatted for a `Date` header.
    static func string(from date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let day = Day(ordinal: days)
        let (year, month, dayOfMonth) = day.components
        let weekday = weekdays[((days % 7) + 7) % 7]
        let time = String(format: "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        return "\(weekday), \(dayOfMonth) \(months[month - 1]) \(String(format: "%04d", year)) \(time) +0000"
    }
}
