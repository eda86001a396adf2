#ifndef PROTOKOLL_SHA256_BLOCKS_H
#define PROTOKOLL_SHA256_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the x86 SHA extensions (and the SSE4.1 the rounds need).
bool protokoll_sha256_hardware_available(void);

/// Runs the SHA-256 compression function over `count` 64-byte blocks with the SHA
/// extensions, updating `state` (the eight working words, host order). Only call it when
/// `protokoll_sha256_hardware_available()` is true.
void protokoll_sha256_hardware_blocks(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif
