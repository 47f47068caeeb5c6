/// A text lowercased scalar by scalar into UTF-8 bytes, with a way back to the original bytes.
///
/// Matching runs over `bytes`. ASCII letters are folded in place (and tabs and line breaks become
/// spaces); other scalars that change when lowercased are replaced by their lowercase mapping,
/// which may differ in length ("İ" becomes "i̇"), so `origin` keeps each folded byte's offset in
/// the original (only when a length changed).
struct FoldedText {
    /// The lowercased UTF-8 bytes.
    let bytes: [UInt8]
    /// The original UTF-8 bytes, for checking case-sensitive terms.
    let original: [UInt8]
    /// For each folded byte (plus one past the end), its offset in `original`; nil when identical.
    private let origin: [Int32]?

    init(_ text: String) {
        let original = Array(text.utf8)
        var folded: [UInt8] = []
        folded.reserveCapacity(original.count)
        var origin: [Int32]? = nil
        var i = 0
        let n = original.count
        while i < n {
            let byte = original[i]
            if byte < 0x80 {
                // Letters to lowercase; tabs and line breaks to spaces, so phrases span them.
                folded.append(byte &- 0x41 < 26 ? byte | 0x20 : byte &- 0x09 < 5 ? 0x20 : byte)
                origin?.append(Int32(i))
                i += 1
                continue
            }
            let (scalar, length) = FoldedText.decode(original, at: i)
            if let scalar, scalar.properties.changesWhenLowercased {
                let lower = Array(scalar.properties.lowercaseMapping.utf8)
                if lower.count != length, origin == nil { origin = (0..<folded.count).map { Int32($0) } }
                folded.append(contentsOf: lower)
                if origin != nil { origin!.append(contentsOf: repeatElement(Int32(i), count: lower.count)) }
            } else {
                folded.append(contentsOf: original[i..<(i + length)])
                if origin != nil { origin!.append(contentsOf: (i..<(i + length)).map { Int32($0) }) }
            }
            i += length
        }
        origin?.append(Int32(n))
        self.bytes = folded
        self.original = original
        self.origin = origin
    }

    /// The original byte range for the folded range `start..<end`.
    func originalRange(_ start: Int, _ end: Int) -> Range<Int> {
        guard let origin else { return start..<end }
        return Int(origin[start])..<Int(origin[end])
    }

    /// The lowercase UTF-8 bytes of `text`, folded exactly as ``init(_:)`` folds a text.
    static func fold(_ text: String) -> [UInt8] { FoldedText(text).bytes }

    /// The scalar starting at `i` and its length in bytes (nil and 1 for a stray byte).
    static func decode(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (nil, 1) }
        var value = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
