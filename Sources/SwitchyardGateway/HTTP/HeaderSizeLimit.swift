import Hummingbird
import HummingbirdCore

/// Refuses a request whose header names and values total more than `limits.maxHeaderBytes` with 431 and a
/// message naming the limit, in the endpoint's error shape. Far larger header lists never reach it: the HTTP
/// parser is configured (`channelConfiguration`) to refuse them while reading.
struct HeaderSizeLimit<Context: RequestContext>: RouterMiddleware {
    let limits: RequestLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let size = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }
        do {
            try limits.checkHeaders(size: size)
        } catch {
            return GatewayRoutes.error(error.status, error.message, path: request.uri.path)
        }
        return try await next(request, context)
    }
}

extension RequestLimits {
    /// The HTTP/1.1 channel configuration whose parser refuses header lists (and single header fields) over
    /// twice `maxHeaderBytes` before buffering them, so `HeaderSizeLimit` sees bounded headers.
    var httpChannelConfiguration: HTTP1Channel.Configuration {
        let parserLimit = maxHeaderBytes.multipliedReportingOverflow(by: 2)
        let bytes = parserLimit.overflow ? Int.max : parserLimit.partialValue
        return HTTP1Channel.Configuration(httpDecoderConfiguration: .init(maxHeaderFieldSize: bytes, maxHeaderListSize: bytes))
    }
}
