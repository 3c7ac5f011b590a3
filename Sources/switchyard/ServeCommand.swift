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
            --grace-period seconds). Each request is bounded: body size (413), header size (431), number of \
            messages and JSON nesting depth (400), each error naming its limit and option.

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

    @Option(help: ArgumentHelp("Largest request body; a larger one gets 413 naming the limit.", valueName: "bytes"))
    var maxBodyBytes: Int = RequestLimits.standard.maxBodyBytes

    @Option(help: ArgumentHelp(
        "Largest total of request header names and values; more gets 431 (over twice this, the HTTP parser refuses the request with 400).",
        valueName: "bytes"
    ))
    var maxHeaderBytes: Int = RequestLimits.standard.maxHeaderBytes

    @Option(help: ArgumentHelp("Most conversation messages in one request; more gets 400.", valueName: "count"))
    var maxMessages: Int = RequestLimits.standard.maxMessages

    @Option(name: .customLong("max-json-depth"), help: ArgumentHelp("Deepest nesting of JSON arrays and objects in a request body; deeper gets 400.", valueName: "levels"))
    var maxJSONDepth: Int = RequestLimits.standard.maxJSONDepth

    func validate() throws {
        if plan != nil, options.config != nil {
            throw ValidationError("Pass either --config or --plan, not both.")
        }
        for (name, value) in [("--max-body-bytes", maxBodyBytes), ("--max-header-bytes", maxHeaderBytes), ("--max-messages", maxMessages), ("--max-json-depth", maxJSONDepth)]
        where value < 1 {
            throw ValidationError("\(name) must be at least 1.")
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
        let limits = RequestLimits(maxBodyBytes: maxBodyBytes, maxHeaderBytes: maxHeaderBytes, maxMessages: maxMessages, maxJSONDepth: maxJSONDepth)
        let server = GatewayServer(host: host, port: port, shutdownGracePeriod: .seconds(gracePeriod), limits: limits)
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
