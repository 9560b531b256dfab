// Scratch memory owned by each thread, kept between calls so hot paths never allocate.
#ifndef NS_THREAD_BUFFERS_H
#define NS_THREAD_BUFFERS_H

#include <stddef.h>

/// What a scratch buffer holds; each has its own memory, so a kernel can use several at once.
typedef enum {
    NS_BUFFER_PACKED_A,
    NS_BUFFER_PACKED_B,
    NS_BUFFER_IMAGE,
    NS_BUFFER_COLUMNS,
    NS_BUFFER_PARTIAL_SUM,
    NS_BUFFER_FILTER,
    NS_BUFFER_COUNT,
} ns_buffer;

/// At least `byte_count` bytes, 64-byte aligned, owned by the calling thread (freed when it
/// exits), with unspecified contents. The same memory is returned until a larger size is asked.
/// Returns 0 when memory runs out.
void *ns_thread_buffer(ns_buffer buffer, size_t byte_count);

#endif
