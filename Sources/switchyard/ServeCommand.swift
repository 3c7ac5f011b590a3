import ArgumentParser
import Dispatch
import Foundation
import SwitchyardConfig
import SwitchyardGateway

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
            SIGTERM or SIGINT, which stop accepting connections and let in-flight requests, streams included, \
            finish (up to --grace-period seconds) before exiting 0.

            SIGHUP reloads: the same --config (or --plan) and --env-file are read again and checked exactly as at \
            startup. A plan that passes serves every request that arrives after it (running requests finish on \
            the old one); one that fails is logged with its diagnostics and the old plan keeps serving. One log \
            line per reload says `reload ok` or `reload rejected with N error(s)`.

            Authentication is off by default, as in TensorZero. --auth-tokens-env VAR (tokens separated by commas \
            or newlines, read from the environment including --env-file) and --auth-tokens-file F (one token per \
            line, `#` comments; give both to accept the tokens of each) make every route but /health and \
            /status (so /metrics too, as in TensorZero) require `Authorization: Bearer TOKEN`; anything else \
            gets 401 with TensorZero's message. Tokens are \
            compared by SHA-256 digest, in constant time, and never logged; they are read at startup only. \
            Provider credentials come only from a request body's `credentials`, never from headers. Serving on \
            an address other than loopback without tokens prints a warning.

            Each request is bounded: body size (413), header size (431), number of messages and JSON nesting \
            depth (400), each error naming its limit and option.

            Examples:
              switchyard serve --config config/tensorzero.toml
              switchyard serve --config config/tensorzero.toml --env-file .env --host 0.0.0.0 --port 3000
              switchyard serve --host 0.0.0.0 --auth-tokens-file /run/secrets/gateway-tokens
              switchyard compile --config config/tensorzero.toml -o plan.json && switchyard serve --plan plan.json
              kill -HUP "$(pidof switchyard)"   # reload after editing the config
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
        "An environment variable holding the bearer tokens clients must send (separated by commas or newlines).",
        valueName: "variable"
    ))
    var authTokensEnv: String?

    @Option(help: ArgumentHelp("A file of bearer tokens clients must send (one per line, `#` comments).", valueName: "file"))
    var authTokensFile: String?

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
        if gracePeriod < 0 {
            throw ValidationError("--grace-period must not be negative.")
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
        let environment = try options.environment()
        let input: PlanSource.Input = if let plan { .planFile(path: plan) } else { .config(pattern: try options.configPattern()) }
        let source = PlanSource(input, environmentFile: options.envFile)
        let accessTokens: AccessTokens?
        do {
            accessTokens = try self.accessTokens(environment)
        } catch {
            FileHandle.standardError.write(Data("switchyard serve: \(error)\n".utf8))
            throw invalidConfig
        }
        GatewayProcess.runTasksOnEventLoops(threads: threads)
        let limits = RequestLimits(maxBodyBytes: maxBodyBytes, maxHeaderBytes: maxHeaderBytes, maxMessages: maxMessages, maxJSONDepth: maxJSONDepth)
        let server = GatewayServer(host: host, port: port, shutdownGracePeriod: .seconds(gracePeriod), limits: limits)
        let exit = ExitBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            exit.code = await GatewayLauncher.serve(source, server: server, accessTokens: accessTokens)
            done.signal()
        }
        done.wait()
        if exit.code != 0 { throw ExitCode(exit.code) }
    }

    /// The tokens of --auth-tokens-env and --auth-tokens-file together, or `nil` when neither is given.
    private func accessTokens(_ environment: Environment) throws(AccessTokenSource.LoadError) -> AccessTokens? {
        var secrets: [Secret] = []
        if let authTokensEnv { secrets += try AccessTokenSource.tokens(inVariable: authTokensEnv, of: environment) }
        if let authTokensFile { secrets += try AccessTokenSource.tokens(inFile: authTokensFile) }
        return secrets.isEmpty ? nil : AccessTokens(secrets)
    }
}

/// The serving task's exit code, read after the semaphore (which orders the write before the read).
private final class ExitBox: @unchecked Sendable {
    var code: Int32 = 0
}
