import Foundation
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// Runs every function's traffic through the engine once, with at most one failure injected, on the
/// simulator's clock and mock upstreams (which answer `ok` at once unless the failure says otherwise).
struct OutageRun {
    let engine: Engine
    let environment: Environment
    let workingDirectory: String
    /// The functions to send to, in stream order.
    let functions: [String]
    let requestsPerFunction: Int
    let seed: UInt64

    /// Upstreams' answer when a provider or model is down.
    static let down = ResponseScript(steps: [.init(outcome: .status(503), latency: 0, count: 1)], loops: false)

    /// Each function's tally with `failure` injected (`nil`: the healthy run).
    func run(_ failure: FailureDomain?) -> [String: FunctionTally] {
        var credentials = Dictionary(uniqueKeysWithValues: FailureDomain.dynamicKeys(in: engine.plan).map {
            ($0, StandInEnvironment.standIn(dynamicKey: $0))
        })
        var scripts: [UpstreamKey: ResponseScript] = [:]
        var revoked: Set<Secret> = []
        var revokedLocation: String?
        switch failure {
        case .credential(let location)?:
            revokedLocation = location.description
            for presented in presentedLocations(for: location) {
                if let value = value(of: presented, credentials: credentials) { revoked.insert(value) }
            }
        case .provider(let model, let provider)?:
            scripts[UpstreamKey(model: model, provider: provider)] = Self.down
        case .model(let name)?:
            for route in engine.providers where route.model == name {
                scripts[UpstreamKey(model: route.model, provider: route.plan.name)] = Self.down
            }
        case .missingDynamicCredential(let key)?:
            credentials[key] = nil
        case nil:
            break
        }
        var random = SplitMix64(seed: seed)
        let secrets = credentials.mapValues(Secret.init)
        let streams = functions.map { function in
            PhaseSimulation.Stream(
                spec: sendSpec(function), credentials: secrets,
                sharedEpisode: .version7(milliseconds: 1_767_225_600_000, random: random.next(), random2: random.next()),
                engine: engine
            )
        }
        let upstreams = MockUpstreams(scripts: scripts, providers: engine.providers, revoked: revoked, outboundTimeout: .milliseconds(engine.plan.globalTimeoutMs))
        var simulation = PhaseSimulation(engine: engine, upstreams: upstreams, streams: streams, random: random)
        var tallies = Dictionary(uniqueKeysWithValues: functions.map { ($0, FunctionTally()) })
        simulation.onResult = { result, stream, _ in tallies[functions[stream]]!.record(result, revoked: revokedLocation) }
        _ = simulation.run()
        return tallies
    }

    private func sendSpec(_ function: String) -> SendSpec {
        let here = SourceLocation(file: "analyze", line: 1, column: 1)
        return SendSpec(
            location: here, target: Located(.function(function), at: here), count: requestsPerFunction, every: .milliseconds(1),
            episode: .random, pinnedVariant: nil, credentials: [:], stream: false
        )
    }

    /// The locations whose values attempts present when `location` is revoked: itself, and for AWS key pairs
    /// (several `only` links sent together, the first one presented) the pair's first link.
    private func presentedLocations(for location: CredentialLocation) -> [CredentialLocation] {
        let pairs = engine.providers.map(\.plan.credentials.links).filter { links in
            links.count > 1 && links.allSatisfy { $0.role == .only } && links.dropFirst().contains { $0.location == location }
        }
        return [location] + pairs.map { $0[0].location }
    }

    /// The value `location` resolves to in this run, which upstreams then refuse.
    private func value(of location: CredentialLocation, credentials: [String: String]) -> Secret? {
        switch location {
        case .env(let name): return environment.secret(name)
        case .dynamic(let key): return credentials[key].map(Secret.init)
        case .path(let path): return fileContents(path)
        case .pathFromEnv(let name): return environment.value(name).flatMap(fileContents)
        case .sdk, .none: return nil
        }
    }

    private func fileContents(_ path: String) -> Secret? {
        let resolved = path.hasPrefix("/") ? path : (workingDirectory as NSString).appendingPathComponent(path)
        return FileManager.default.contents(atPath: resolved).map { Secret(String(decoding: $0, as: UTF8.self)) }
    }
}
