import EarshotCore
import Foundation

/// Two pieces of start-up work at once: one on a thread of its own, the other on the calling
/// thread.
///
/// Loading the lexicons and building the scorer's tables takes `earshot score` ~9 ms before it
/// reads a line, and its scoring threads start only after that, so a second core sits idle
/// meanwhile. The Chinese (and Malay) lists are read and indexed beside the English ones
/// (``LexiconLoader/load(from:)``, ``SentimentScorer/init(lexicon:)``).
enum SideThread {
    /// Runs `side` on a new thread while this thread runs `main`, and returns both results once
    /// both are done. Where only one core is allowed, or no thread can be started, `side` runs
    /// after `main` on this thread.
    ///
    /// An error is thrown only after both have ended, `main`'s first: the same error as running
    /// `main` and then `side` one after the other would throw.
    static func run<Main, Side: Sendable, Failure: Error>(_ main: () throws(Failure) -> Main,
                                                        alongside side: @escaping @Sendable () throws(Failure) -> Side) throws(Failure) -> (Main, Side) {
        let box = Box<Side, Failure>()
        guard PlacedThread.coreCount > 1, PlacedThread.start({
            box.result = Result { () throws(Failure) -> Side in try side() }
            box.done.signal()
        }) else {
            let first = try main()
            return (first, try side())
        }
        let first = Result { () throws(Failure) -> Main in try main() }
        box.done.wait()
        // The semaphore orders the side thread's write of `result` before this read.
        return (try first.get(), try box.result!.get())
    }

    /// The side thread's result, handed over through ``done``.
    private final class Box<Value: Sendable, Failure: Error>: @unchecked Sendable {
        var result: Result<Value, Failure>?
        let done = DispatchSemaphore(value: 0)
    }
}
