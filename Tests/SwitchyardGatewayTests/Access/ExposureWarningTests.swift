import SwitchyardGateway
import Testing

@Suite struct ExposureWarningTests {
    @Test(arguments: ["127.0.0.1", "127.0.0.53", "localhost", "::1", "[::1]"])
    func loopbackNeedsNoWarning(_ host: String) {
        #expect(ExposureWarning.text(host: host, authenticated: false) == nil)
    }

    @Test(arguments: ["0.0.0.0", "::", "192.168.1.10", "gateway.internal", "127.0.0.1.example.com"])
    func anyOtherAddressWithoutTokensWarns(_ host: String) throws {
        let warning = try #require(ExposureWarning.text(host: host, authenticated: false))
        #expect(warning.hasPrefix("serving on \(host) without authentication"))
        #expect(warning.contains("--auth-tokens-env"))
    }

    @Test func tokensSilenceTheWarning() {
        #expect(ExposureWarning.text(host: "0.0.0.0", authenticated: true) == nil)
    }
}
