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
/// it does nothing. All threads allocate from that heap (one arena).
///
/// A huge page covers an aligned 2 MB, and one already holding 4 KB pages stays in them, so the
/// tables must start on such a boundary: a block that reaches from the heap's free top to the
/// next one is allocated first and kept, its bytes never written (so never resident).
enum StartupHeap {
    /// How far the heap grows in one step, and the size below which allocations come from it.
    static let span = 16 << 20

    #if canImport(Glibc)
    /// glibc's `mallopt` and three of its parameters, from `<malloc.h>` (which Swift's Glibc
    /// module leaves out; the values are glibc's ABI).
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    private static let topPad: Int32 = -2, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
    #endif

    /// Grows the heap by ``span`` now and advises huge pages for it. Call it once, first thing.
    static func reserve() {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        // The heap keeps `span` spare whenever it grows or is trimmed; allocations up to `span`
        // (the tables' arrays, a few hundred KB each) come from it instead of a mapping each.
        guard mallopt(topPad, Int32(span)) == 1, mallopt(mmapThreshold, Int32(span)) == 1 else { return }
        // Every thread allocates from this heap: the tables that the start-up's second thread
        // builds (``SideThread``) would otherwise fill an arena of that thread's own, 4 KB a
        // fault (~350 faults, ~1 ms on this machine's KVM). The scoring threads allocate a few
        // blocks a chunk, and do not wait on each other for it.
        _ = mallopt(arenaMax, 1)
        // Where the heap's free top begins: at start no free chunk is as large as a megabyte, so
        // such a block is carved from it (and given back at once).
        let huge = 2 << 20
        let probe = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        let top = Int(bitPattern: probe)
        probe.deallocate()
        // The kept block, up to the first huge-page boundary past the probe's megabyte (its 16
        // bytes of header before it): what the tables take next begins there. The heap has grown
        // by `span` past the probe; the whole 2 MB steps up to its end are advised.
        let boundary = (top + (1 << 20) + huge - 1) & ~(huge - 1)
        _ = UnsafeMutableRawPointer.allocate(byteCount: boundary - top - 16, alignment: 16)
        let end = Int(bitPattern: sbrk(0)) & ~(huge - 1)
        // (Had the probe come from anywhere but the heap's top, the range would be empty or larger
        // than the span: nothing is advised then.)
        guard end > boundary, end - boundary <= span, let base = UnsafeMutableRawPointer(bitPattern: boundary) else { return }
        _ = madvise(base, end - boundary, MADV_HUGEPAGE)
        #endif
    }
}
