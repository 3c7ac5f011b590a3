import Foundation
import Logging
import SwitchyardConfig
import SwitchyardPlan
import UnixSignals

/// `switchyard serve`'s startup: refuse an invalid config (or a compiled plan whose credentials this
/// environment cannot resolve) with `check`'s diagnostics, refuse what this build cannot serve, warn when the
/// gateway is reachable beyond this machine without tokens, then serve until SIGTERM/SIGINT, reloading the
/// plan from the same source on each SIGHUP.
public enum GatewayLauncher {
    /// Loads `source` and serves it, requiring one of `accessTokens` when given; returns the process's exit
    /// code (0 after a clean shutdown, 1 when the gateway cannot start). Diagnostics and startup problems go to
    /// standard error.
    public static func serve(_ source: PlanSource, server: GatewayServer, accessTokens: AccessTokens? = nil) async -> Int32 {
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        let plan: RoutingPlan, environment: Environment
        switch source.load() {
        case .refused(let lines, _):
            standardError(lines)
            return 1
        case .ready(let loaded, let loadedEnvironment, let notices):
            (plan, environment) = (loaded, loadedEnvironment)
            standardError(notices)
        }
        if let warning = ExposureWarning.text(host: server.host, authenticated: accessTokens != nil) {
            standardError(["warning: \(warning)"])
        }
        var logger = Logger(label: "switchyard.gateway")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let gateway = Gateway(plan: plan, environment: environment, logger: logger, accessTokens: accessTokens)
        let reloader = GatewayReloader(source: source, gateway: gateway)
        let reloading = Task { await reloader.reloadOnHangup(hangups) }
        defer { reloading.cancel() }
        do {
            try await server.run(gateway)
            return 0
        } catch {
            standardError(["switchyard serve: \(error)"])
            return 1
        }
    }

    private static func standardError(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
