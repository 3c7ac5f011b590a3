import Foundation
import SwitchyardConfig
import SwitchyardPlan

/// Where `serve` reads the plan it serves, at startup and again at each reload: a config compiled exactly as
/// `check` compiles it, or a plan file (`serve --plan`) whose credential locations are checked as `check` would;
/// either way against the process environment plus the environment file, read anew each time, and then through
/// `GatewayStartupCheck`.
public struct PlanSource: Sendable {
    /// What holds the plan.
    public enum Input: Sendable {
        /// A config file or glob.
        case config(pattern: String)
        /// A plan written by `switchyard compile -o`.
        case planFile(path: String)
    }

    public var input: Input
    /// A dotenv file whose variables are added to the process environment.
    public var environmentFile: String?

    public init(_ input: Input, environmentFile: String? = nil) {
        self.input = input
        self.environmentFile = environmentFile
    }

    /// Reads, compiles and checks the plan as the gateway's startup does.
    public func load() -> PlanLoad {
        let (environment, diagnostics) = EnvironmentFile.processEnvironment(overlaidWith: environmentFile)
        guard diagnostics.isEmpty else { return .refused(lines: diagnostics.map(\.description), errorCount: diagnostics.count) }
        switch input {
        case .config(let pattern):
            let compilation = Compiler.compile(configAt: pattern, environment: environment)
            let report = CheckReport(compilation)
            guard report.isValid, let plan = compilation.plan else {
                return .refused(lines: Self.lines(report.text), errorCount: compilation.diagnostics.filter { $0.severity == .error }.count)
            }
            return Self.check(plan, notices: compilation.diagnostics, environment: environment)
        case .planFile(let path):
            let plan: RoutingPlan
            do {
                plan = try PlanFile.load(path)
            } catch {
                return .refused(lines: ["switchyard serve: \(error)"], errorCount: 1)
            }
            let findings = PlanCredentialCheck.diagnostics(plan, check: StartupCredentialCheck(environment: environment))
            guard !findings.hasErrors else {
                let report = CheckReport(Compiler.Compilation(plan: nil, diagnostics: findings, files: plan.sourceFiles))
                return .refused(lines: Self.lines(report.text), errorCount: findings.filter { $0.severity == .error }.count)
            }
            return Self.check(plan, notices: Array(Set(plan.diagnostics + findings)).sortedForDisplay(), environment: environment)
        }
    }

    /// `plan` through `GatewayStartupCheck`, with `notices`' warnings and notes and the check's warnings.
    private static func check(_ plan: RoutingPlan, notices: [Diagnostic], environment: Environment) -> PlanLoad {
        let check = GatewayStartupCheck(plan: plan, environment: environment)
        guard check.canStart else {
            let lines = check.errors.map { "error: \($0)" } + ["switchyard serve: the gateway cannot start: \(check.errors.count) error(s)"]
            return .refused(lines: lines, errorCount: check.errors.count)
        }
        let shown = notices.filter { $0.severity != .error }.map(\.description) + check.warnings.map { "warning: \($0)" }
        return .ready(plan: plan, environment: environment, notices: shown)
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }
}

extension PlanSource.Input: CustomStringConvertible {
    /// The config pattern or plan file.
    public var description: String {
        switch self {
        case .config(let pattern): pattern
        case .planFile(let path): path
        }
    }
}
