import Foundation
import Logging
import SwitchyardConfig
import SwitchyardPlan

/// `switchyard serve`'s startup: refuse an invalid config (or a compiled plan whose credentials this
/// environment cannot resolve) with `check`'s diagnostics, refuse what this build cannot serve, then serve
/// until SIGTERM/SIGINT.
public enum GatewayLauncher {
    /// Checks `compilation` and serves it; returns the process's exit code (0 after a clean shutdown, 1 when
    /// the gateway cannot start). Diagnostics and startup problems go to standard error.
    public static func serve(_ compilation: Compiler.Compilation, environment: Environment, server: GatewayServer) async -> Int32 {
        let report = CheckReport(compilation)
        guard report.isValid, let plan = compilation.plan else {
            standardError(report.text)
            return 1
        }
        return await start(plan, notices: compilation.diagnostics, environment: environment, server: server)
    }

    /// Serves the compiled plan at `path` (`serve --plan`), after checking its credential locations against
    /// `environment` exactly as `check` would; returns the process's exit code.
    public static func serve(planAt path: String, environment: Environment, server: GatewayServer) async -> Int32 {
        let plan: RoutingPlan
        do {
            plan = try PlanFile.load(path)
        } catch {
            standardError("switchyard serve: \(error)\n")
            return 1
        }
        let findings = PlanCredentialCheck.diagnostics(plan, check: StartupCredentialCheck(environment: environment))
        guard !findings.hasErrors else {
            standardError(CheckReport(Compiler.Compilation(plan: nil, diagnostics: findings, files: plan.sourceFiles)).text)
            return 1
        }
        let notices = Array(Set(plan.diagnostics + findings)).sortedForDisplay()
        return await start(plan, notices: notices, environment: environment, server: server)
    }

    /// Prints `notices` (warnings and notes), refuses what this build cannot serve, then serves `plan`.
    private static func start(_ plan: RoutingPlan, notices: [Diagnostic], environment: Environment, server: GatewayServer) async -> Int32 {
        let shown = notices.filter { $0.severity != .error }
        if !shown.isEmpty { standardError(shown.map(\.description).joined(separator: "\n") + "\n") }
        let check = GatewayStartupCheck(plan: plan, environment: environment)
        for warning in check.warnings { standardError("warning: \(warning)\n") }
        guard check.canStart else {
            for error in check.errors { standardError("error: \(error)\n") }
            standardError("switchyard serve: the gateway cannot start: \(check.errors.count) error(s)\n")
            return 1
        }
        var logger = Logger(label: "switchyard.gateway")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let gateway = Gateway(plan: plan, environment: environment, logger: logger)
        do {
            try await server.run(gateway)
            return 0
        } catch {
            standardError("switchyard serve: \(error)\n")
            return 1
        }
    }

    private static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
