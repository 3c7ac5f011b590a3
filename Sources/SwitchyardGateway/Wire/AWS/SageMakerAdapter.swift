import SwitchyardEngine

/// AWS SageMaker's InvokeEndpoint as TensorZero's `aws_sagemaker` provider calls it:
/// `POST {base}/endpoints/{endpoint name, URI-encoded}/invocations` (service `sagemaker`, SigV4), with the
/// body and response of the hosted model's own API. Both `hosted_provider` values (`openai`, `tgi`) speak
/// the OpenAI chat completions format.
struct SageMakerAdapter: WireAdapter {
    func request(for attempt: ProviderAttempt, endpoint: String) throws -> WireRequest {
        guard let endpointName = attempt.provider.settings["endpoint_name"] else {
            throw WireError(description: "AWS SageMaker provider has no endpoint_name")
        }
        var wire = try OpenAICompatibleAdapter().request(for: attempt, endpoint: endpoint)
        wire.url = "\(endpoint.trimmingSuffix("/"))/endpoints/\(SigV4Signer.uriEncode(endpointName))/invocations"
        wire.headers = AWSWire.jsonHeaders
        return wire
    }

    func parse(_ bytes: [UInt8], providerType: String) -> AttemptOutcome {
        OpenAICompatibleAdapter().parse(bytes, providerType: providerType)
    }
}
