/// An upstream's `respond` script: steps `OUTCOME[@DURATION][xCOUNT]`; the last step repeats forever, or the
/// whole script repeats when it ends with `loop`.
public struct ResponseScript: Sendable, Hashable {
    /// What one attempt gets.
    public enum Outcome: Sendable, Hashable {
        case ok
        /// An HTTP error status, 400–599.
        case status(Int)
        /// The upstream never answers.
        case timeout
        /// The connection is dropped.
        case reset
        /// 200 with an unparseable body.
        case garbage
    }

    public struct Step: Sendable, Hashable {
        public var outcome: Outcome
        /// How long the upstream takes, in nanoseconds.
        public var latency: Int64
        public var count: Int

        public init(outcome: Outcome, latency: Int64, count: Int) {
            self.outcome = outcome
            self.latency = latency
            self.count = count
        }
    }

    public var steps: [Step]
    public var loops: Bool
    /// The text `ok` answers say (the upstream's `reply`); `nil` for the default answer.
    public var reply: String?

    public init(steps: [Step], loops: Bool, reply: String? = nil) {
        self.steps = steps
        self.loops = loops
        self.reply = reply
    }

    /// The default for an upstream no script names: answers `ok` at once.
    public static let alwaysOK = ResponseScript(steps: [Step(outcome: .ok, latency: 0, count: 1)], loops: false)

    /// The step for the attempt at `position` (0-based count of attempts this upstream received in the phase).
    public func step(at position: Int) -> Step {
        let total = steps.reduce(0) { $0 + $1.count }
        var index = position
        if loops, total > 0 { index %= total }
        for step in steps {
            if index < step.count { return step }
            index -= step.count
        }
        return steps[steps.count - 1]
    }
}
