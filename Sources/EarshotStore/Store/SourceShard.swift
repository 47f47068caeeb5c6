/// One worker's share of the sources when several `earshot run --shard K/N` workers share a
/// PostgreSQL store.
///
/// A source belongs to shard `K` of `N` when the FNV-1a 64-bit hash of the UTF-8 bytes of its
/// id, modulo `N`, is `K - 1`. The hash depends on the id alone (never on Swift's per-process
/// `hashValue` seed, the order of the config or the other ids), so every worker, on every host
/// and every run, splits the same ids the same way; each source falls in exactly one shard.
/// Adding or removing a source moves no other source; changing `N` reshuffles them.
public struct SourceShard: Sendable, Hashable, CustomStringConvertible {
    /// The worker's number, 1...``count``.
    public let index: Int
    /// How many workers share the sources.
    public let count: Int

    /// The shard `index` of `count` (1-based), or nil when `index` is not in 1...`count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, such as `2/3`; nil for anything else (or K outside 1...N).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// Whether the source with this id is this shard's to fetch.
    public func owns(sourceID: String) -> Bool {
        Self.hash(sourceID) % UInt64(count) == UInt64(index - 1)
    }

    /// FNV-1a, 64 bits, over the UTF-8 bytes of `id`.
    public static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
