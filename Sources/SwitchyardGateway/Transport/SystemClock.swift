import NIOCore
import NIOPosix
import SwitchyardEngine

/// The gateway's engine clock: monotonic uptime nanoseconds, the same scale as `NIODeadline`, so an
/// attempt's deadline converts to an HTTP client deadline without arithmetic.
public struct SystemClock: EngineClock {
    public init() {}

    /// Monotonic nanoseconds since an arbitrary origin (`NIODeadline.now().uptimeNanoseconds`).
    public var now: Nanoseconds { Nanoseconds(clamping: NIODeadline.now().uptimeNanoseconds) }

    /// Sleeps until `deadline`; returns at once when it has passed, and throws when the task is cancelled.
    ///
    /// The wait is a timer on an event loop that a cancellation removes. `Task.sleep` on NIO's executor would
    /// leave every cancelled sleep's wake-up scheduled until its deadline, and the gateway cancels one for each
    /// response that beats its deadline: memory grew with traffic for the length of the timeouts.
    public func sleep(until deadline: Nanoseconds) async throws {
        guard deadline > now else { return }
        let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(deadline: Self.nioDeadline(deadline)) {}
        try await withTaskCancellationHandler {
            try await timer.futureResult.get()
        } onCancel: {
            timer.cancel()
        }
    }

    /// `deadline` as an HTTP client deadline.
    static func nioDeadline(_ deadline: Nanoseconds) -> NIODeadline {
        .uptimeNanoseconds(UInt64(max(0, deadline)))
    }
}
