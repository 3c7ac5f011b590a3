import Testing

@Suite struct SageMakerGatewayTests {
    @Test(arguments: ["openai", "tgi"])
    func invokesTheEndpointSignedForSageMaker(_ hostedProvider: String) async throws {
        let state = CloudMockState()
        state.acceptAWS(keyID: "AKIASAGE", secret: "sage-secret")
        try await CloudHarness.run(
            environment: { _ in ["AWS_ACCESS_KEY_ID": "AKIASAGE", "AWS_SECRET_ACCESS_KEY": "sage-secret"] },
            config: { port in
                """
                [models.hosted]
                routing = ["sagemaker"]

                [models.hosted.providers.sagemaker]
                type = "aws_sagemaker"
                endpoint_name = "my endpoint"
                model_name = "my-model"
                hosted_provider = "\(hostedProvider)"
                region = "us-west-2"
                endpoint_url = "http://127.0.0.1:\(port)/sagemaker"

                \(CloudHarness.function("reply", model: "hosted"))
                """
            }, state: state
        ) { harness in
            let (status, body) = try await harness.infer("reply")
            #expect(status == 200)
            #expect(body.contains("hello from sagemaker"))
            let call = harness.state.calls(under: "/sagemaker/").first
            #expect(call?.verdict == "ok")
            #expect(call?.path == "/sagemaker/endpoints/my%20endpoint/invocations")
            #expect(call?.identity.contains("/us-west-2/sagemaker/aws4_request") == true)
            #expect(call?.body["model"] as? String == "my-model")
        }
    }
}
