import EarshotStore
import Testing

/// Splitting sources among `--shard K/N` workers: stable, complete and disjoint.
struct SourceShardTests {
    @Test func theHashIsFNV1a64OfTheUTF8Bytes() {
        // Published FNV-1a 64 test vectors, and a non-ASCII id hashed by its UTF-8 bytes.
        #expect(SourceShard.hash("") == 0xcbf2_9ce4_8422_2325)
        #expect(SourceShard.hash("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(SourceShard.hash("foobar") == 0x8594_4171_f739_67e8)
        #expect(SourceShard.hash("\u{e9}") != SourceShard.hash("e\u{301}"), "bytes, not Unicode equivalence")
    }

    @Test func aKnownIdAlwaysLandsInTheSameShard() throws {
        // Fixed expectations: a change of hash would move sources between running workers.
        let shard = { (id: String, count: Int) in (1...count).first { SourceShard(index: $0, count: count)!.owns(sourceID: id) } }
        #expect(shard("a", 2) == 1, "0xaf63dc4c8601ec8c is even")
        #expect(shard("a", 3) == 2)
        #expect(shard("techpulse", 3) == 2)
        #expect(shard("techpulse", 5) == 1)
    }

    @Test(arguments: 1...7)
    func everySourceIsInExactlyOneShard(count: Int) throws {
        let ids = (0..<2_000).map { "source-\($0)" } + ["trustpilot-pinvale", "techpulse", "reddit/r/gadgets", "好评", ""]
        let shards = (1...count).map { SourceShard(index: $0, count: count)! }
        var sizes = Array(repeating: 0, count: count)
        for id in ids {
            let owners = shards.filter { $0.owns(sourceID: id) }
            #expect(owners.count == 1, "'\(id)' is in \(owners.count) shards of \(count)")
            if let owner = owners.first { sizes[owner.index - 1] += 1 }
        }
        #expect(sizes.reduce(0, +) == ids.count)
        // Not a speed claim: a split that left a worker (nearly) idle would be a broken hash.
        #expect(sizes.allSatisfy { $0 > ids.count / count / 2 }, "sizes \(sizes)")
    }

    @Test func theSplitDependsOnTheIdAloneNotOnTheOtherSources() {
        let shard = SourceShard(index: 2, count: 3)!
        let alone = shard.owns(sourceID: "techpulse")
        let ids = (0..<100).map { "s\($0)" } + ["techpulse"]
        #expect(ids.shuffled().filter(shard.owns).contains("techpulse") == alone)
    }

    @Test(arguments: [("1/1", 1, 1), ("2/3", 2, 3), ("3/3", 3, 3), ("10/12", 10, 12)])
    func kOverNIsParsed(text: String, index: Int, count: Int) throws {
        let shard = try #require(SourceShard(text))
        #expect(shard.index == index && shard.count == count && shard.description == text)
    }

    @Test(arguments: ["0/3", "4/3", "1/0", "-1/2", "3", "a/b", "1/2/3", "/2", "1/", "", " 1/2", "١/٢"])
    func aBadShardIsRejected(text: String) {
        #expect(SourceShard(text) == nil)
    }
}
