#ifndef CBENCHMARK_PROBES_H
#define CBENCHMARK_PROBES_H

// Measurements of the machine itself, for the benchmarks' fractions of peak.

#ifdef __cplusplus
extern "C" {
#endif

/// Runs `iterations` rounds of independent fused multiply-adds on each of
/// `ns_thread_count()` threads (one thread each, started for the call), with the widest
/// vectors of the current kernel path, and returns the number of floating-point operations
/// done (time it to get the peak FLOP rate).
double ns_fma_throughput(long iterations);

#ifdef __cplusplus
}
#endif

#endif
