import NIOCore
import SwitchyardEngine

/// The gateway's engine clock: monotonic uptime nanoseconds, the same scale as `NIODeadline`, so an
/// attempt's deadline converts to an HTTP client deadline without arithmetic.
public struct SystemClock: EngineClock {
    public init() {}

    /// Monotonic nanoseconds since an arbitrary origin (`NIODeadline.now().uptimeNanoseconds`).
    public var now: Nanoseconds { Nanoseconds(clamping: NIODeadline.now().uptimeNanoseconds) }

    /// Sleeps until `deadline`; returns at once when it has passed.
    public func sleep(until deadline: Nanoseconds) async throws {
        let remaining = deadline - now
        if remaining > 0 { try await Task.sleep(nanoseconds: UInt64(remaining)) }
    }

    /// `deadline` as an HTTP client deadline.
    static func nioDeadline(_ deadline: Nanoseconds) -> NIODeadline {
        .uptimeNanoseconds(UInt64(max(0, deadline)))
    }
}
