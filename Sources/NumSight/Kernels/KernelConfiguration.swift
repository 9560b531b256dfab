import CNumSightKernels

/// How the CPU kernels run: the instruction-set path (chosen from the CPU at
/// start-up, or forced by the environment variable `NUMSIGHT_KERNEL_PATH` =
/// `portable`, `avx2`, `avx512` or `neon`) and the number of threads.
public enum KernelConfiguration {
    /// An instruction-set path of the kernels.
    public enum Path: String, CaseIterable, Sendable {
        /// `portable`: plain C that runs on any CPU; `avx2`: AVX2 and FMA (Haswell and
        /// later); `avx512`: AVX-512F and VL with FMA; `neon`: arm64's Advanced SIMD. The raw
        /// values are the spellings of `NUMSIGHT_KERNEL_PATH`.
        case portable, avx2, avx512, neon
    }

    /// The path in use.
    public static var path: Path {
        switch ns_current_kernel_path() {
        case NS_KERNEL_PATH_AVX512: .avx512
        case NS_KERNEL_PATH_AVX2: .avx2
        case NS_KERNEL_PATH_NEON: .neon
        default: .portable
        }
    }

    /// Forces `path` (or, with `nil`, chooses again from the CPU). Returns false,
    /// changing nothing, when this CPU cannot run it.
    @discardableResult
    public static func select(_ path: Path?) -> Bool {
        let code: ns_kernel_path = switch path {
        case nil: NS_KERNEL_PATH_AUTOMATIC
        case .portable?: NS_KERNEL_PATH_PORTABLE
        case .avx2?: NS_KERNEL_PATH_AVX2
        case .avx512?: NS_KERNEL_PATH_AVX512
        case .neon?: NS_KERNEL_PATH_NEON
        }
        return ns_select_kernel_path(code) == 0
    }

    /// Makes the C library's allocator keep freed memory for the next allocation
    /// instead of returning it to the system. Training allocates and frees the same
    /// multi-megabyte buffers at every step; by default glibc maps each one afresh and
    /// the first touch of every page costs a page fault (a third of a training step of
    /// the MNIST CNN). Afterwards blocks up to 256 MiB come from the heap, up to
    /// 1 GiB of freed memory stays with the process, and threads share one allocation
    /// arena per core (so a server with a thread per connection does not grow an arena
    /// per thread). Call it once at start-up, in programs that train or serve; it does
    /// nothing where the C library is not glibc.
    ///
    /// ```swift
    /// KernelConfiguration.keepFreedMemory()
    /// ```
    public static func keepFreedMemory() {
        ns_keep_freed_memory()
    }

    /// The number of threads kernels may use; the machine's core count by default.
    public static var threadCount: Int {
        get { ns_thread_count() }
        set { ns_set_thread_count(newValue) }
    }
}
