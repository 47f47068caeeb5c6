import Foundation

/// Resolves links against xml:base (never against a file path).
enum URLResolver {
    /// `reference` resolved against `base`; `reference` unchanged when there is no absolute base.
    static func resolve(_ reference: String, against base: String?) -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let base, !trimmed.isEmpty, !isAbsolute(trimmed),
              let baseURL = URL(string: base), baseURL.scheme != nil,
              let resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteString else { return trimmed }
        return resolved
    }

    static func isAbsolute(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
            && scheme.first!.isLetter
    }
}
