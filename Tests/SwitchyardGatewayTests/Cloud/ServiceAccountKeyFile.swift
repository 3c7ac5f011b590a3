import Foundation
import _CryptoExtras

/// A throwaway service account for tests: a fresh 2048-bit RSA key, written as a key file whose token URI is
/// the cloud mock's, and registered with the mock so it accepts the key's assertions.
struct ServiceAccountKeyFile {
    let keyID: String
    let key: _RSA.Signing.PrivateKey

    init(keyID: String) throws {
        self.keyID = keyID
        key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    }

    /// The key file's JSON, for a token endpoint on `port`.
    func json(port: Int) -> String {
        let object: [String: Any] = [
            "type": "service_account", "project_id": "test-project", "private_key_id": keyID, "private_key": key.pemRepresentation,
            "client_email": "switchyard-test@test-project.iam.gserviceaccount.com", "token_uri": "http://127.0.0.1:\(port)/token",
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }
}
