import CLibXML2

/// HTML's named character references, looked up in libxml2's HTML 4 table.
enum HTMLEntityTable {
    /// The character `&name;` stands for, or nil when HTML has no such entity.
    static func character(named name: String) -> Character? {
        if let common = common[name] { return common }
        guard name.utf8.count < 32 else { return nil }
        let entity: UnsafePointer<htmlEntityDesc>? = name.withCString { pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }
        guard let entity, let scalar = Unicode.Scalar(entity.pointee.value) else { return nil }
        return Character(scalar)
    }

    private static let common: [String: Character] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "hellip": "…",
        "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
    ]
}
