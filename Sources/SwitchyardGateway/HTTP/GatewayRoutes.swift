import Foundation
import Hummingbird
import NIOCore
import SwitchyardConfig
import SwitchyardEngine

/// The gateway's HTTP routes: `/inference`, `/openai/v1/chat/completions` (both also streaming), `/health`,
/// `/status`, `/metrics`. When the gateway has access tokens, every route but `/health` and `/status` requires
/// one (`BearerAuthentication`).
enum GatewayRoutes {
    static func router(for gateway: Gateway, limits: RequestLimits) -> Router<BasicRequestContext> {
        let router = Router()
        if let tokens = gateway.accessTokens { router.add(middleware: BearerAuthentication(tokens: tokens)) }
        router.add(middleware: HeaderSizeLimit(limits: limits))
        router.post("/inference") { request, _ in
            await handle(request, gateway: gateway, limits: limits, endpoint: "/inference", parse: InferenceRequestParser.parse,
                         error: InferenceResponseBody.error, stream: { stream, result, parsed, id, served in
                let format = InferenceStreamChunks(
                    result, inferenceID: id, kind: served.functionKind(parsed.request.target), jsonMode: served.jsonMode(parsed, variant: result.variant)
                )
                return StreamingResponse(stream: stream, deadline: result.streamDeadline, counted: result.response, format: format, clock: gateway.clock)
                    .response()
            }) { result, response, parsed, id, served in
                InferenceResponseBody.success(
                    result, response: response, inferenceID: id, kind: served.functionKind(parsed.request.target),
                    payload: parsed.request.payload, jsonMode: served.jsonMode(parsed, variant: result.variant)
                )
            }
        }
        router.post("/openai/v1/chat/completions") { request, _ in
            await handle(request, gateway: gateway, limits: limits, endpoint: "/openai/v1/chat/completions", parse: OpenAIRequestParser.parse,
                         error: OpenAIResponseBody.error, stream: { stream, result, parsed, id, served in
                let format = OpenAIStreamChunks(
                    result, parsed: parsed, inferenceID: id, kind: served.functionKind(parsed.request.target),
                    jsonMode: served.jsonMode(parsed, variant: result.variant)
                )
                return StreamingResponse(stream: stream, deadline: result.streamDeadline, counted: result.response, format: format, clock: gateway.clock)
                    .response()
            }) { result, response, parsed, id, served in
                OpenAIResponseBody.success(result, response: response, inferenceID: id, target: parsed.request.target,
                                           created: Int(Date().timeIntervalSince1970), jsonMode: served.jsonMode(parsed, variant: result.variant))
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

    /// Reads, parses and serves one inference request within `limits`, on the plan current when it arrived; any
    /// failure before a response starts becomes the endpoint's error shape. A streaming request that commits to an
    /// upstream answers with `stream`. Only the body is read: no header reaches the engine, so credentials come
    /// from the body's `credentials` alone, as in TensorZero.
    private static func handle(
        _ request: Request, gateway: Gateway, limits: RequestLimits, endpoint: String, parse: ([UInt8], RequestLimits) throws -> ParsedInference,
        error: (String) -> [String: Any], stream: (UpstreamStream, InferenceResult, ParsedInference, EpisodeID, ServedPlan) -> Response,
        success: (InferenceResult, ProviderResponse, ParsedInference, EpisodeID, ServedPlan) -> [String: Any]
    ) async -> Response {
        let served = gateway.current
        var parsed: ParsedInference
        do {
            let body = try await readBody(request, limits: limits)
            try limits.checkJSONDepth(body)
            parsed = try parse(body, limits)
            try served.resolveInterface(&parsed)
        } catch let failure as GatewayError {
            return json(failure.status, error(failure.message))
        } catch let failure {
            return json(400, error("Failed to read the request body: \(failure)"))
        }
        if parsed.request.stream {
            let run = await gateway.serveStream(parsed, endpoint: endpoint, on: served)
            guard run.result.status == 200, let upstream = run.stream ?? run.result.response.map({
                UpstreamStream(complete: $0, providerType: run.result.provider ?? "")
            }) else {
                return json(run.result.status, error(run.result.error?.message ?? "Inference failed"))
            }
            return stream(upstream, run.result, parsed, EpisodeIDs.fresh(), served)
        }
        let result = await gateway.serve(parsed, endpoint: endpoint, on: served)
        guard result.status == 200, let response = result.response else {
            return json(result.status, error(result.error?.message ?? "Inference failed"))
        }
        return json(200, success(result, response, parsed, EpisodeIDs.fresh(), served))
    }

    /// The request body, refused (413) when its declared length or the bytes that arrive pass the limit.
    private static func readBody(_ request: Request, limits: RequestLimits) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }) { try limits.checkBody(length: declared) }
        do {
            return Array(buffer: try await request.body.collect(upTo: limits.maxBodyBytes))
        } catch is NIOTooManyBytesError {
            throw limits.bodyTooLarge
        }
    }

    /// An error response with `status` in the error shape of the endpoint `path` belongs to: OpenAI's under
    /// `/openai/v1`, TensorZero's elsewhere. For refusals made before a route runs (middleware).
    static func error(_ status: Int, _ message: String, path: String) -> Response {
        json(status, path.hasPrefix("/openai/v1") ? OpenAIResponseBody.error(message) : InferenceResponseBody.error(message))
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
