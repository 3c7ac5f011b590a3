/// How a JSON function asks for JSON: `json_mode` and the output schema in force.
public struct JSONOutputSettings: Sendable, Hashable {
    /// `params.chat_completion.json_mode` (`off`, `on`, `strict` or `tool`); `nil` leaves the variant's.
    public var mode: String?
    /// The output schema (compact JSON text): the function's, or the request's `output_schema`.
    public var schema: String

    public init(mode: String?, schema: String) {
        self.mode = mode
        self.schema = schema
    }
}
