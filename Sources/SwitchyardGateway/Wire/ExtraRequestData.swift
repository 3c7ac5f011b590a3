import SwitchyardConfig
import SwitchyardEngine
import SwitchyardPlan

/// Applies an attempt's `extra_body` and `extra_headers` to the upstream request an adapter laid out, in
/// TensorZero's order: the variant's config entries, then the provider's (so the provider's win), then the
/// request's own entries whose scope covers this variant, model and provider. A header `delete` removes a
/// header an earlier entry set; it does not remove the adapter's or the credential's headers.
enum ExtraRequestData {
    /// `body` with every `extra_body` entry applied (the same bytes when there are none).
    static func body(_ body: [UInt8], for attempt: ProviderAttempt) throws(WireError) -> [UInt8] {
        let request = attempt.payload.extraBody.filter { attempt.isInScope($0) }
        let config = attempt.variantPlan.extraBody + attempt.provider.extraBody
        guard !config.isEmpty || !request.isEmpty else { return body }
        var document: SwitchyardPlan.JSONValue
        do {
            document = try JSONParser.parse(body)
        } catch {
            throw WireError(description: "the request body could not be read back to apply `extra_body`: \(error)")
        }
        guard case .object = document else { throw WireError(description: "Body is not a map") }
        do {
            for setting in config {
                switch setting.action {
                case .delete: try JSONPointerEdit.delete(at: setting.target, in: &document)
                case .set(let value): try JSONPointerEdit.set(value, at: setting.target, in: &document)
                case .setWithheld(let secret): try JSONPointerEdit.set(try withheld(secret, target: setting.target), at: setting.target, in: &document)
                }
            }
            for extra in request {
                guard let secret = extra.value else {
                    try JSONPointerEdit.delete(at: extra.target, in: &document)
                    continue
                }
                try JSONPointerEdit.set(try withheld(secret, target: extra.target), at: extra.target, in: &document)
            }
        } catch let failure as JSONPointerEdit.Failure {
            throw WireError(description: failure.description)
        } catch let failure as WireError {
            throw failure
        } catch {
            throw WireError(description: "\(error)")
        }
        return Array(CanonicalJSONWriter.render(document).utf8)
    }

    /// The headers every `extra_headers` entry leaves set, in the order first set; they replace the adapter's
    /// and the credential's headers of the same name.
    static func headers(for attempt: ProviderAttempt) throws(WireError) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = []
        func set(_ name: String, _ value: String?) throws(WireError) {
            guard isToken(name) else { throw WireError(description: "Invalid header name `\(name)`") }
            let lowered = name.lowercased()
            let existing = headers.firstIndex { $0.name.lowercased() == lowered }
            guard let value else {
                if let existing { headers.remove(at: existing) }
                return
            }
            // The value is not printed: it may be a credential.
            guard !value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x00 }) else {
                throw WireError(description: "Invalid header value for header `\(name)`")
            }
            if let existing { headers[existing] = (name, value) } else { headers.append((name, value)) }
        }
        for setting in attempt.variantPlan.extraHeaders + attempt.provider.extraHeaders {
            switch setting.action {
            case .delete: try set(setting.target, nil)
            case .set(let value): try set(setting.target, text(value))
            case .setWithheld(let secret): try set(setting.target, text(try withheld(secret, target: setting.target)))
            }
        }
        for extra in attempt.payload.extraHeaders where attempt.isInScope(extra) {
            try set(extra.target, extra.value.map { $0.withValue { $0 } })
        }
        return headers
    }

    /// A withheld value's JSON, read from its `Secret` (`nil` when the plan was loaded from JSON without it,
    /// which `GatewayStartupCheck` refuses before serving).
    private static func withheld(_ secret: Secret?, target: String) throws(WireError) -> SwitchyardPlan.JSONValue {
        guard let secret else { throw WireError(description: "the value for `\(target)` is not in the plan (values that may be credentials are never written to plan JSON)") }
        do {
            return try secret.withValue { text throws(JSONParser.SyntaxError) in try JSONParser.parse(Array(text.utf8)) }
        } catch {
            throw WireError(description: "the value for `\(target)` is not valid JSON")
        }
    }

    /// A header value: strings as they are, anything else as its JSON text.
    private static func text(_ value: SwitchyardPlan.JSONValue) -> String {
        if case .string(let text) = value { return text }
        return String(CanonicalJSONWriter.render(value).dropLast())
    }

    /// Whether `name` is an HTTP token (RFC 9110 field name).
    private static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension ProviderAttempt {
    /// Whether a request's extra entry applies to this attempt.
    func isInScope(_ extra: RequestExtra) -> Bool {
        extra.scope.includes(variant: variant, model: model, provider: provider.name)
    }
}
