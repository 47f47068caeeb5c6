import Foundation
import Synchronization
import Testing
@testable import EarshotAnalysis

@Suite("SideThread")
struct SideThreadTests {
    private struct Failure: Error, Equatable {
        var which: String
    }

    @Test func bothResultsAreReturned() {
        let (main, side) = SideThread.run({ (1...1_000).reduce(0, +) }, alongside: { String(repeating: "a", count: 3) })
        #expect(main == 500_500 && side == "aaa")
    }

    /// Both run to their end, whatever the other does, and the side's work is done when
    /// `run` returns.
    @Test func theSideHasEndedWhenRunReturns() throws {
        let ended = Atomic<Bool>(false)
        _ = SideThread.run({ 0 }, alongside: {
            Thread.sleep(forTimeInterval: 0.05)
            ended.store(true, ordering: .relaxed)
            return 0
        })
        let sideEnded = ended.load(ordering: .relaxed)
        #expect(sideEnded)
    }

    /// The error is the one running `main` and then `side` in turn throws: `main`'s first.
    @Test func mainsErrorComesFirst() {
        #expect(throws: Failure(which: "main")) {
            try SideThread.run({ () throws(Failure) -> Int in throw Failure(which: "main") },
                               alongside: { () throws(Failure) -> Int in throw Failure(which: "side") })
        }
        #expect(throws: Failure(which: "side")) {
            try SideThread.run({ () throws(Failure) -> Int in 1 }, alongside: { () throws(Failure) -> Int in throw Failure(which: "side") })
        }
        #expect(throws: Failure(which: "main")) {
            try SideThread.run({ () throws(Failure) -> Int in throw Failure(which: "main") }, alongside: { () throws(Failure) -> Int in 2 })
        }
    }
}
