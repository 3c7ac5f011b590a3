import Testing

@Suite struct AzureDynamicEndpointTests {
    @Test func theEndpointComesFromEachRequest() async throws {
        try await GatewayHarness.run(config: { port in
            """
            [models.azure_dynamic]
            routing = ["azure"]

            [models.azure_dynamic.providers.azure]
            type = "azure"
            endpoint = "dynamic::azure_endpoint"
            deployment_id = "per-request"
            api_key_location = "env::TEST_AZURE_KEY"

            [functions.azure_fn]
            type = "chat"

            [functions.azure_fn.variants.v]
            type = "chat_completion"
            model = "azure_dynamic"
            """
        }) { harness in
            let request = #"{"function_name": "azure_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}, "credentials": {"azure_endpoint": "http://127.0.0.1:\#(harness.upstreamPort)/azure"}}"#
            let (status, body) = try await harness.post("/inference", request)
            #expect(status == 200)
            #expect(((body["content"] as? [[String: Any]])?.first?["text"] as? String) == "hello from azure per-request")
            let (missing, error) = try await harness.post("/inference", #"{"function_name": "azure_fn", "input": {"messages": [{"role": "user", "content": "hi"}]}}"#)
            #expect(missing == 502)
            #expect((error["error"] as? String)?.contains("Dynamic endpoint 'azure_endpoint' not found in credentials") == true)
        }
    }
}
