import SwitchyardConfig

/// An `extra_body` / `extra_headers` entry sent with a request (`/inference`'s `extra_body`, the OpenAI
/// endpoint's `tensorzero::extra_body`), with the filter that picks the attempts it applies to.
public struct RequestExtra: Sendable, Hashable {
    /// Which attempts the entry applies to (TensorZero's untagged `ExtraBody` / `ExtraHeader` forms).
    public enum Scope: Sendable, Hashable {
        /// Every attempt.
        case always
        /// Attempts of the variant with this name.
        case variant(String)
        /// Attempts on this model, and on this provider of it when one is named.
        case modelProvider(model: String, provider: String?)

        /// Whether an attempt of `variant` on `model`'s `provider` is in scope.
        public func includes(variant: String, model: String, provider: String) -> Bool {
            switch self {
            case .always: true
            case .variant(let name): name == variant
            case .modelProvider(let name, let providerName): name == model && (providerName == nil || providerName == provider)
            }
        }
    }

    public var scope: Scope
    /// The header name or JSON pointer.
    public var target: String
    /// The header's value, or the body value's JSON text; `nil` deletes the target. A `Secret`, since a
    /// request may carry a credential this way.
    public var value: Secret?

    public init(scope: Scope, target: String, value: Secret?) {
        self.scope = scope
        self.target = target
        self.value = value
    }
}
