import Foundation
import SwitchyardConfig
@testable import SwitchyardGateway
import Testing

@Suite struct AccessTokenSourceTests {
    /// The tokens `secrets` hold, read out for the test only.
    static func values(_ secrets: [Secret]) -> [String] { secrets.map { $0.withValue { $0 } } }

    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("switchyard-tokens-\(UUID().uuidString).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aVariableSeparatesTokensByCommasAndNewlines() throws {
        let environment = Environment(["GATEWAY_TOKENS": " tok-one, tok-two\ntok-three\r\n,,"])
        #expect(Self.values(try AccessTokenSource.tokens(inVariable: "GATEWAY_TOKENS", of: environment)) == ["tok-one", "tok-two", "tok-three"])
    }

    @Test func anUnsetOrEmptyVariableIsAnError() {
        #expect(throws: AccessTokenSource.LoadError(description: "--auth-tokens-env: the variable `GATEWAY_TOKENS` is not set")) {
            try AccessTokenSource.tokens(inVariable: "GATEWAY_TOKENS", of: Environment())
        }
        #expect(throws: AccessTokenSource.LoadError(description: "--auth-tokens-env: the variable `GATEWAY_TOKENS` holds no token")) {
            try AccessTokenSource.tokens(inVariable: "GATEWAY_TOKENS", of: Environment(["GATEWAY_TOKENS": " , \n"]))
        }
    }

    @Test func aTokenWithASpaceInAVariableIsAnErrorThatDoesNotShowIt() throws {
        let environment = Environment(["GATEWAY_TOKENS": "tok-one,tok two-canary"])
        let error = try #require(throws: AccessTokenSource.LoadError.self) {
            try AccessTokenSource.tokens(inVariable: "GATEWAY_TOKENS", of: environment)
        }
        #expect(error.description.hasPrefix("--auth-tokens-env: token 2 of `GATEWAY_TOKENS` holds a space"))
        #expect(!error.description.contains("canary"))
    }

    @Test func aFileHoldsOneTokenPerLineWithComments() throws {
        let path = try Self.file("# gateway tokens\n\ntok-one\n  tok-two   # the batch jobs\r\ntok-three#not-a-comment\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(Self.values(try AccessTokenSource.tokens(inFile: path)) == ["tok-one", "tok-two", "tok-three#not-a-comment"])
    }

    @Test func aBadLineIsReportedAtItsFileAndLineWithoutItsText() throws {
        let path = try Self.file("tok-one\n# comment\ntok two-canary\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: AccessTokenSource.LoadError.self) { try AccessTokenSource.tokens(inFile: path) }
        #expect(error.description.hasPrefix("\(path):3: expected one token"))
        #expect(!error.description.contains("canary"))
    }

    @Test func aNonASCIITokenIsABadLine() throws {
        let path = try Self.file("tok-one\ntök\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(throws: AccessTokenSource.LoadError.self) { try AccessTokenSource.tokens(inFile: path) }
        #expect(error.description.hasPrefix("\(path):2: "))
    }

    @Test(arguments: ["", "\n\n", "# only a comment\n   \n"])
    func aFileWithoutTokensIsAnError(_ text: String) throws {
        let path = try Self.file(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: AccessTokenSource.LoadError(description: "\(path): the token file holds no token")) {
            try AccessTokenSource.tokens(inFile: path)
        }
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: AccessTokenSource.LoadError(description: "/nonexistent/tokens.txt: cannot read the token file")) {
            try AccessTokenSource.tokens(inFile: "/nonexistent/tokens.txt")
        }
    }
}
