/// Every diagnostic Switchyard can report, under a code that never changes meaning.
///
/// Ranges: `SY00xx` files and TOML, `SY01xx` schema, `SY02xx` credentials, `SY03xx` models and providers,
/// `SY04xx` functions and variants, `SY05xx` experimentation, `SY06xx` timeouts and retries,
/// `SY07xx` tools and metrics, `SY08xx` scenario files.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Files and TOML
    case tomlSyntax = "SY0001"
    case noFilesMatched = "SY0002"
    case fileUnreadable = "SY0003"
    case globDuplicateValue = "SY0004"
    case globTypeClash = "SY0005"
    case emptyConfig = "SY0006"
    case envFileSyntax = "SY0007"

    // Schema
    case unknownField = "SY0101"
    case missingField = "SY0102"
    case wrongType = "SY0103"
    case invalidValue = "SY0104"

    // Credentials
    case invalidCredentialLocation = "SY0201"
    case credentialFormRejected = "SY0202"
    case environmentVariableMissing = "SY0203"
    case credentialFileUnreadable = "SY0204"
    case awsCredentialFields = "SY0205"
    case gcpCredentialFile = "SY0206"
    case azureLegacyKey = "SY0207"
    case defaultCredentialDocsMismatch = "SY0208"
    case shorthandCredentialLazy = "SY0209"
    case credentialNoneFailsRequests = "SY0210"
    case awsCredentialChain = "SY0211"
    case awsRegionUnresolved = "SY0212"

    // Models and providers
    case routingEmpty = "SY0301"
    case routingDuplicate = "SY0302"
    case routingUnknownProvider = "SY0303"
    case providerNotRouted = "SY0304"
    case providerNameReserved = "SY0305"
    case modelNameReserved = "SY0306"
    case providerFieldConflict = "SY0307"
    case apiBaseSuffix = "SY0308"

    // Functions and variants
    case functionNameReserved = "SY0401"
    case variantNameReserved = "SY0402"
    case variantModelUnknown = "SY0403"
    case negativeWeight = "SY0404"
    case jsonModeOnChatFunction = "SY0405"
    case jsonModeMissing = "SY0406"
    case unknownCandidateVariant = "SY0407"
    case unknownTool = "SY0408"
    case templateFile = "SY0409"
    case deprecatedWeight = "SY0410"
    case variantNeverSampled = "SY0411"
    case deprecatedVariantType = "SY0412"
    case functionWithoutVariants = "SY0413"
    case variantTypeUnsupported = "SY0414"
    case templateSyntax = "SY0415"
    case templateUnsupported = "SY0416"
    case templateVariableNotInSchema = "SY0417"
    case schemaWithoutTemplate = "SY0418"
    case candidateCycle = "SY0419"
    case schemaFile = "SY0420"

    // Experimentation
    case weightWithExperimentation = "SY0501"
    case experimentationUnknownVariant = "SY0502"
    case experimentationDuplicateVariant = "SY0503"
    case experimentationNegativeWeight = "SY0504"
    case experimentationNothingSampleable = "SY0505"
    case trackAndStopInvalid = "SY0506"
    case deprecatedExperimentationType = "SY0507"

    // Timeouts and retries
    case timeoutAboveGlobal = "SY0601"
    case timeoutTotalBelowTTFT = "SY0602"

    // Tools and metrics
    case metricNameReserved = "SY0701"
    case toolNameReserved = "SY0702"

    // Scenario files
    case respondScriptInvalid = "SY0801"
    case durationInvalid = "SY0802"
    case scenarioReferenceUnknown = "SY0803"

    /// The severity a finding of this code has unless a rule says otherwise.
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .emptyConfig, .shorthandCredentialLazy: .note
        case .azureLegacyKey, .defaultCredentialDocsMismatch, .credentialNoneFailsRequests, .awsCredentialChain, .apiBaseSuffix,
             .deprecatedWeight, .variantNeverSampled, .deprecatedVariantType, .functionWithoutVariants,
             .deprecatedExperimentationType, .timeoutTotalBelowTTFT, .templateVariableNotInSchema:
            .warning
        default: .error
        }
    }

    /// A short title for listings (`switchyard check --help`, the README's code table).
    public var title: String {
        switch self {
        case .tomlSyntax: "TOML syntax error"
        case .noFilesMatched: "no config file matched"
        case .fileUnreadable: "config file cannot be read"
        case .globDuplicateValue: "same key set in two globbed files"
        case .globTypeClash: "globbed files give one key two types"
        case .emptyConfig: "config is empty"
        case .envFileSyntax: "malformed --env-file line"
        case .unknownField: "unknown field"
        case .missingField: "missing required field"
        case .wrongType: "value has the wrong type"
        case .invalidValue: "value is not one of the accepted ones"
        case .invalidCredentialLocation: "credential location is malformed"
        case .credentialFormRejected: "provider type does not accept this credential form"
        case .environmentVariableMissing: "credential environment variable is unset"
        case .credentialFileUnreadable: "credential file cannot be read"
        case .awsCredentialFields: "AWS credential fields conflict"
        case .gcpCredentialFile: "GCP service-account file is malformed"
        case .azureLegacyKey: "deprecated AZURE_OPENAI_API_KEY is used"
        case .defaultCredentialDocsMismatch: "default credential differs between TensorZero's docs and code"
        case .shorthandCredentialLazy: "shorthand model credential is resolved on first use"
        case .credentialNoneFailsRequests: "`none` loads but every request fails"
        case .awsCredentialChain: "the AWS credential chain finds no usable credentials"
        case .awsRegionUnresolved: "the AWS region cannot be determined"
        case .routingEmpty: "`routing` is empty"
        case .routingDuplicate: "`routing` names a provider twice"
        case .routingUnknownProvider: "`routing` names an unknown provider"
        case .providerNotRouted: "provider is not listed in `routing`"
        case .providerNameReserved: "provider name uses the reserved `tensorzero::` prefix"
        case .modelNameReserved: "model name uses a reserved prefix"
        case .providerFieldConflict: "provider fields conflict"
        case .apiBaseSuffix: "`api_base` ends with `/chat/completions`"
        case .functionNameReserved: "function name uses the reserved `tensorzero::` prefix"
        case .variantNameReserved: "variant name uses the reserved `tensorzero::` prefix"
        case .variantModelUnknown: "variant names an unknown model"
        case .negativeWeight: "variant `weight` is negative"
        case .jsonModeOnChatFunction: "`json_mode` on a chat function's variant"
        case .jsonModeMissing: "`json_mode` missing on a JSON function's variant"
        case .unknownCandidateVariant: "candidate variant does not exist"
        case .unknownTool: "function names an unknown tool"
        case .templateFile: "template file problem"
        case .deprecatedWeight: "variant `weight` is deprecated"
        case .variantNeverSampled: "variant can never be sampled"
        case .deprecatedVariantType: "variant type is deprecated"
        case .functionWithoutVariants: "function has no variants"
        case .variantTypeUnsupported: "variant type is not supported for this function type"
        case .templateSyntax: "template has a MiniJinja syntax error"
        case .templateUnsupported: "template uses a MiniJinja construct Switchyard cannot render"
        case .templateVariableNotInSchema: "template reads a variable its schema does not declare"
        case .schemaWithoutTemplate: "schema has no template in a variant"
        case .candidateCycle: "best-of-N / mixture-of-N variant runs itself through its candidates"
        case .schemaFile: "JSON Schema file problem"
        case .weightWithExperimentation: "variant `weight` mixed with `experimentation`"
        case .experimentationUnknownVariant: "experimentation names an unknown variant"
        case .experimentationDuplicateVariant: "experimentation lists a variant twice"
        case .experimentationNegativeWeight: "experimentation weight is negative"
        case .experimentationNothingSampleable: "experimentation has nothing to sample"
        case .trackAndStopInvalid: "track-and-stop settings are invalid"
        case .deprecatedExperimentationType: "experimentation type is deprecated"
        case .timeoutAboveGlobal: "timeout exceeds `gateway.global_outbound_http_timeout_ms`"
        case .timeoutTotalBelowTTFT: "streaming `total_ms` is below `ttft_ms`"
        case .metricNameReserved: "metric name is reserved"
        case .toolNameReserved: "tool name uses the reserved `tensorzero::` prefix"
        case .respondScriptInvalid: "upstream `respond` script is malformed"
        case .durationInvalid: "duration is malformed"
        case .scenarioReferenceUnknown: "scenario names something the config does not have"
        }
    }
}
