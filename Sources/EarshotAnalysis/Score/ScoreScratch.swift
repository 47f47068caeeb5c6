/// Buffers that ``SentimentScorer`` reuses from one text to the next, so that scoring many
/// texts allocates nothing per text once the buffers have grown: the tokens (and the spans found
/// in them) and the tokenizer's stream.
///
/// A scratch holds the state of one text at a time: give each thread its own (it is not
/// `Sendable`), and pass it to ``SentimentScorer/score(_:language:explain:aspects:contributions:scratch:)``.
public final class ScoreScratch {
    let tokens = TokenList()
    /// The tokenizer's stream of the last text whose language was detected, reset for the next.
    // One thread uses a scratch at a time (it is not `Sendable`): the dynamic exclusivity
    // checks of each text's accesses (~40 instructions each) are left out.
    @exclusivity(unchecked) var stream: Tokenizer.TokenStream?
    /// The rule log that each term's valence writes to: kept here, so that a text scored
    /// without `--explain` neither makes nor releases an array.
    @exclusivity(unchecked) var rules = RuleLog(enabled: false)
    /// For a Chinese or Malay text with a contrast word, each span's contrast pivot: its
    /// sentence's (``SentimentScorer/sentencePivots(_:into:)``), read by span index. Allocated
    /// when such a text first needs it, so that a scratch made for one text (as
    /// ``SentimentScorer/score(_:language:explain:aspects:contributions:)`` makes) allocates
    /// nothing for the others.
    @exclusivity(unchecked) private(set) var spanPivots: UnsafeMutablePointer<SentimentScorer.ContrastPivot?>?
    @exclusivity(unchecked) private var spanPivotCapacity = 0

    public init() {}

    deinit {
        spanPivots?.deallocate()
    }

    /// Room for `count` pivots in ``spanPivots`` (their values are left to the caller to write).
    func reserveSpanPivots(_ count: Int) -> UnsafeMutablePointer<SentimentScorer.ContrastPivot?> {
        if let spanPivots, count <= spanPivotCapacity { return spanPivots }
        spanPivots?.deallocate()
        spanPivotCapacity = max(count, spanPivotCapacity * 2, 16)
        let made = UnsafeMutablePointer<SentimentScorer.ContrastPivot?>.allocate(capacity: spanPivotCapacity)
        spanPivots = made
        return made
    }
}
