import CNumSightKernels
import NumSight
import Testing

extension KernelTests {
    /// Choosing the instruction-set path and the thread count.
    @Suite struct DispatchTests {
        @Test func selectsEveryPathTheCPURunsAndRefusesOthers() {
            defer { ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC) }
            #expect(ns_select_kernel_path(NS_KERNEL_PATH_PORTABLE) == 0)
            #expect(ns_current_kernel_path() == NS_KERNEL_PATH_PORTABLE)
            #expect(ns_select_kernel_path(ns_kernel_path(rawValue: 9)) == -1)
            #expect(ns_current_kernel_path() == NS_KERNEL_PATH_PORTABLE)
            #expect(ns_select_kernel_path(NS_KERNEL_PATH_AUTOMATIC) == 0)
            #expect(ns_current_kernel_path() != NS_KERNEL_PATH_AUTOMATIC)
        }

        /// The public path names reach the C dispatch: `portable` runs everywhere, `neon` only on arm64.
        @Test func publicPathNamesSelectTheirPaths() {
            typealias Configuration = NumSight.KernelConfiguration
            defer { Configuration.select(nil) }
            #expect(Configuration.select(.portable))
            #expect(Configuration.path == .portable)
            #if arch(arm64)
            #expect(Configuration.select(.neon))
            #expect(Configuration.path == .neon)
            #else
            #expect(!Configuration.select(.neon))
            #expect(Configuration.path == .portable)
            #endif
        }

        @Test func keepsAtLeastOneThread() {
            let saved = ns_thread_count()
            defer { ns_set_thread_count(saved) }
            ns_set_thread_count(0)
            #expect(ns_thread_count() == 1)
            ns_set_thread_count(3)
            #expect(ns_thread_count() == 3)
        }
    }
}
