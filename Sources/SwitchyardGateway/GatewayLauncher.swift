import Foundation
import Logging
import SwitchyardConfig
import SwitchyardPlan

/// `switchyard serve`'s startup: refuse an invalid config with `check`'s diagnostics, refuse what this build
/// cannot serve, then serve until SIGTERM/SIGINT.
public enum GatewayLauncher {
    /// Checks `compilation` and serves it; returns the process's exit code (0 after a clean shutdown, 1 when
    /// the gateway cannot start). Diagnostics and startup problems go to standard error.
    public static func serve(_ compilation: Compiler.Compilation, environment: Environment, server: GatewayServer) async -> Int32 {
        let report = CheckReport(compilation)
        guard report.isValid, let plan = compilation.plan else {
            standardError(report.text)
            return 1
        }
        let notices = compilation.diagnostics.filter { $0.severity != .error }
        if !notices.isEmpty { standardError(notices.map(\.description).joined(separator: "\n") + "\n") }
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
