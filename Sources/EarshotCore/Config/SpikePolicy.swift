/// The negative-spike rule's constants.
///
/// A spike fires when the negative share of the last ``windowDays`` days (or of today alone)
/// is improbably high against a smoothed ``baselineDays``-day baseline: an exact one-sided
/// binomial test with p below ``pValue``, at least ``minNegatives`` negative mentions, and a
/// share at least ``minShareIncrease`` above the baseline. The baseline share is
/// `(negatives + priorNegative) / (mentions + priorNegative + priorOther)`, a Beta prior that
/// keeps a quiet brand from looking spotless. No alert fires before ``minHistoryDays`` days and
/// ``minHistoryMentions`` mentions of history.
public struct SpikePolicy: Sendable, Decodable, Equatable {
    public var windowDays: Int
    public var baselineDays: Int
    public var pValue: Double
    public var minNegatives: Int
    public var minShareIncrease: Double
    public var priorNegative: Double
    public var priorOther: Double
    public var minHistoryDays: Int
    public var minHistoryMentions: Int
    /// Days without a spike after which an episode is over.
    public var resolveAfterDays: Int

    enum CodingKeys: String, CodingKey, CaseIterable {
        case windowDays, baselineDays, pValue, minNegatives, minShareIncrease, priorNegative, priorOther
        case minHistoryDays, minHistoryMentions, resolveAfterDays
    }

    public init(windowDays: Int = 3, baselineDays: Int = 28, pValue: Double = 0.001, minNegatives: Int = 3,
                minShareIncrease: Double = 0.20, priorNegative: Double = 2, priorOther: Double = 8,
                minHistoryDays: Int = 14, minHistoryMentions: Int = 10, resolveAfterDays: Int = 2) {
        self.windowDays = windowDays
        self.baselineDays = baselineDays
        self.pValue = pValue
        self.minNegatives = minNegatives
        self.minShareIncrease = minShareIncrease
        self.priorNegative = priorNegative
        self.priorOther = priorOther
        self.minHistoryDays = minHistoryDays
        self.minHistoryMentions = minHistoryMentions
        self.resolveAfterDays = resolveAfterDays
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SpikePolicy()
        windowDays = try c.value(.windowDays, default: d.windowDays)
        baselineDays = try c.value(.baselineDays, default: d.baselineDays)
        pValue = try c.value(.pValue, default: d.pValue)
        minNegatives = try c.value(.minNegatives, default: d.minNegatives)
        minShareIncrease = try c.value(.minShareIncrease, default: d.minShareIncrease)
        priorNegative = try c.value(.priorNegative, default: d.priorNegative)
        priorOther = try c.value(.priorOther, default: d.priorOther)
        minHistoryDays = try c.value(.minHistoryDays, default: d.minHistoryDays)
        minHistoryMentions = try c.value(.minHistoryMentions, default: d.minHistoryMentions)
        resolveAfterDays = try c.value(.resolveAfterDays, default: d.resolveAfterDays)
    }

    /// - Throws: ``EarshotError`` `.configuration` when a constant is out of range.
    public func validate() throws {
        func fail(_ m: String) -> EarshotError { EarshotError(.configuration, "alerts.spike." + m) }
        guard windowDays >= 1 else { throw fail("windowDays must be at least 1") }
        guard baselineDays >= 1 else { throw fail("baselineDays must be at least 1") }
        guard pValue > 0, pValue < 1 else { throw fail("pValue must be between 0 and 1") }
        guard priorNegative > 0, priorOther > 0 else { throw fail("priorNegative and priorOther must be positive") }
    }
}

/// The volume-drop rule's constants.
///
/// A brand's volume drops when the mentions of the last ``SpikePolicy/windowDays`` *complete*
/// days (the days before the run's day, which a morning run has seen only in part), or of the
/// last complete day alone, are improbably few against the brand's own rate over the
/// ``SpikePolicy/baselineDays`` days before: an exact lower-tail Poisson test with p below
/// ``pValue`` and at most ``maxRatio`` of the expected volume. The spike rule's history rules
/// apply (``SpikePolicy/minHistoryDays``, ``SpikePolicy/minHistoryMentions``). The alert is
/// inhibited while a source that carried the brand's baseline mentions fails.
public struct VolumeDropPolicy: Sendable, Decodable, Equatable {
    /// Whether the rule runs at all (default true).
    public var enabled: Bool
    /// The lower-tail p-value below which the volume counts as a drop (default 0.001).
    public var pValue: Double
    /// The most of the expected volume that counts as a drop (default 0.5: half or less).
    public var maxRatio: Double

    enum CodingKeys: String, CodingKey, CaseIterable { case enabled, pValue, maxRatio }

    public init(enabled: Bool = true, pValue: Double = 0.001, maxRatio: Double = 0.5) {
        self.enabled = enabled
        self.pValue = pValue
        self.maxRatio = maxRatio
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = VolumeDropPolicy()
        enabled = try c.value(.enabled, default: d.enabled)
        pValue = try c.value(.pValue, default: d.pValue)
        maxRatio = try c.value(.maxRatio, default: d.maxRatio)
        guard pValue > 0, pValue < 1 else {
            throw DecodingError.dataCorruptedError(forKey: .pValue, in: c, debugDescription: "alerts.volumeDrop.pValue must be between 0 and 1, e.g. 0.001")
        }
        guard maxRatio > 0, maxRatio < 1 else {
            throw DecodingError.dataCorruptedError(forKey: .maxRatio, in: c, debugDescription: "alerts.volumeDrop.maxRatio must be between 0 and 1, e.g. 0.5")
        }
    }
}
