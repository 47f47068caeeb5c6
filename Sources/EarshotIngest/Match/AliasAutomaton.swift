/// An Aho–Corasick automaton over bytes: finds every occurrence of every pattern in one pass.
///
/// Built once from all patterns (for earshot, the folded bytes of every brand's names, aliases,
/// exclusions and query terms). The goto and failure functions are compiled into one dense
/// transition table over byte classes (the bytes that occur in some pattern, plus one class for
/// all others), so each text byte costs one table lookup however many patterns there are; the
/// occurrences ending at a state are found through its own outputs and its dictionary-suffix link.
struct AliasAutomaton: Sendable {
    /// The class of each byte value; class 0 is every byte that occurs in no pattern.
    private let byteClass: [UInt16]
    private let classCount: Int
    /// `transitions[state * classCount + class]` is the next state.
    private let transitions: [Int32]
    /// The patterns that end exactly at each state: `outputIDs[outputStart[s]..<outputStart[s + 1]]`.
    private let outputStart: [Int32]
    private let outputIDs: [Int32]
    /// The nearest state on the failure chain that has outputs of its own, or -1.
    private let dictionaryLink: [Int32]
    /// The length in bytes of each pattern.
    let patternLengths: [Int]

    /// The number of states, for tests and benchmarks.
    var stateCount: Int { dictionaryLink.count }

    /// Builds the automaton for `patterns`; a pattern's id is its index. Empty patterns never match.
    init(patterns: [[UInt8]]) {
        var byteClass = [UInt16](repeating: 0, count: 256)
        var classCount = 1
        var totalBytes = 0
        for pattern in patterns {
            totalBytes += pattern.count
            for byte in pattern where byteClass[Int(byte)] == 0 {
                byteClass[Int(byte)] = UInt16(classCount)
                classCount += 1
            }
        }
        let width = classCount
        var transitions = [Int32](repeating: -1, count: (totalBytes + 1) * width)
        var own: [[Int32]] = [[]]
        var states = 1
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                let slot = state * width + Int(byteClass[Int(byte)])
                if transitions[slot] < 0 {
                    transitions[slot] = Int32(states)
                    own.append([])
                    states += 1
                }
                state = Int(transitions[slot])
            }
            own[state].append(Int32(id))
        }
        transitions.removeLast((totalBytes + 1 - states) * width)

        // Breadth-first: each state's failure target is shallower, so already complete.
        var failure = [Int32](repeating: 0, count: states)
        var dictionaryLink = [Int32](repeating: -1, count: states)
        var queue: [Int32] = []
        queue.reserveCapacity(states)
        for c in 0..<width {
            let child = transitions[c]
            if child < 0 { transitions[c] = 0 } else { queue.append(child) }
        }
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let fail = Int(failure[state])
            for c in 0..<width {
                let slot = state * width + c
                let child = transitions[slot]
                let fallback = transitions[fail * width + c]
                if child < 0 {
                    transitions[slot] = fallback
                } else {
                    let target = state == 0 ? 0 : fallback
                    failure[Int(child)] = target
                    dictionaryLink[Int(child)] = own[Int(target)].isEmpty ? dictionaryLink[Int(target)] : target
                    queue.append(child)
                }
            }
        }
        var outputStart: [Int32] = [0]
        var outputIDs: [Int32] = []
        outputStart.reserveCapacity(states + 1)
        for list in own {
            outputIDs.append(contentsOf: list)
            outputStart.append(Int32(outputIDs.count))
        }
        self.byteClass = byteClass
        self.classCount = width
        self.transitions = transitions
        self.outputStart = outputStart
        self.outputIDs = outputIDs
        self.dictionaryLink = dictionaryLink
        self.patternLengths = patterns.map(\.count)
    }

    /// Calls `found(pattern, end)` for every occurrence in `bytes`, in order of end offset
    /// (`end` is one past the last byte; the start is `end - patternLengths[pattern]`).
    func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ found: (Int, Int) -> Void) {
        byteClass.withUnsafeBufferPointer { byteClass in
        transitions.withUnsafeBufferPointer { transitions in
        outputStart.withUnsafeBufferPointer { outputStart in
        dictionaryLink.withUnsafeBufferPointer { dictionaryLink in
            let width = classCount
            var state = 0
            for i in 0..<bytes.count {
                state = Int(transitions[state * width + Int(byteClass[Int(bytes[i])])])
                var at = outputStart[state] < outputStart[state + 1] ? state : Int(dictionaryLink[state])
                while at >= 0 {
                    for k in Int(outputStart[at])..<Int(outputStart[at + 1]) { found(Int(outputIDs[k]), i + 1) }
                    at = Int(dictionaryLink[at])
                }
            }
        }}}}
    }
}
