import Foundation

/// A server's request that earshot leave a source alone: for a while, or for good.
///
/// Fetchers attach it to the ``EarshotError`` of a failed fetch; the pipeline keeps it in the
/// store, so later runs skip the source without asking the server again.
public enum SourceHold: Sendable, Equatable, Hashable {
    /// 429 or 503 with `Retry-After`: do not fetch before this instant (already capped).
    case until(Date)
    /// 410 Gone: the source is retired until its url in the config changes.
    case gone
}
