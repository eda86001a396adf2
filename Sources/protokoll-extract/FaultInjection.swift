import Foundation
import Glibc

/// Test hook: makes this worker crash, hang or run out of memory on chosen inputs, so the
/// batch runner's isolation can be proven against the real executable.
///
/// Set `PROTOKOLL_FAULT` to comma-separated `mode:substring` pairs, e.g.
/// `crash:bad-one,hang:slow-one,oom:big-one`; a path containing the substring gets the fault.
/// Without the variable nothing happens.
enum FaultInjection {
    static func apply(to path: String) {
        guard let spec = ProcessInfo.processInfo.environment["PROTOKOLL_FAULT"] else { return }
        let fault = spec.split(separator: ",").compactMap { pair -> String? in
            let parts = pair.split(separator: ":", maxSplits: 1)
            return parts.count == 2 && !parts[1].isEmpty && path.contains(parts[1]) ? String(parts[0]) : nil
        }.first
        switch fault {
        case "crash":
            raise(SIGSEGV)
        case "hang":
            while true { sleep(60) }
        case "oom":
            var hoard: [[UInt8]] = []
            while true { hoard.append([UInt8](repeating: 1, count: 64 << 20)) }
        default:
            return
        }
    }

    /// Caps the process's address space, so a runaway allocation fails inside this worker
    /// instead of exhausting the machine.
    static func limitMemory(megabytes: Int) {
        // An AddressSanitizer build reserves terabytes of address space for its shadow memory,
        // so no address-space limit can apply to it.
        guard megabytes > 0, dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil else { return }
        let bytes = rlim_t(megabytes) << 20
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
