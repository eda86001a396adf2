#include "allocator_settings.h"

// jemalloc, the release builds' allocator, reads this string when the process starts; a
// MALLOC_CONF in the environment is read after it and wins. In debug builds, where glibc
// allocates, nothing reads it.
//
// Why: poppler builds every page's text out of hundreds of thousands of small objects (words,
// characters, their boxes) and frees them all when the page is done, and the stages do much
// the same with strings. jemalloc's per-thread cache holds 200 freed blocks of a size by
// default and trims itself after every 64 KiB allocated, so most of those frees overflowed it
// into the arena's slower path. A cache of up to 2,048 blocks a size (jemalloc's most),
// trimmed every MiB, takes 3.5 % fewer instructions over a worker's whole run on long
// documents (2.7 % on varied ones) for about 4 MiB more memory; the OCR path empties it
// (FreedMemory.swift).
const char *malloc_conf =
    "tcache_nslots_small_min:200,tcache_nslots_small_max:2048,lg_tcache_nslots_mul:4,"
    "tcache_gc_incr_bytes:1048576";
