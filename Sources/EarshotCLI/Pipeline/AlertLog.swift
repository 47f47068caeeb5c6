import EarshotCore
import Foundation

/// The `log` delivery channel: appends each alert to a text file, one block per alert, so an
/// alert is kept even when no email or webhook is configured. Each block names its
/// notification id (``EarshotCore/Alert/notificationID``: the episode id for the first notice,
/// `…|notice-N` for a repeat, `…|resolved` for the resolved notice) and its status, and resolved
/// blocks start with `== RESOLVED`. Appending is idempotent per notification: a run that died
/// after writing but before marking the entry delivered does not write it twice when the next
/// run retries.
struct AlertLog {
    var file: URL

    func append(_ alert: Alert, episodeID: String) throws {
        if let existing = try? String(contentsOf: file, encoding: .utf8), existing.contains("   episode: \(episodeID)\n") { return }
        let marker = alert.status == .resolved ? "== RESOLVED" : "=="
        var text = "\(marker) \(alert.day) \(alert.title)\n   episode: \(episodeID)\n   status: \(alert.status.rawValue)\n"
        for line in alert.details { text += "   \(line)\n" }
        for evidence in alert.evidence { text += "   > \(evidence.text.replacingOccurrences(of: "\n", with: " "))\(evidence.url.map { " <\($0)>" } ?? "")\n" }
        let data = Data(text.utf8)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        if let handle = FileHandle(forWritingAtPath: file.path) {
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        } else {
            try data.write(to: file)
        }
    }
}
