import Dispatch
import Logging
import UnixSignals

/// Reloads the plan a gateway serves from its `PlanSource`, on `SIGHUP`: the source is read, compiled and checked
/// exactly as at startup, off the event loops; a plan that passes is swapped in for new requests (running ones
/// finish on the old plan), one that fails is logged with its diagnostics and the current plan keeps serving.
/// Each reload logs one line saying which.
public struct GatewayReloader: Sendable {
    public let source: PlanSource
    public let gateway: Gateway

    public init(source: PlanSource, gateway: Gateway) {
        self.source = source
        self.gateway = gateway
    }

    /// Reloads once; returns whether the new plan is now served.
    @discardableResult
    public func reload() async -> Bool {
        let source = source
        let load = await withCheckedContinuation { loaded in
            DispatchQueue.global().async { loaded.resume(returning: source.load()) }
        }
        let logger = gateway.logger
        switch load {
        case .ready(let plan, let environment, let notices):
            for notice in notices { logger.warning("\(notice)") }
            gateway.replacePlan(plan, environment: environment)
            logger.info("reload ok: serving \(plan.models.count) model(s) and \(plan.functions.count) function(s) from \(source.input.description)")
            return true
        case .refused(let lines, let errorCount):
            for line in lines { logger.error("\(line)") }
            logger.error("reload rejected with \(errorCount) error(s): still serving the previous plan")
            return false
        }
    }

    /// Reloads on every `SIGHUP` until the task is cancelled. `hangups` must be trapping `SIGHUP` already, so
    /// none that arrives after startup ends the process.
    public func reloadOnHangup(_ hangups: UnixSignalsSequence) async {
        for await _ in hangups {
            await reload()
        }
    }
}
