// A persistent pthread pool: workers spin briefly, then sleep, between tasks; the caller
// and the workers claim the parts of a task, so a busy core never holds a task up.
#include "ThreadPool.h"
#include "CNumSightKernels.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <unistd.h>

enum {
    maximum_worker_count = 255,  // part counts must fit in 16 bits
    /// How many times an idle worker polls before sleeping (tens of microseconds).
    spin_count = 20000,
};

static _Atomic long configured_thread_count;  // 0 until set: the online core count
static _Atomic double parallel_threshold = 1e7;

static pthread_mutex_t dispatch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_signal = PTHREAD_COND_INITIALIZER;
static long worker_count;  // guarded by dispatch_lock

/// The task being run, packed in one word so a part is claimed with one compare-and-swap:
/// generation (bits 32 and up, one per task) | part count (bits 16-31) | next unclaimed part.
static _Atomic unsigned long task_state;
static _Atomic long finished_part_count;
static ns_task_part current_task;
static void *current_context;

static _Thread_local int is_running_part;

static unsigned long generation_of(unsigned long state) { return state >> 32; }
static long part_count_of(unsigned long state) { return (long)(state >> 16 & 0xFFFF); }
static long next_part_of(unsigned long state) { return (long)(state & 0xFFFF); }

long ns_thread_count(void) {
    long count = atomic_load_explicit(&configured_thread_count, memory_order_relaxed);
    if (count > 0) return count;
    count = sysconf(_SC_NPROCESSORS_ONLN);
    return count < 1 ? 1 : count;
}

void ns_set_thread_count(long count) {
    if (count < 1) count = 1;
    if (count > maximum_worker_count + 1) count = maximum_worker_count + 1;
    atomic_store_explicit(&configured_thread_count, count, memory_order_relaxed);
}

double ns_parallel_threshold(void) { return atomic_load_explicit(&parallel_threshold, memory_order_relaxed); }

void ns_set_parallel_threshold(double flop_count) {
    atomic_store_explicit(&parallel_threshold, flop_count, memory_order_relaxed);
}

long ns_part_count(double flop_count, long max_parts) {
    if (flop_count < ns_parallel_threshold() || max_parts <= 1) return 1;
    long count = ns_thread_count();
    return count < max_parts ? count : max_parts;
}

long ns_part_start(long count, long part, long part_count, long granule) {
    long granules = (count + granule - 1) / granule;
    long start = granules * part / part_count * granule;
    return start < count ? start : count;
}

static void relax(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

/// Claims and runs unclaimed parts of the task of `generation` until none are left. Any
/// thread may run any part: a part does the same work wherever it runs.
static void run_parts(unsigned long generation) {
    unsigned long state = atomic_load_explicit(&task_state, memory_order_acquire);
    while (generation_of(state) == generation && next_part_of(state) < part_count_of(state)) {
        if (atomic_compare_exchange_weak_explicit(&task_state, &state, state + 1, memory_order_acq_rel,
                                                  memory_order_acquire)) {
            current_task(current_context, next_part_of(state), part_count_of(state));
            atomic_fetch_add_explicit(&finished_part_count, 1, memory_order_release);
            state = atomic_load_explicit(&task_state, memory_order_acquire);
        }
    }
}

static void *run_worker(void *unused) {
    (void)unused;
    is_running_part = 1;
    unsigned long seen = generation_of(atomic_load_explicit(&task_state, memory_order_acquire));
    for (;;) {
        unsigned long now = generation_of(atomic_load_explicit(&task_state, memory_order_acquire));
        for (long spin = 0; now == seen && spin < spin_count; spin++) {
            relax();
            now = generation_of(atomic_load_explicit(&task_state, memory_order_acquire));
        }
        if (now == seen) {
            pthread_mutex_lock(&wake_lock);
            while ((now = generation_of(atomic_load_explicit(&task_state, memory_order_acquire))) == seen)
                pthread_cond_wait(&wake_signal, &wake_lock);
            pthread_mutex_unlock(&wake_lock);
        }
        seen = now;
        run_parts(seen);
    }
    return 0;
}

/// Starts workers until there are part_count - 1; false if that failed.
static int ensure_workers(long part_count) {
    while (worker_count < part_count - 1) {
        pthread_t thread;
        if (pthread_create(&thread, 0, run_worker, 0) != 0) return 0;
        pthread_detach(thread);
        worker_count++;
    }
    return 1;
}

static void run_one_after_another(long part_count, ns_task_part task, void *context) {
    for (long part = 0; part < part_count; part++) task(context, part, part_count);
}

void ns_parallel_run(long part_count, ns_task_part task, void *context) {
    if (part_count <= 1 || is_running_part || pthread_mutex_trylock(&dispatch_lock) != 0) {
        run_one_after_another(part_count, task, context);
        return;
    }
    if (!ensure_workers(part_count)) {
        pthread_mutex_unlock(&dispatch_lock);
        run_one_after_another(part_count, task, context);
        return;
    }
    current_task = task;
    current_context = context;
    atomic_store_explicit(&finished_part_count, 0, memory_order_relaxed);
    unsigned long generation = generation_of(atomic_load_explicit(&task_state, memory_order_relaxed)) + 1;
    pthread_mutex_lock(&wake_lock);
    atomic_store_explicit(&task_state, generation << 32 | (unsigned long)part_count << 16,
                          memory_order_release);
    pthread_cond_broadcast(&wake_signal);
    pthread_mutex_unlock(&wake_lock);

    is_running_part = 1;
    run_parts(generation);
    is_running_part = 0;
    for (long spin = 0; atomic_load_explicit(&finished_part_count, memory_order_acquire) < part_count; spin++) {
        if (spin < spin_count) relax();
        else sched_yield();
    }
    pthread_mutex_unlock(&dispatch_lock);
}
