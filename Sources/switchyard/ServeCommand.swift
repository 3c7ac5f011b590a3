import ArgumentParser
import Dispatch
import SwitchyardGateway

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a config as a TensorZero-compatible gateway.",
        discussion: """
            Compiles the config exactly as `check` does and refuses to start (exit 1, same diagnostics) when it \
            has errors or names a provider type this build's gateway cannot call yet. Then serves `POST /inference`, \
            `POST /openai/v1/chat/completions`, `GET /health` and `GET /status` until SIGTERM or SIGINT, which stop \
            accepting connections and let in-flight requests finish (up to --grace-period seconds).

            Examples:
              switchyard serve --config config/tensorzero.toml
              switchyard serve --config config/tensorzero.toml --env-file .env --host 0.0.0.0 --port 3000
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 3000

    @Option(help: "Seconds a graceful shutdown waits for in-flight requests.")
    var gracePeriod: Int = 30

    func run() throws {
        let compilation = try options.compile()
        let environment = try options.environment()
        let server = GatewayServer(host: host, port: port, shutdownGracePeriod: .seconds(gracePeriod))
        let exit = ExitBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            exit.code = await GatewayLauncher.serve(compilation, environment: environment, server: server)
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
