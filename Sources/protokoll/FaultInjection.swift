import Foundation
import Glibc

/// Test hook: makes a `protokoll worker` crash, hang or run out of memory on chosen inputs, so the
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
            // Reserved, never written: the worker's limit is on address space, so this meets it
            // within milliseconds. Filling the blocks took a second on a quiet machine and, on a
            // loaded one, could outlast the stall limit, turning the fault into a timeout.
            var hoard: [[UInt8]] = []
            while true { hoard.append([UInt8](unsafeUninitializedCapacity: 64 << 20) { $1 = $0.count }) }
        default:
            return
        }
    }
}
