/// How `simulate --live` runs scenarios against the real gateway.
public struct LiveOptions: Sendable {
    /// Multiplies the scripts' latencies and the `every` intervals between requests (0.01: a 120 ms answer takes
    /// 1.2 ms). The gateway's own timeouts and retry backoff are not scaled.
    public var timeScale: Double

    /// Requests in flight at once at most; later ones wait for a free slot.
    static let maxInFlight = 128

    public init(timeScale: Double = 1) {
        self.timeScale = timeScale
    }

    /// `nanoseconds` of scenario time in real nanoseconds.
    func scaled(_ nanoseconds: Int64) -> Int64 {
        Int64((Double(nanoseconds) * timeScale).rounded())
    }
}
