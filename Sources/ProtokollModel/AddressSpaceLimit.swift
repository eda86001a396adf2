import Foundation

/// Caps this process's address space, so a runaway allocation in a document fails inside the
/// worker that reads it instead of exhausting the machine.
public enum AddressSpaceLimit {
    public static func apply(megabytes: Int) {
        // An AddressSanitizer build reserves terabytes of address space for its shadow memory,
        // so no address-space limit can apply to it.
        guard megabytes > 0, dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil else { return }
        let bytes = rlim_t(megabytes) << 20
        var limit = rlimit(rlim_cur: bytes, rlim_max: bytes)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }
}
