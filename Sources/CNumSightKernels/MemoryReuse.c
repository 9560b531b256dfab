// Tuning of the C library's allocator for programs that allocate and free the same large
// buffers over and over, as a training loop or a prediction server does.
#include "CNumSightKernels.h"
#include <stdlib.h>  // defines __GLIBC__ with glibc
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ns_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Serve blocks up to 256 MiB from the heap instead of fresh mappings, and keep up to
    // 1 GiB of freed memory at the top of the heap instead of handing it back.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    // Threads that allocate at once get arenas of their own (up to eight per core), each
    // keeping what it freed; one arena per core keeps a thread-per-connection server flat.
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    mallopt(M_ARENA_MAX, cores > 0 ? (int)cores : 1);
#endif
}
