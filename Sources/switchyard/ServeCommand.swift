import ArgumentParser
import Dispatch
import SwitchyardGateway
import SwitchyardPlan

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a config as a TensorZero-compatible gateway.",
        discussion: """
            Compiles the config exactly as `check` does and refuses to start (exit 1, same diagnostics) when it \
            has errors or an endpoint this environment cannot resolve. With --plan it serves a plan \
            written by `switchyard compile -o` instead, after checking its credential locations against this \
            environment (the same diagnostics `check` would print). Then serves `POST /inference`, \
            `POST /openai/v1/chat/completions`, `GET /health`, `GET /status` and `GET /metrics` (Prometheus) until \
            SIGTERM or SIGINT, which stop accepting connections and let in-flight requests finish (up to \
            --grace-period seconds).

            Examples:
              switchyard serve --config config/tensorzero.toml
              switchyard serve --config config/tensorzero.toml --env-file .env --host 0.0.0.0 --port 3000
              switchyard compile --config config/tensorzero.toml -o plan.json && switchyard serve --plan plan.json
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("A compiled plan (`switchyard compile -o`) to serve instead of a config.", valueName: "plan.json"))
    var plan: String?

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 3000

    @Option(help: "Seconds a graceful shutdown waits for in-flight requests.")
    var gracePeriod: Int = 30

    @Option(help: ArgumentHelp(
        "Event-loop threads serving requests (default: one per core). With 1, every request runs on one thread end to end.",
        valueName: "count"
    ))
    var threads: Int?

    func validate() throws {
        if plan != nil, options.config != nil {
            throw ValidationError("Pass either --config or --plan, not both.")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1.")
        }
    }

    func run() throws {
        GatewayProcess.runTasksOnEventLoops(threads: threads)
        let environment = try options.environment()
        let planPath = plan
        let compilation: Compiler.Compilation? = try planPath == nil ? options.compile() : nil
        let server = GatewayServer(host: host, port: port, shutdownGracePeriod: .seconds(gracePeriod))
        let exit = ExitBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            if let planPath {
                exit.code = await GatewayLauncher.serve(planAt: planPath, environment: environment, server: server)
            } else if let compilation {
                exit.code = await GatewayLauncher.serve(compilation, environment: environment, server: server)
            }
            done.signal()
        }
        done.wait()
        if exit.code != 0 { throw ExitCode(exit.code) }
    }
}

/// The serving task's exit code, read after the semaphore (which orders the write before the read).
private final class ExitBox: @unchecked Sendable {
    var code: Int32 = 0
}
