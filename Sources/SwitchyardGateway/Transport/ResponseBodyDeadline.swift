import AsyncHTTPClient
import NIOCore
import SwitchyardEngine

/// The upstream's body did not arrive in full before the attempt's deadline.
struct ResponseBodyDeadlineExceeded: Error {}

extension HTTPClientResponse.Body {
    /// Collects the whole body (at most `maxBytes`) before `deadline`, else throws
    /// `ResponseBodyDeadlineExceeded` and stops reading, which closes the connection. AsyncHTTPClient's request
    /// deadline ends once the response head arrives, so without this an upstream that stops sending mid-body
    /// would hold the attempt, and its connection, forever.
    func collect(upTo maxBytes: Int, before deadline: Nanoseconds, clock: SystemClock) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await collect(upTo: maxBytes) }
            group.addTask {
                try await clock.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard case let body?? = try await group.next() else { throw ResponseBodyDeadlineExceeded() }
            return body
        }
    }
}
