import Foundation

/// Caps this process's address space, so a runaway allocation in a document fails inside the
/// worker that reads it instead of exhausting the machine.
public enum AddressSpaceLimit {
    public static func apply(megabytes: Int) {
        // AddressSanitizer and ThreadSanitizer builds reserve terabytes of address space for
        // their shadow memory, so no address-space limit can apply to them.
        let sanitized = ["__asan_init", "__tsan_init"].contains { (symbol: String) in
            dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil
        }
        guard megabytes > 0, !sanitized else { return }
        let bytes = rlim_t(megabytes) << 20
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
