import Foundation

extension String {
    /// Foundation's `contains(_:)` for an ASCII `needle`, answered on bytes when this string is
    /// ASCII too (no scalar there can combine with or decompose into another, so a byte match is
    /// exactly Foundation's match); any other string asks Foundation. For attribute values read on
    /// every element (`type`, `rel`), where Foundation's search was a measurable share of parse-feed.
    func asciiAwareContains(_ needle: String) -> Bool {
        let answer = utf8.withContiguousStorageIfAvailable { haystack -> Bool? in
            guard haystack.allSatisfy({ $0 < 0x80 }) else { return nil }
            // The needles are literals: their bytes are read in place, no array per call.
            return needle.utf8.withContiguousStorageIfAvailable { needle -> Bool? in
                guard let first = needle.first, needle.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard haystack.count >= needle.count else { return false }
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var index = 1
                    while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
                    if index == needle.count { return true }
                }
                return false
            } ?? nil
        }
        if let answer, let answer { return answer }
        return contains(needle)
    }
}
