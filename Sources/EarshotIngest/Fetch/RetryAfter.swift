import Foundation

/// Reads an HTTP `Retry-After` header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
///
/// The result is capped at ``cap`` from now, and a date in the past means "now": a server
/// can postpone a source, never retire it, and earshot never sleeps on it inside a run.
public enum RetryAfter {
    /// The longest a server can make earshot wait: 24 hours.
    static let cap: TimeInterval = 24 * 3600

    /// When to retry, or nil when `value` is neither a number of seconds nor an HTTP-date.
    static func date(_ value: String?, now: Date) -> Date? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        let when: Date
        if value.allSatisfy(\.isASCII), value.allSatisfy(\.isNumber) {
            when = now.addingTimeInterval(Double(value) ?? cap)
        } else if let date = httpDate(value) {
            when = date
        } else {
            return nil
        }
        return min(max(when, now), now.addingTimeInterval(cap))
    }

    /// IMF-fixdate, with the obsolete RFC 850 and asctime forms.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// `2024-05-01T13:00:00Z`.
    public static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
