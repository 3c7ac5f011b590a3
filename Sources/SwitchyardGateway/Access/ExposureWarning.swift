/// The startup warning for a gateway that anyone who can reach it may use: serving on an address other than
/// loopback without bearer tokens.
public enum ExposureWarning {
    /// The warning for serving on `host`, or `nil` when the host is loopback or tokens are required.
    public static func text(host: String, authenticated: Bool) -> String? {
        guard !authenticated, !isLoopback(host) else { return nil }
        return "serving on \(host) without authentication: anyone who can reach this address can send requests on the gateway's provider credentials; pass --auth-tokens-env or --auth-tokens-file to require a bearer token"
    }

    /// Whether `host` names this machine only: `localhost`, `127.0.0.0/8` or `::1`.
    static func isLoopback(_ host: String) -> Bool {
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if name == "localhost" || name == "::1" { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}
