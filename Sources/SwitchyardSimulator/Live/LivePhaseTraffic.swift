import AsyncHTTPClient
import Dispatch
import NIOCore
import SwitchyardConfig
import SwitchyardGateway
import SwitchyardPlan

/// One live phase's machinery: the mock upstreams on a loopback port, the real gateway in this process pointed
/// at them, and the phase's requests sent over HTTP; everything is shut down when the traffic is done.
struct LivePhaseTraffic: Sendable {
    let plan: RoutingPlan
    let environment: [String: String]
    let schedule: LiveSchedule
    let scripts: [UpstreamKey: ResponseScript]
    let revoked: Set<Secret>
    let options: LiveOptions

    /// Runs the phase, blocking the calling thread until it is done. Call it from outside Swift concurrency's
    /// thread pool (the command line's main thread, a synchronous test).
    func run() -> Result<[LiveRequestOutcome], LiveRunError> {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.result = .success(try await runPhase())
            } catch let error as LiveRunError {
                box.result = .failure(error)
            } catch {
                box.result = .failure(LiveRunError(description: "\(error)"))
            }
            done.signal()
        }
        done.wait()
        return box.result!
    }

    private func runPhase() async throws -> [LiveRequestOutcome] {
        let table = LiveUpstreamTable(plan: plan)
        let upstreams = LiveMockUpstreams(
            table: table, scripts: scripts, revoked: revoked, environment: environment, schedule: schedule, options: options
        )
        let server = try await LiveMockServer.bind()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: LiveOptions.maxInFlight)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let traffic = LiveTraffic(schedule: schedule, options: options, timeout: .milliseconds(4 * plan.globalTimeoutMs + 60_000))
        let responses: Result<(origin: NIODeadline, [LiveResponse]), Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await server.serve(upstreams) }
            defer {
                server.close()
                group.cancelAll()
            }
            do {
                return .success(try await LiveGateway.serving(table.redirected(plan, port: server.port), environment: Environment(environment)) { port in
                    let origin = NIODeadline.now()
                    return (origin, await traffic.send(to: port, client: client, origin: origin))
                })
            } catch {
                return .failure(error)
            }
        }
        try? await client.shutdown()
        let attempts = upstreams.attempts
        let (origin, answers) = try responses.get()
        return answers.map { response in
            LiveRequestOutcome(
                request: schedule.requests[response.number], response: response, attempts: attempts[response.number],
                origin: Int64(origin.uptimeNanoseconds)
            )
        }
    }
}

/// The phase's result, handed from the task that ran it to the thread waiting on the semaphore (which orders
/// the write before the read).
private final class ResultBox: @unchecked Sendable {
    var result: Result<[LiveRequestOutcome], LiveRunError>?
}
