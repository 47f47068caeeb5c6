#if canImport(Glibc)
import Glibc
#endif

/// Start-up tuning of glibc's allocator for a short command that builds its tables at once.
///
/// `earshot score` builds about 8 MB of lexicon tables before it reads a line, a few bytes at a
/// time, and left to its defaults glibc grows the heap 128 KB at a time and the kernel maps it
/// a 4 KB page per fault: some 2,000 faults, about as much system time as the tables take to
/// build. ``reserve()`` has the heap grow in one 16 MB step and asks for that span in
/// transparent huge pages (2 MB a fault), as `GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.top_pad=16777216`
/// would from outside. Where the kernel gives no huge pages (`transparent_hugepage` set to
/// `never`) the advice is ignored and only the one growth step remains. Elsewhere than glibc
/// it does nothing.
enum StartupHeap {
    /// How far the heap grows in one step, and the size below which allocations come from it.
    static let span = 16 << 20

    #if canImport(Glibc)
    /// glibc's `mallopt` and two of its parameters, from `<malloc.h>` (which Swift's Glibc
    /// module leaves out; the values are glibc's ABI).
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let topPad: Int32 = -2, mmapThreshold: Int32 = -3
    #endif

    /// Grows the heap by ``span`` now and advises huge pages for it. Call it once, first thing.
    static func reserve() {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // The heap keeps `span` spare whenever it grows or is trimmed; allocations up to `span`
        // (the tables' arrays, a few hundred KB each) come from it instead of a mapping each.
        guard mallopt(topPad, Int32(span)) == 1, mallopt(mmapThreshold, Int32(span)) == 1 else { return }
        let before = UInt(bitPattern: sbrk(0))
        // An allocation larger than the spare room the heap had grows it by itself plus `span`;
        // freeing it trims the top back to `span`, which stays mapped.
        UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16).deallocate()
        let after = UInt(bitPattern: sbrk(0))
        let huge = UInt(2 << 20)
        let start = (before + huge - 1) & ~(huge - 1), end = after & ~(huge - 1)
        guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, Int(end - start), MADV_HUGEPAGE)
        #endif
    }
}
