import EarshotCore

/// One entry of `silences.yaml`: alerts of a brand (and, when given, of one kind and aspect)
/// are not recorded or sent up to and including ``until``.
///
/// As in Alertmanager, a silence mutes notifications, not the rules: the alert rules still
/// run, and once the silence has expired an alert that still fires is sent.
struct Silence: Sendable, Equatable {
    var brand: String
    /// nil: every kind.
    var kind: AlertKind?
    /// `service`, `experience` or `all` (the brand as a whole); nil: every aspect.
    var aspect: String?
    /// The last day the silence holds (UTC).
    var until: Day
    var reason: String?

    /// True when this silence holds on `asOf` and covers `alert`.
    func mutes(_ alert: Alert, asOf: Day) -> Bool {
        guard asOf <= until, alert.brand == brand else { return false }
        if let kind, alert.kind != kind { return false }
        if let aspect, (alert.aspect ?? "all") != aspect { return false }
        return true
    }
}
