// A persistent pthread pool: workers spin briefly, then sleep, between tasks.
#include "ThreadPool.h"
#include "CNumSightKernels.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <unistd.h>

enum {
    maximum_worker_count = 255,
    /// How many times an idle worker polls before sleeping (tens of microseconds).
    spin_count = 20000,
};

static _Atomic long configured_thread_count;  // 0 until set: the online core count
static _Atomic double parallel_threshold = 1e7;

static pthread_mutex_t dispatch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake_signal = PTHREAD_COND_INITIALIZER;
static _Atomic long generation;         // incremented once per dispatched task
static _Atomic long busy_worker_count;  // workers still inside the current task
static long worker_count;               // guarded by dispatch_lock
static long first_generation[maximum_worker_count + 1];

static ns_task_part current_task;
static void *current_context;
static long current_part_count;

static _Thread_local int is_running_part;

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

static void *run_worker(void *argument) {
    long part = (long)argument;
    long seen = first_generation[part];
    is_running_part = 1;
    for (;;) {
        long now = atomic_load_explicit(&generation, memory_order_acquire);
        for (long spin = 0; now == seen && spin < spin_count; spin++) {
            relax();
            now = atomic_load_explicit(&generation, memory_order_acquire);
        }
        if (now == seen) {
            pthread_mutex_lock(&wake_lock);
            while ((now = atomic_load_explicit(&generation, memory_order_acquire)) == seen)
                pthread_cond_wait(&wake_signal, &wake_lock);
            pthread_mutex_unlock(&wake_lock);
        }
        seen = now;
        if (part < current_part_count) current_task(current_context, part, current_part_count);
        atomic_fetch_sub_explicit(&busy_worker_count, 1, memory_order_release);
    }
    return 0;
}

/// Starts workers until parts 1 ..< part_count each have one; false if that failed.
static int ensure_workers(long part_count) {
    while (worker_count < part_count - 1) {
        long part = worker_count + 1;
        first_generation[part] = atomic_load_explicit(&generation, memory_order_relaxed);
        pthread_t thread;
        if (pthread_create(&thread, 0, run_worker, (void *)part) != 0) return 0;
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
    current_part_count = part_count;
    atomic_store_explicit(&busy_worker_count, worker_count, memory_order_relaxed);
    pthread_mutex_lock(&wake_lock);
    atomic_fetch_add_explicit(&generation, 1, memory_order_release);
    pthread_cond_broadcast(&wake_signal);
    pthread_mutex_unlock(&wake_lock);

    is_running_part = 1;
    task(context, 0, part_count);
    is_running_part = 0;
    for (long spin = 0; atomic_load_explicit(&busy_worker_count, memory_order_acquire) > 0; spin++) {
        if (spin < spin_count) relax();
        else sched_yield();
    }
    pthread_mutex_unlock(&dispatch_lock);
}
