import Foundation

/// Gives memory the process has freed back to the system, between the steps of reading a
/// page by OCR.
///
/// Why: one OCR page allocates and frees tens of megabytes at a time (a scanned picture
/// decoded by poppler, the orientation model, Tesseract's images of the page), and jemalloc,
/// the release builds' allocator, keeps freed pages for ten seconds in case they are wanted
/// again. Kept, they would add to the peak of the step after, which is what a worker's
/// memory limit meets. Text pages never come here, so their speed does not change.
enum FreedMemory {
    private typealias Mallctl =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?, UnsafeMutableRawPointer?, Int
        ) -> Int32

    /// jemalloc's control function when the process allocates through jemalloc, else `nil`.
    private static let mallctl: Mallctl? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallctl")
        .map { unsafeBitCast($0, to: Mallctl.self) }

    /// glibc's allocator, in debug builds, needs nothing: it maps blocks this large on their
    /// own and unmaps them when they are freed.
    static func release() {
        // The thread's cache of freed blocks goes back to the arenas first (it holds up to
        // 2,048 blocks a size: CAllocatorSettings), so that their pages can be returned too.
        _ = mallctl?("thread.tcache.flush", nil, nil, nil, 0)
        // 4096 is MALLCTL_ARENAS_ALL: every arena returns its unused dirty pages now.
        _ = mallctl?("arena.4096.purge", nil, nil, nil, 0)
    }
}
