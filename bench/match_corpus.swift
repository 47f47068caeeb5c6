// The generated aliases and texts both brand-matching benchmarks time (bench/match_aliases.sh,
// bench/match_aliases_old.sh): a fixed-seed generator, so both see the same input, and the first
// N texts of a shorter run are the first N of a longer one.

struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state >> 33
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

/// `aliasCount` distinct aliases (acronyms, Chinese names, two-word phrases, invented words) and
/// `textCount` short texts of customer talk in which about 3% of the words are aliases and 2% near misses.
func matchCorpus(aliasCount: Int, textCount: Int) -> (aliases: [String], texts: [String]) {
    var random = Generator(state: 42)
    let syllables = ["ka", "lo", "vin", "tar", "pe", "zu", "mor", "qi", "den", "ra", "sol", "bex", "fi", "na", "gru", "tem"]
    let han = Array("品维露米欧天星云海光华美新达通宝利")
    var aliasSet = Set<String>()
    var aliases: [String] = []
    while aliases.count < aliasCount {
        var alias: String
        switch random.next() % 10 {
        case 0: alias = (0..<3).map { _ in String(random.pick(Array("ABCDEFGHKLMNPRSTVXZ"))) }.joined()  // acronym
        case 1: alias = (0..<(2 + Int(random.next() % 2))).map { _ in String(random.pick(han)) }.joined()  // Chinese
        case 2, 3: alias = (0..<2).map { _ in (0..<2).map { _ in random.pick(syllables) }.joined() }.joined(separator: " ")
        default:
            let word = (0..<(2 + Int(random.next() % 3))).map { _ in random.pick(syllables) }.joined()
            alias = word.prefix(1).uppercased() + word.dropFirst()
        }
        if aliasSet.insert(alias).inserted { aliases.append(alias) }
    }
    let words = ["the", "support", "was", "slow", "and", "my", "refund", "never", "came", "love", "app", "order", "today",
                 "great", "service", "delivery", "late", "again", "why", "is", "it", "so", "hard", "thanks", "team"]
    var texts: [String] = []
    texts.reserveCapacity(textCount)
    for _ in 0..<textCount {
        var parts: [String] = []
        for _ in 0..<(10 + Int(random.next() % 15)) {
            let roll = random.next() % 100
            if roll < 3 { parts.append(random.pick(aliases)) }
            else if roll < 5 { parts.append(random.pick(syllables) + random.pick(syllables)) }  // near misses
            else { parts.append(random.pick(words)) }
        }
        if random.next() % 10 == 0 { parts.append("客服太慢了" + String(random.pick(han)) + String(random.pick(han))) }
        texts.append(parts.joined(separator: " "))
    }
    return (aliases, texts)
}
