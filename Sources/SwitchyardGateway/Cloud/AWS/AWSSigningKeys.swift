/// An AWS access key pair (and session token) while a request is signed. It exists only inside the
/// `Secret.withValue` closures that build it, and never prints its values.
struct AWSSigningKeys: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let accessKeyID: String
    let secretAccessKey: String
    let sessionToken: String?

    var description: String { "AWSSigningKeys(<redacted>)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: [:]) }
}
