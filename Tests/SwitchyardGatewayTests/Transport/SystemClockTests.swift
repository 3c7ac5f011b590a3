import Testing
@testable import SwitchyardGateway

@Suite struct SystemClockTests {
    @Test func aSleepEndsAtItsDeadline() async throws {
        let clock = SystemClock()
        let deadline = clock.now + .milliseconds(30)
        try await clock.sleep(until: deadline)
        #expect(clock.now >= deadline)
    }

    @Test func aPassedDeadlineReturnsAtOnce() async throws {
        let clock = SystemClock()
        let start = clock.now
        try await clock.sleep(until: start - .milliseconds(5))
        #expect(clock.now - start < .milliseconds(50))
    }

    /// What the body-deadline race relies on: cancelling a sleep ends it at once, with an error. (That no timer
    /// is left behind until the deadline shows as flat memory in `Benchmarks/soak/run.sh`.)
    @Test func cancellingASleepThrowsAtOnce() async throws {
        let clock = SystemClock()
        let start = clock.now
        let sleeper = Task { try await clock.sleep(until: start + .milliseconds(60_000)) }
        try await Task.sleep(for: .milliseconds(20))
        sleeper.cancel()
        await #expect(throws: (any Error).self) { try await sleeper.value }
        #expect(clock.now - start < .milliseconds(10_000))
    }
}
