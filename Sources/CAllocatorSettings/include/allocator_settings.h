#ifndef PROTOKOLL_ALLOCATOR_SETTINGS_H
#define PROTOKOLL_ALLOCATOR_SETTINGS_H

/// jemalloc's options as compiled into protokoll's executables (see allocator_settings.c).
extern const char *malloc_conf;

#endif
