import Foundation
import Hummingbird
import SwitchyardConfig
import SwitchyardEngine

/// The gateway's HTTP routes: `/inference`, `/openai/v1/chat/completions` (both also streaming), `/health`,
/// `/status`, `/metrics`.
enum GatewayRoutes {
    /// The largest request body read.
    static let maxRequestBytes = 16 * 1024 * 1024

    static func router(for gateway: Gateway) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/inference") { request, _ in
            await handle(request, gateway: gateway, endpoint: "/inference", parse: InferenceRequestParser.parse,
                         error: InferenceResponseBody.error, stream: { stream, result, parsed, id in
                let format = InferenceStreamChunks(
                    result, inferenceID: id, kind: gateway.functionKind(parsed.request.target), jsonMode: gateway.jsonMode(parsed, variant: result.variant)
                )
                return StreamingResponse(stream: stream, deadline: result.streamDeadline, format: format, clock: gateway.clock).response()
            }) { result, response, parsed, id in
                InferenceResponseBody.success(
                    result, response: response, inferenceID: id, kind: gateway.functionKind(parsed.request.target),
                    payload: parsed.request.payload, jsonMode: gateway.jsonMode(parsed, variant: result.variant)
                )
            }
        }
        router.post("/openai/v1/chat/completions") { request, _ in
            await handle(request, gateway: gateway, endpoint: "/openai/v1/chat/completions", parse: OpenAIRequestParser.parse,
                         error: OpenAIResponseBody.error, stream: { stream, result, parsed, id in
                let format = OpenAIStreamChunks(
                    result, parsed: parsed, inferenceID: id, kind: gateway.functionKind(parsed.request.target),
                    jsonMode: gateway.jsonMode(parsed, variant: result.variant)
                )
                return StreamingResponse(stream: stream, deadline: result.streamDeadline, format: format, clock: gateway.clock).response()
            }) { result, response, parsed, id in
                OpenAIResponseBody.success(result, response: response, inferenceID: id, target: parsed.request.target,
                                           created: Int(Date().timeIntervalSince1970), jsonMode: gateway.jsonMode(parsed, variant: result.variant))
            }
        }
        router.get("/health") { _, _ in json(200, ["gateway": "ok"]) }
        router.get("/status") { _, _ in json(200, ["status": "ok", "version": "switchyard"]) }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: gateway.metrics.exposition()))
            )
        }
        return router
    }

    /// Reads, parses and serves one inference request; any failure before a response starts becomes the
    /// endpoint's error shape. A streaming request that commits to an upstream answers with `stream`.
    private static func handle(
        _ request: Request, gateway: Gateway, endpoint: String, parse: ([UInt8]) throws -> ParsedInference,
        error: (String) -> [String: Any], stream: (UpstreamStream, InferenceResult, ParsedInference, EpisodeID) -> Response,
        success: (InferenceResult, ProviderResponse, ParsedInference, EpisodeID) -> [String: Any]
    ) async -> Response {
        var parsed: ParsedInference
        do {
            let body = try await request.body.collect(upTo: maxRequestBytes)
            parsed = try parse(Array(buffer: body))
            try gateway.resolveInterface(&parsed)
        } catch let failure as GatewayError {
            return json(failure.status, error(failure.message))
        } catch let failure {
            return json(400, error("Failed to read the request body: \(failure)"))
        }
        if parsed.request.stream {
            let run = await gateway.serveStream(parsed, endpoint: endpoint)
            guard run.result.status == 200, let upstream = run.stream else {
                return json(run.result.status, error(run.result.error?.message ?? "Inference failed"))
            }
            return stream(upstream, run.result, parsed, EpisodeIDs.fresh())
        }
        let result = await gateway.serve(parsed, endpoint: endpoint)
        guard result.status == 200, let response = result.response else {
            return json(result.status, error(result.error?.message ?? "Inference failed"))
        }
        return json(200, success(result, response, parsed, EpisodeIDs.fresh()))
    }

    /// A JSON response with `status`.
    static func json(_ status: Int, _ body: [String: Any]) -> Response {
        let data = (try? JSONBytes.encode(body)) ?? Array("{}".utf8)
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

extension Gateway {
    /// Whether a request's function returns `content` (chat) or `output` (json); model requests are chat.
    func functionKind(_ target: InferenceRequest.Target) -> FunctionConfig.Kind {
        guard case .function(let name) = target, let function = plan.functions[name] else { return .chat }
        return function.kind
    }
}
