import SwitchyardConfig
import SwitchyardPlan

/// What `PlanSource.load` found.
public enum PlanLoad: Sendable {
    /// A plan the gateway can serve, the environment it was checked against, and warnings and notes to show.
    case ready(plan: RoutingPlan, environment: Environment, notices: [String])
    /// Why the plan cannot be served: the lines to show (diagnostics as `path:line:col: ...`, startup errors)
    /// and how many errors they report.
    case refused(lines: [String], errorCount: Int)
}
