// Tuning of the C library's allocator for programs that allocate and free the same large
// buffers over and over, as a training loop does.
#include "CNumSightKernels.h"
#include <stdlib.h>  // defines __GLIBC__ with glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

void ns_keep_freed_memory(void) {
#if defined(__GLIBC__)
    // Serve blocks up to 256 MiB from the heap instead of fresh mappings, and keep up to
    // 1 GiB of freed memory at the top of the heap instead of handing it back.
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
