import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan
import SwitchyardReports

/// One phase: check startup, send its traffic, evaluate its expectations.
struct PhaseRun {
    let scenario: Scenario
    let phase: Phase
    let gateway: GatewayStart
    let seed: UInt64
    let options: ScenarioRunner.Options
    /// Resolves the scenario's upstream names against the config.
    let upstreams: UpstreamNames

    init(scenario: Scenario, phase: Phase, gateway: GatewayStart, upstreams: UpstreamNames, seed: UInt64, options: ScenarioRunner.Options) {
        self.upstreams = upstreams
        self.scenario = scenario
        self.phase = phase
        self.gateway = gateway
        self.seed = seed
        self.options = options
    }

    func run() -> PhaseReport {
        let began = Date()
        var statistics = PhaseStatistics()
        var error: String?
        let requests = phase.sends.reduce(0) { $0 + $1.count }
        let expectsFailedStart = phase.expectations.startup?.value == .error || phase.expectations.startupError != nil
        if let engine = gateway.engine, requests > 0 {
            statistics = simulate(engine)
        } else if requests > 0, !expectsFailedStart {
            error = "the gateway failed to start, so no request was sent:\n" + gateway.errors.joined(separator: "\n")
        }
        let checks = ExpectationEvaluator(statistics: statistics, startupErrors: gateway.errors).checks(phase.expectations)
        var summary = gateway.engine == nil ? ["gateway failed to start: \(gateway.errors.count) error(s)"] + gateway.errors : []
        if statistics.requests > 0 || gateway.engine != nil { summary += PhaseSummary.lines(statistics) }
        var report = PhaseReport(
            name: phase.name, wallSeconds: Date().timeIntervalSince(began), requests: statistics.requests,
            summary: summary, checks: checks, error: error
        )
        if statistics.requests > 0 { report.traffic = statistics.traffic }
        return report
    }

    private func simulate(_ engine: Engine) -> PhaseStatistics {
        var simulation = simulation(engine)
        let total = simulation.streams.reduce(0) { $0 + $1.spec.count }
        if options.trace != nil || options.coverage != nil {
            let (trace, coverage, phaseName, plan) = (options.trace, options.coverage, phase.name, engine.plan)
            let functions = phase.sends.map { send -> String? in
                if case .function(let name) = send.target.value { return name }
                return nil
            }
            simulation.onResult = { result, stream, index in
                trace?.record(result, phase: phaseName, send: stream, index: index)
                coverage?.record(result, function: functions[stream], plan: plan)
            }
        }
        if let progress = options.progress {
            let phaseName = phase.name
            simulation.onProgress = { progress(phaseName, $0, total) }
        }
        let statistics = simulation.run()
        options.trace?.flushPhase()
        return statistics
    }

    /// The phase's traffic on the simulated clock against its mock upstreams, ready to run.
    func simulation(_ engine: Engine) -> PhaseSimulation {
        var random = SplitMix64(seed: seed)
        let streams = phase.sends.map { spec in
            PhaseSimulation.Stream(
                spec: spec, credentials: spec.credentials.mapValues(Secret.init),
                sharedEpisode: .version7(milliseconds: 1_767_225_600_000, random: random.next(), random2: random.next()),
                engine: engine
            )
        }
        let mocks = MockUpstreams(scripts: scripts(), providers: engine.providers, revoked: revokedSecrets(), outboundTimeout: .milliseconds(engine.plan.globalTimeoutMs))
        return PhaseSimulation(engine: engine, upstreams: mocks, streams: streams, random: random)
    }

    /// How each upstream answers in this phase: the scenario's scripts, overridden by the phase's.
    func scripts() -> [UpstreamKey: ResponseScript] {
        var scripts: [UpstreamKey: ResponseScript] = [:]
        for (name, script) in scenario.upstreams.merging(phase.upstreams, uniquingKeysWith: { _, phaseScript in phaseScript }) {
            if let key = upstreams.resolve(name) { scripts[key] = script.value }
        }
        return scripts
    }

    /// The values upstreams reject: what each revoked location resolves to in this phase (a variable's value,
    /// a request's key, a key file's contents, or for `sdk` GCP's Application Default Credentials file and the
    /// access key id the AWS chain finds).
    func revokedSecrets() -> Set<Secret> {
        var secrets: Set<Secret> = []
        let environment = scenario.environment.merging(phase.environment) { _, new in new }
        func file(_ path: String) -> Secret? {
            let resolved = path.hasPrefix("/") ? path : (gateway.workingDirectory as NSString).appendingPathComponent(path)
            return FileManager.default.contents(atPath: resolved).map { Secret(String(decoding: $0, as: UTF8.self)) }
        }
        for location in phase.revoke {
            switch CredentialLocation(parsing: location.value) {
            case .env(let name)?:
                if let value = environment[name] { secrets.insert(Secret(value)) }
            case .dynamic(let key)?:
                for send in phase.sends { if let value = send.credentials[key] { secrets.insert(Secret(value)) } }
            case .path(let path)?:
                if let value = file(path) { secrets.insert(value) }
            case .pathFromEnv(let name)?:
                if let value = environment[name].flatMap(file) { secrets.insert(value) }
            case .sdk?:
                if let adc = environment["GOOGLE_APPLICATION_CREDENTIALS"].flatMap(file) { secrets.insert(adc) }
                if case .success(let keys) = AWSCredentialChain.resolve(Environment(environment), workingDirectory: gateway.workingDirectory) {
                    secrets.insert(keys.accessKeyID)
                }
            case CredentialLocation.none?, nil:
                continue
            }
        }
        return secrets
    }
}
