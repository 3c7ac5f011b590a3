import SwitchyardConfig
import SwitchyardPlan

/// An AWS provider's credential for one request (`aws_common.rs`): an `api_key` bearer token, or an IAM key
/// pair (from the environment, the request, or the SDK chain the vault followed at startup). The access key
/// id is the attempt's credential; the secret key and session token travel in its fields.
enum AWSRequestCredentials {
    static func choose(for provider: ProviderRoute, credentials: [String: Secret]) -> Result<RequestCredentials.Choice, InferenceError> {
        let links = provider.plan.credentials.links
        guard let first = links.first else {
            return .failure(.apiKeyMissing(provider: provider.policy.requestName, message: "No credentials are set"))
        }
        if first.field == "api_key" {
            switch first.location {
            case .dynamic(let key):
                guard !credentials.isEmpty, let token = credentials[key] else {
                    return .failure(.apiKeyMissing(provider: provider.policy.requestName, message: "Dynamic `api_key` with key `\(key)` is missing"))
                }
                return .success(.init(secret: token, linkIndex: 0, isFallback: false))
            default:
                return .success(.init(secret: provider.staticSecrets[0], linkIndex: 0, isFallback: false))
            }
        }
        if first.location == .sdk {
            switch provider.awsChain {
            case .success(let keys)?:
                var fields = ["secret_access_key": keys.secretAccessKey]
                fields["session_token"] = keys.sessionToken
                return .success(.init(secret: keys.accessKeyID, fields: fields, linkIndex: 0, isFallback: false))
            case .failure(let failure)?:
                return .failure(.credentialAcquisition(
                    "Error 500 Internal Server Error from \(provider.plan.type.rawValue) client: Failed to get AWS credentials: \(failure)"
                ))
            case nil:
                return .failure(.apiKeyMissing(provider: provider.policy.requestName, message: "No credentials are set"))
            }
        }
        var choice = RequestCredentials.Choice(secret: nil, linkIndex: 0, isFallback: false)
        for (index, link) in links.enumerated() {
            let value: Secret?
            switch link.location {
            case .dynamic(let key):
                guard !credentials.isEmpty, let found = credentials[key] else {
                    return .failure(.apiKeyMissing(provider: "aws", message: "Dynamic `\(link.field)` with key `\(key)` is missing"))
                }
                value = found
            case .sdk:
                // `session_token = "sdk"` beside explicit keys: no separate token.
                continue
            default:
                value = provider.staticSecrets[index]
            }
            if link.field == "access_key_id" { choice.secret = value } else { choice.fields[link.field] = value }
        }
        return .success(choice)
    }
}
