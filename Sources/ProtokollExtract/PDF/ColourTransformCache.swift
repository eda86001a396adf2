internal import CColourTransformCache

/// lcms2's colour conversions, kept for the life of the process. poppler would build them anew
/// for every page it draws, which made a PDF/A page cost about 120 ms of pow() instead of
/// a few milliseconds (`colour_transform_cache.c` says how). ``PopplerDocument`` installs it
/// before it opens a PDF.
enum ColourTransformCache {
    /// Installs the cache; after the first call this only checks a flag.
    static func install() {
        _ = protokoll_colour_transform_cache_install()
    }

    /// Conversions handed back from the cache since the process started.
    static var hits: Int { protokoll_colour_transform_cache_hits() }
}
