import AsyncHTTPClient
import Atomics
import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// One plan as the gateway serves it: the engine built over it and the transport holding the environment it
/// was checked against. A reload builds a new one and swaps it in; requests that started on the old one
/// finish on it.
final class ServedPlan: AtomicReference, Sendable {
    let engine: Engine
    let transport: HTTPTransport

    init(plan: RoutingPlan, environment: Environment, client: HTTPClient) {
        engine = Engine(plan: plan, environment: environment)
        transport = HTTPTransport(client: client, environment: environment, outboundTimeoutMs: plan.globalTimeoutMs)
    }

    var plan: RoutingPlan { engine.plan }

    /// Whether a request's function returns `content` (chat) or `output` (json); model requests are chat.
    func functionKind(_ target: InferenceRequest.Target) -> FunctionConfig.Kind {
        guard case .function(let name) = target, let function = plan.functions[name] else { return .chat }
        return function.kind
    }
}
