import NIOCore
import NIOPosix

/// Process-wide setup for serving.
public enum GatewayProcess {
    /// Serves on `threads` event loops (the default: one per core) and runs Swift concurrency's tasks on those
    /// same loops, which already carry the gateway's connections (both Hummingbird's and the upstream
    /// client's), so a request no longer hops between them and the default executor's threads at every
    /// `await`. Call once, from the main thread, before any task starts; returns whether the executor took
    /// effect.
    @discardableResult
    public static func runTasksOnEventLoops(threads: Int? = nil) -> Bool {
        if let threads { NIOSingletons.groupLoopCountSuggestion = max(1, threads) }
        return NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
