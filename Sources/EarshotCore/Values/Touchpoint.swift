/// Where in the customer journey a remark lands.
///
/// *Service* is the reactive touchpoint: support, agents, response time, refunds and returns.
/// *Experience* is everything else the customer meets: product, price, delivery, website and app, packaging.
public enum Touchpoint: String, Sendable, Codable, CaseIterable, Comparable {
    case service, experience

    public static func < (lhs: Touchpoint, rhs: Touchpoint) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The sentiment one clause of a mention gives one aspect (for example `support` in *service*).
public struct AspectScore: Sendable, Equatable, Codable {
    public var aspect: String
    public var touchpoint: Touchpoint
    public var compound: Double

    public init(aspect: String, touchpoint: Touchpoint, compound: Double) {
        self.aspect = aspect
        self.touchpoint = touchpoint
        self.compound = compound
    }
}
