import Foundation

/// Throwaway key material for GCP service-account files. These keys were generated for these tests only
/// (`openssl genpkey`, RSA 512 bits and EC P-256) and protect nothing.
enum KeyFixtures {
    /// A well-formed PKCS#8 RSA private key.
    static let rsaPrivateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEAxcSGDG7Co109LPnp
M+z/dzaBkPdMJe/LBbMo6ZDyeLaOlKjYGUIBZC0eohWpQrF4JZQAMwUPHsThManm
aJhHnQIDAQABAkAhUV+H/qz52r5wslWwctADJIKlipQgnApnFmzhFJNU9JgniLyZ
zFcsN3Vy1RNtzDwiQ5V+2+cqysi3YcUfpundAiEA/frgii1ddpzLuPqKIS+6afv1
ZL93BHEHAJogfTRajccCIQDHVzGi+sebNHsGlXiDQRclkbWdFlwe+Uioo7izBPyP
ewIgDo9MQf+ZxQv2DdOnCYH/8MV16uGjBAkqupkbVbIjos8CIB/F6CWAL3yvmsRr
4q+ZGmVkmjwVqk1NkqU+o1v1eYQtAiEA5zFXwBEJc1qnj2sW8tQ47LMp4d84II6G
vNWhwkTRdEA=
-----END PRIVATE KEY-----
"""

    /// A well-formed PKCS#8 EC (P-256) private key: valid PEM, but not RSA.
    static let ecPrivateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg3qAPCEPTRfQg5/IT
jEUrK9FLC8yDp1ln2+V0ljxcKMShRANCAAREH4smMahxNKP3hq2PG89jijhXjEvQ
k1tWSc/2H/bwH8yCcULU8yHbd1oy96c5nEAtQf8MuISmIxUmZu98tfao
-----END PRIVATE KEY-----
"""

    /// A service-account key file with the given `private_key`, leaving out `omitting` if given.
    static func serviceAccountJSON(privateKey: String = rsaPrivateKeyPEM, omitting: String? = nil) -> String {
        var object: [String: String] = [
            "type": "service_account",
            "project_id": "unit-test-project",
            "private_key_id": "0123456789abcdef0123456789abcdef01234567",
            "private_key": privateKey + "\n",
            "client_email": "unit-test@unit-test-project.iam.gserviceaccount.com",
            "client_id": "100000000000000000000",
            "token_uri": "https://oauth2.googleapis.com/token",
        ]
        if let omitting { object[omitting] = nil }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self)
    }
}
