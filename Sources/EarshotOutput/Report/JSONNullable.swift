/// A property wrapper that encodes a missing value as an explicit JSON `null`.
///
/// Synthesised `Encodable` skips a nil optional; `summary.json` promises that every key is
/// always present, so its optional fields are wrapped in this.
@propertyWrapper
struct JSONNullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
