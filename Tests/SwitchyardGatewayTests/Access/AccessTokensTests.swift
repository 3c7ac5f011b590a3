@testable import SwitchyardGateway
import SwitchyardConfig
import Testing

@Suite struct AccessTokensTests {
    let tokens = AccessTokens([Secret("sk-gateway-alpha-0123456789"), Secret("sk-gateway-beta-9876543210")])

    @Test func acceptsEveryTokenExactly() {
        #expect(tokens.count == 2)
        #expect(tokens.accepts("sk-gateway-alpha-0123456789"))
        #expect(tokens.accepts("sk-gateway-beta-9876543210"))
    }

    @Test(arguments: [
        "", "sk-gateway-alpha-012345678", "sk-gateway-alpha-01234567890", "sk-gateway-alpha-0123456788", "Sk-gateway-alpha-0123456789",
        " sk-gateway-alpha-0123456789", "sk-gateway-alpha-0123456789,sk-gateway-beta-9876543210",
    ])
    func refusesAnythingElse(_ presented: String) {
        #expect(!tokens.accepts(Substring(presented)))
    }

    @Test func digestsCompareEqualOnlyWhenEveryBitMatches() {
        let digest = TokenDigest(of: "token")
        #expect(digest.equalsInConstantTime(TokenDigest(of: "token")))
        #expect(!digest.equalsInConstantTime(TokenDigest(of: "tokem")))
    }

    @Test func theTokensNeverPrint() {
        let text = "\(tokens) \(String(reflecting: tokens))"
        #expect(!text.contains("alpha"))
        #expect(!text.contains("beta"))
    }
}
