import Hummingbird

/// Requires `Authorization: Bearer TOKEN` with one of the gateway's tokens on every route but `/health` and
/// `/status` (TensorZero's unauthenticated routes; `/metrics` needs a token, as in TensorZero). A refusal is a
/// 401 with TensorZero's message, in the OpenAI error shape under `/openai/v1` and TensorZero's elsewhere.
/// The header is read here and nowhere else: it never reaches the engine or an upstream.
struct BearerAuthentication<Context: RequestContext>: RouterMiddleware {
    let tokens: AccessTokens

    /// Whether `path` is served without a token.
    static func isOpen(_ path: String) -> Bool { path == "/health" || path == "/status" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if Self.isOpen(request.uri.path) { return try await next(request, context) }
        if let refusal = refusal(request.headers[.authorization]) {
            let message = "TensorZero authentication error: Error performing authentication: \(refusal)"
            return GatewayRoutes.error(401, message, path: request.uri.path)
        }
        return try await next(request, context)
    }

    /// Why `header` does not authenticate the request (TensorZero's wording), or `nil` when it does.
    func refusal(_ header: String?) -> String? {
        guard let header else { return "Authorization header is required" }
        guard header.utf8.allSatisfy({ $0 == 0x09 || (0x20...0x7E).contains($0) }) else {
            return "Invalid authorization header: failed to convert header to a str"
        }
        guard header.hasPrefix("Bearer ") else { return "Authorization header must start with 'Bearer '" }
        guard tokens.accepts(header.dropFirst("Bearer ".count)) else { return "Provided API key is not one of the gateway's tokens" }
        return nil
    }
}
