import Foundation
import Synchronization
import Testing
@testable import EarshotCore

@Suite("PlacedThread")
struct PlacedThreadTests {
    /// Threads of a group start on the cores after the caller's, in turn, the caller's own last.
    @Test func startCoresGoRoundFromTheCallers() {
        #expect((0..<4).map { PlacedThread.startCore(index: $0, caller: 1, cores: [0, 1]) } == [0, 1, 0, 1])
        #expect((0..<4).map { PlacedThread.startCore(index: $0, caller: 2, cores: [0, 2, 5, 7]) } == [5, 7, 0, 2])
        #expect(PlacedThread.startCore(index: 0, caller: 3, cores: [0, 1]) == nil)
    }

    /// Each body runs once, on a thread that may then run on every core the process may use
    /// (placed only at its start).
    @Test func bodiesRunUnpinned() throws {
        let done = DispatchSemaphore(value: 0)
        let ran = Atomic<Int>(0)
        let unpinned = Atomic<Int>(0)
        let allowed = PlacedThread.allowedCores()
        for index in 0..<3 {
            PlacedThread.start(index: index) {
                ran.add(1, ordering: .relaxed)
                if PlacedThread.allowedCores() == allowed { unpinned.add(1, ordering: .relaxed) }
                done.signal()
            }
        }
        for _ in 0..<3 { #expect(done.wait(timeout: .now() + 10) == .success) }
        let (runs, unpinnedRuns) = (ran.load(ordering: .relaxed), unpinned.load(ordering: .relaxed))
        #expect(runs == 3)
        #expect(unpinnedRuns == 3)
    }
}
