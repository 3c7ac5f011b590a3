import Foundation
import Testing
import SwitchyardConfig

/// A `Secret` leaves only through `withValue`: every accidental way of turning it into text, JSON or a
/// reflection shows `<redacted>` or nothing.
@Suite struct SecretTests {
    static let value = "sk-canary-7f3a9c2e1b"
    let secret = Secret(SecretTests.value)

    /// A value type that holds a secret, as request and attempt types do.
    struct Holder {
        var name = "openai"
        var key: Secret
    }

    /// An error carrying a secret, as a careless error type might.
    enum Failure: Error {
        case refused(Secret)
    }

    @Test func everyTextualFormIsRedacted() {
        var dumped = ""
        dump(secret, to: &dumped)
        var dumpedHolder = ""
        dump(Holder(key: secret), to: &dumpedHolder)
        let texts = [
            "\(secret)", String(describing: secret), String(reflecting: secret), secret.description, secret.debugDescription,
            "\(Holder(key: secret))", String(reflecting: Holder(key: secret)), "\([secret])", "\(["key": secret])", "\(Optional(secret) as Any)",
            "\(Failure.refused(secret))", String(reflecting: Failure.refused(secret)),
            Failure.refused(secret).localizedDescription, dumped, dumpedHolder,
        ]
        for text in texts {
            #expect(!text.contains(Self.value), "leaked: \(text)")
            #expect(!text.contains(String(Self.value.prefix(8))), "leaked a prefix: \(text)")
        }
        #expect("\(secret)" == "<redacted>")
    }

    @Test func reflectionShowsNoChildren() {
        #expect(Mirror(reflecting: secret).children.isEmpty)
        let held = Mirror(reflecting: Holder(key: secret)).children.first { $0.label == "key" }?.value
        #expect(held.map { Mirror(reflecting: $0).children.isEmpty } == true)
    }

    @Test func cannotBeEncoded() throws {
        #expect(!((secret as Any) is any Encodable))
        #expect(!JSONSerialization.isValidJSONObject(["key": secret]))
        #expect(!JSONSerialization.isValidJSONObject([secret]))
        #expect(!((secret as Any) is NSString))
    }

    @Test func theValueLeavesThroughWithValue() {
        #expect(secret.withValue { $0 } == Self.value)
        #expect(secret == Secret(Self.value))
        #expect(secret != Secret("other"))
    }
}
