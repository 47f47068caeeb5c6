#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Threads that start on a core of their own.
///
/// Linux may queue a new thread on its creator's core, where it waits for a time slice or for
/// the load balancer to move it: on the 2-core KVM machines that earshot's benchmarks run on a
/// new thread began ~2 ms after `pthread_create`, and often shared its creator's core to the
/// end, while the other core stayed idle (BENCHMARKS.md, "Threads start late on this machine";
/// `bench/threads/thread_start.sh` measures it). A thread made here is placed at its start on
/// another core the process may use (the cores round in turn, the caller's own last), and then
/// let run on any of them again, so that the scheduler can still move it when other work needs
/// that core. Where the cores cannot be read (no Linux, one core allowed) it is an ordinary
/// thread.
public enum PlacedThread {
    /// The number of cores this process may run on: those of its affinity mask where it can be
    /// read (Linux), else the cores online. (Unlike Foundation's `activeProcessorCount`, no
    /// cgroup files are read for it.)
    public static let coreCount: Int = {
        #if os(Linux)
        if let placement = Placement.shared { return placement.cores.count }
        #endif
        return max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }()

    /// Starts `body` on a new detached thread; `index` numbers the threads a caller starts
    /// together (0, 1, ...), so that each is placed on a different core.
    /// - Returns: false when no thread could be started (`pthread_create` failed: the process's
    ///   thread limit, or no memory for a stack); `body` is then not called.
    @discardableResult
    public static func start(index: Int = 0, _ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Context(body: body))
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if os(Linux)
        if let placement = Placement.shared, var mask = placement.mask(forThread: index) {
            _ = placement.setAttributeAffinity(&attributes, MemoryLayout<cpu_set_t>.size, &mask)
        }
        #endif
        let status = pthread_create(&thread, &attributes, { raw in
            #if os(Linux)
            // Placed: free to move again, now that it runs where it was put.
            if let placement = Placement.shared, placement.cores.count > 1 {
                var all = placement.allowed
                _ = placement.setThreadAffinity(pthread_self(), MemoryLayout<cpu_set_t>.size, &all)
            }
            #endif
            let context = Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue()
            context.body()
            return nil
        }, context.toOpaque())
        if status != 0 { context.release() }
        return status == 0
    }

    private final class Context: Sendable {
        let body: @Sendable () -> Void
        init(body: @escaping @Sendable () -> Void) { self.body = body }
    }

    #if os(Linux)
    /// glibc's affinity calls (GNU extensions, which Swift's Glibc module leaves out), and the
    /// cores this process may run on when it first asked.
    private struct Placement: @unchecked Sendable {
        typealias GetAffinity = @convention(c) (pid_t, Int, UnsafeMutablePointer<cpu_set_t>) -> Int32
        typealias SetAttributeAffinity = @convention(c) (UnsafeMutablePointer<pthread_attr_t>, Int, UnsafePointer<cpu_set_t>) -> Int32
        typealias SetThreadAffinity = @convention(c) (pthread_t, Int, UnsafePointer<cpu_set_t>) -> Int32
        typealias CurrentCore = @convention(c) () -> Int32

        let setAttributeAffinity: SetAttributeAffinity
        let setThreadAffinity: SetThreadAffinity
        let currentCore: CurrentCore
        let allowed: cpu_set_t
        /// The allowed cores, in order.
        let cores: [Int]

        /// Nil where a call is missing or the allowed cores cannot be read.
        static let shared: Placement? = {
            guard let cores = PlacedThread.allowedCores(), !cores.isEmpty, let attribute = dlsym(nil, "pthread_attr_setaffinity_np"),
                  let thread = dlsym(nil, "pthread_setaffinity_np"), let current = dlsym(nil, "sched_getcpu") else { return nil }
            return Placement(setAttributeAffinity: unsafeBitCast(attribute, to: SetAttributeAffinity.self),
                             setThreadAffinity: unsafeBitCast(thread, to: SetThreadAffinity.self),
                             currentCore: unsafeBitCast(current, to: CurrentCore.self), allowed: Placement.mask(of: cores), cores: cores)
        }()

        /// A mask of the one core that thread `index` starts on (``startCore(index:caller:cores:)``),
        /// or nil when only one core is allowed or the caller's core is unknown.
        func mask(forThread index: Int) -> cpu_set_t? {
            guard cores.count > 1, let core = PlacedThread.startCore(index: index, caller: Int(currentCore()), cores: cores) else { return nil }
            return Placement.mask(of: [core])
        }

        /// The mask of `cores`.
        static func mask(of cores: [Int]) -> cpu_set_t {
            var mask = cpu_set_t()
            withUnsafeMutableBytes(of: &mask) { bytes in
                for core in cores where core / 8 < bytes.count { bytes[core / 8] |= 1 << (core % 8) }
            }
            return mask
        }
    }
    #endif

    /// The cores the calling thread may run on (its affinity mask), in order; nil where they
    /// cannot be read.
    static func allowedCores() -> [Int]? {
        #if os(Linux)
        guard let get = dlsym(nil, "sched_getaffinity") else { return nil }
        var set = cpu_set_t()
        guard unsafeBitCast(get, to: Placement.GetAffinity.self)(0, MemoryLayout<cpu_set_t>.size, &set) == 0 else { return nil }
        return withUnsafeBytes(of: set) { bytes in (0..<bytes.count * 8).filter { bytes[$0 / 8] & (1 << ($0 % 8)) != 0 } }
        #else
        return nil
        #endif
    }

    /// The core that thread `index` of a group starts on: the `cores` after the `caller`'s, in
    /// turn, the caller's own last. Nil when `caller` is not one of `cores`.
    static func startCore(index: Int, caller: Int, cores: [Int]) -> Int? {
        guard let position = cores.firstIndex(of: caller) else { return nil }
        return cores[(position + 1 + index) % cores.count]
    }
}
