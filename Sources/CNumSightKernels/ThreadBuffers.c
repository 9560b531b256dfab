// Per-thread scratch buffers that only grow, freed by a thread-exit destructor.
#include "ThreadBuffers.h"
#include <pthread.h>
#include <stdlib.h>

typedef struct {
    void *memory[NS_BUFFER_COUNT];
    size_t capacity[NS_BUFFER_COUNT];
} buffer_set;

static _Thread_local buffer_set buffers;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

static void free_buffers(void *set) {
    buffer_set *owned = set;
    for (int i = 0; i < NS_BUFFER_COUNT; i++) free(owned->memory[i]);
}

static void make_exit_key(void) { pthread_key_create(&exit_key, free_buffers); }

void *ns_thread_buffer(ns_buffer buffer, size_t byte_count) {
    if (byte_count <= buffers.capacity[buffer]) return buffers.memory[buffer];
    pthread_once(&exit_key_once, make_exit_key);
    pthread_setspecific(exit_key, &buffers);
    size_t capacity = (byte_count + byte_count / 4 + 63) / 64 * 64;
    free(buffers.memory[buffer]);
    buffers.memory[buffer] = aligned_alloc(64, capacity);
    buffers.capacity[buffer] = buffers.memory[buffer] ? capacity : 0;
    return buffers.memory[buffer];
}
