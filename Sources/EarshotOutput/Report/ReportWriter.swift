import Foundation

/// Renders a ``Report`` into the bytes of one file of a run's report folder.
///
/// Writers are stateless, `Sendable` formatters: they read the already-computed ``Report``
/// and never compute analysis themselves, so every file of a run agrees with the others.
/// ``ReportPublisher`` writes their output to disk atomically.
public protocol ReportWriter: Sendable {
    /// The file's name inside the report folder, for example `report.html`.
    var fileName: String { get }

    /// Renders the whole file.
    ///
    /// - Parameter report: The computed report.
    /// - Returns: The file's bytes (UTF-8 for every writer earshot ships).
    /// - Throws: `EarshotError` with code `.report` when the report cannot be encoded.
    func render(_ report: Report) throws -> Data
}
