#ifndef PROTOKOLL_COLOUR_TRANSFORM_CACHE_H
#define PROTOKOLL_COLOUR_TRANSFORM_CACHE_H

/// Makes lcms2 keep the colour conversions it builds for poppler and hand back copies of them
/// (colour_transform_cache.c says why). Safe to call from any thread, any number of times; it
/// installs the cache once per process. Returns 0 when installed, -1 when lcms2 refused it.
int protokoll_colour_transform_cache_install(void);

/// How many conversions were handed back from the cache since the process started.
long protokoll_colour_transform_cache_hits(void);

#endif
