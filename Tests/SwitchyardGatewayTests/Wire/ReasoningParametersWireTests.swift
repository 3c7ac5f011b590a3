import Foundation
import SwitchyardConfig
import Testing
@testable import SwitchyardEngine
@testable import SwitchyardGateway

/// `reasoning_effort`, `service_tier`, `verbosity` and `thinking_budget_tokens` in each provider type's upstream body,
/// exactly as TensorZero 2026.6.0 sent them to a logging mock (its gateway from the PyPI wheel; the fixed-URL
/// providers through a TLS-intercepting proxy): each type gets only what it takes, under its own names.
@Suite struct ReasoningParametersWireTests {
    /// The keys these parameters can appear under, at the top level or in Gemini's `generationConfig`.
    static let keys = [
        "reasoning_effort", "service_tier", "verbosity", "reasoning", "thinking", "output_config", "thinkingConfig", "additionalModelRequestFields",
    ]

    static func reasoningFields(_ json: [String: Any]) -> NSDictionary {
        let generation = json["generationConfig"] as? [String: Any] ?? [:]
        var found: [String: Any] = [:]
        for key in keys {
            if let value = json[key] ?? generation[key] { found[key] = value }
        }
        return found as NSDictionary
    }

    /// What TensorZero sent for `reasoning_effort = "low"`, `service_tier = "flex"`, `verbosity = "low"`.
    static func effortTierAndVerbosity(_ type: ProviderType) -> [String: Any] {
        switch type {
        case .openai, .awsSagemaker: ["reasoning_effort": "low", "service_tier": "flex", "verbosity": "low"]
        case .azure: ["reasoning_effort": "low", "verbosity": "low"]
        case .groq: ["reasoning_effort": "low", "service_tier": "flex"]
        case .openrouter: ["reasoning": ["effort": "low"], "verbosity": "low"]
        case .fireworks, .together, .hyperbolic, .xai, .sglang: ["reasoning_effort": "low"]
        case .googleAIStudioGemini, .gcpVertexGemini: ["thinkingConfig": ["thinkingLevel": "low"]]
        case .anthropic, .gcpVertexAnthropic: ["output_config": ["effort": "low"], "thinking": ["type": "adaptive"]]
        case .mistral, .deepseek, .vllm, .tgi, .awsBedrock: [:]
        }
    }

    /// What TensorZero sent for `thinking_budget_tokens = 1024`.
    static func thinkingBudget(_ type: ProviderType) -> [String: Any] {
        let anthropicThinking: [String: Any] = ["type": "enabled", "budget_tokens": 1024]
        switch type {
        case .openrouter: return ["reasoning": ["max_tokens": 1024]]
        case .googleAIStudioGemini, .gcpVertexGemini: return ["thinkingConfig": ["thinkingBudget": 1024]]
        case .anthropic, .gcpVertexAnthropic: return ["thinking": anthropicThinking]
        case .awsBedrock: return ["additionalModelRequestFields": ["thinking": anthropicThinking]]
        default: return [:]
        }
    }

    @Test(arguments: ProviderType.allCases)
    func effortTierAndVerbosityGoOnlyWhereTensorZeroSendsThem(_ type: ProviderType) throws {
        let body = try UpstreamBodyFixture.body(type, variantLines: "reasoning_effort = \"low\"\nservice_tier = \"flex\"\nverbosity = \"low\"")
        #expect(Self.reasoningFields(body.json) == Self.effortTierAndVerbosity(type) as NSDictionary, "\(body.text)")
    }

    @Test(arguments: ProviderType.allCases)
    func aThinkingBudgetGoesOnlyWhereTensorZeroSendsIt(_ type: ProviderType) throws {
        let body = try UpstreamBodyFixture.body(type, variantLines: "thinking_budget_tokens = 1024")
        #expect(Self.reasoningFields(body.json) == Self.thinkingBudget(type) as NSDictionary, "\(body.text)")
    }

    @Test func tiersAreSentOnlyWhereTheProviderTakesThem() throws {
        for (type, sent) in [(ProviderType.azure, ["auto", "default"]), (.groq, ["auto", "flex"]), (.openai, ["auto", "default", "priority", "flex"])] {
            for tier in ServiceTier.allCases {
                let body = try UpstreamBodyFixture.body(type, variantLines: "service_tier = \"\(tier.rawValue)\"")
                #expect(body.json["service_tier"] as? String == (sent.contains(tier.rawValue) ? tier.rawValue : nil), "\(type) \(tier)")
            }
        }
    }

    @Test func aSageMakerEndpointHostingTGIGetsNoneOfThem() throws {
        let lines = "reasoning_effort = \"low\"\nservice_tier = \"auto\"\nverbosity = \"low\"\nthinking_budget_tokens = 5"
        let body = try UpstreamBodyFixture.body(.awsSagemaker, hostedProvider: "tgi", variantLines: lines)
        #expect(Self.reasoningFields(body.json).count == 0, "\(body.text)")
    }

    @Test func theRequestsOwnValuesWinOverTheVariants() throws {
        var payload = InferencePayload(messages: [.init(role: .user, text: ["hi"])])
        payload.reasoningEffort = "high"
        payload.serviceTier = .priority
        let body = try UpstreamBodyFixture.body(.openai, variantLines: "reasoning_effort = \"low\"\nservice_tier = \"flex\"\nverbosity = \"low\"", payload: payload)
        #expect(Self.reasoningFields(body.json) == ["reasoning_effort": "high", "service_tier": "priority", "verbosity": "low"] as NSDictionary)
    }

    @Test(arguments: [ProviderType.anthropic, .gcpVertexAnthropic])
    func anthropicRefusesEffortAndBudgetTogether(_ type: ProviderType) {
        #expect(throws: WireError.self) {
            try UpstreamBodyFixture.body(type, variantLines: "reasoning_effort = \"low\"\nthinking_budget_tokens = 1024")
        }
    }
}
