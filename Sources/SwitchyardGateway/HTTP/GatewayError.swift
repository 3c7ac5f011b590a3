/// A request the gateway rejects before the engine runs, with TensorZero's status and message.
struct GatewayError: Error, Sendable {
    var status: Int
    var message: String

    /// 400 with `message`.
    static func badRequest(_ message: String) -> GatewayError { GatewayError(status: 400, message: message) }
}
