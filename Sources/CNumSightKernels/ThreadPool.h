// A persistent pool of threads that run one task split statically into parts.
#ifndef NS_THREAD_POOL_H
#define NS_THREAD_POOL_H

/// One part of a task: `part` of `part_count`, each part always doing the same work.
typedef void (*ns_task_part)(void *context, long part, long part_count);

/// Runs `task(context, part, part_count)` for every part in 0 ..< part_count, in parallel
/// on the pool (the caller runs part 0), and returns when all are done. When the pool is
/// busy (a concurrent call, or a call from inside a part), runs the parts one after
/// another on the caller: the results are the same because the parts are.
void ns_parallel_run(long part_count, ns_task_part task, void *context);

/// The number of parts to split `flop_count` floating-point operations into: 1 below
/// `ns_parallel_threshold()`, else `ns_thread_count()`, never more than `max_parts` (at least 1).
long ns_part_count(double flop_count, long max_parts);

/// Memory-bound passes count each element as this many floating-point operations when
/// deciding whether to split over threads (`ns_part_count`): moving one element costs
/// about as long as that many operations of the matrix kernels.
#define NS_ELEMENT_WORK 256.0

/// The start of `part` when `count` items are split into `part_count` near-equal ranges
/// whose bounds are multiples of `granule` (the last range takes the remainder).
long ns_part_start(long count, long part, long part_count, long granule);

#endif
