#ifndef CLAUDIO_CMALLOCINFO_SHIM_H
#define CLAUDIO_CMALLOCINFO_SHIM_H

#include <malloc.h>
#include <stddef.h>

/// Bytes glibc's allocator has handed out and not had back: all arenas plus mmapped blocks.
static inline size_t claudio_heap_bytes_in_use(void) {
    struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
}

#endif
