import Foundation
import Testing
@testable import SwitchyardGateway

@Suite struct SigV4SignerTests {
    @Test(arguments: SigV4SuiteVectors.all.map(\.name))
    func signsThePublishedSuiteCase(_ name: String) {
        let vector = SigV4SuiteVectors.all.first { $0.name == name }!
        let keys = AWSSigningKeys(
            accessKeyID: SigV4SuiteVectors.accessKeyID, secretAccessKey: SigV4SuiteVectors.secretAccessKey, sessionToken: vector.sessionToken
        )
        let added = SigV4Signer.signingHeaders(
            for: Self.parse(vector.request), keys: keys, region: SigV4SuiteVectors.region, service: SigV4SuiteVectors.service,
            date: Date(timeIntervalSince1970: SigV4SuiteVectors.unixTime)
        )
        let expected = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)"
        #expect(added.first { $0.name == "authorization" }?.value == expected)
        #expect(added.first { $0.name == "x-amz-date" }?.value == "20150830T123600Z")
        #expect(added.contains { $0.name == "x-amz-security-token" } == (vector.sessionToken != nil))
    }

    @Test func aPathThatIsAlreadyEncodedIsEncodedAgain() {
        #expect(SigV4Signer.canonicalURI("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse")
            == "/model/us.anthropic.claude-haiku-4-5-20251001-v1%253A0/converse")
    }

    @Test func theSignatureCoversTheBody() {
        let keys = AWSSigningKeys(accessKeyID: "AKID", secretAccessKey: "secret", sessionToken: nil)
        func signature(_ body: String) -> String? {
            let request = SigV4Signer.Request(method: "POST", path: "/", query: "", headers: [("host", "h")], body: Array(body.utf8))
            return SigV4Signer.signingHeaders(for: request, keys: keys, region: "r", service: "s", date: Date(timeIntervalSince1970: 0))
                .first { $0.name == "authorization" }?.value
        }
        #expect(signature("{}") != signature("{ }"))
    }

    @Test func theKeysNeverPrint() {
        let keys = AWSSigningKeys(accessKeyID: "AKIDPRINT", secretAccessKey: "very-secret", sessionToken: "token")
        for text in ["\(keys)", String(describing: keys), String(reflecting: keys)] {
            #expect(!text.contains("very-secret") && !text.contains("AKIDPRINT") && !text.contains("token"))
        }
    }

    /// A suite request: `METHOD PATH[?QUERY]`, header lines, then an optional blank line and body.
    static func parse(_ text: String) -> SigV4Signer.Request {
        let (head, body) = text.range(of: "\n\n").map { (String(text[..<$0.lowerBound]), String(text[$0.upperBound...])) } ?? (text, "")
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let target = requestLine[1]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
        return SigV4Signer.Request(method: requestLine[0], path: path[0], query: path.count > 1 ? path[1] : "", headers: headers, body: Array(body.utf8))
    }
}
