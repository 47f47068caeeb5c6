import EarshotCore

/// A word that names a touchpoint aspect ("refund" → refunds, service).
public struct AspectTerm: Sendable, Equatable {
    public var aspect: String
    public var touchpoint: Touchpoint

    /// The aspects each touchpoint has (`lexicons/README.md`, "Aspects and touchpoints").
    public static let known: [Touchpoint: Set<String>] = [
        .service: ["support", "response", "refunds", "agents"],
        .experience: ["product", "price", "delivery", "app", "packaging"],
    ]

    public init(aspect: String, touchpoint: Touchpoint) {
        self.aspect = aspect
        self.touchpoint = touchpoint
    }
}
