import EarshotCore

/// A word that names a touchpoint aspect ("refund" → refunds, service).
public struct AspectTerm: Sendable, Equatable {
    public var aspect: String
    public var touchpoint: Touchpoint

    /// The aspects `touchpoint` has (`lexicons/README.md`, "Aspects and touchpoints"). (A
    /// switch: a table keyed by `Touchpoint` cost a run-time conformance lookup, ~1.1M
    /// instructions, at each start-up.)
    public static func aspects(of touchpoint: Touchpoint) -> [String] {
        switch touchpoint {
        case .service: ["support", "response", "refunds", "agents"]
        case .experience: ["product", "price", "delivery", "app", "packaging"]
        }
    }

    public init(aspect: String, touchpoint: Touchpoint) {
        self.aspect = aspect
        self.touchpoint = touchpoint
    }
}
