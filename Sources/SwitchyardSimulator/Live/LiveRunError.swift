/// Why a live phase could not run (the mock server or the gateway failed to start or serve).
struct LiveRunError: Error, CustomStringConvertible {
    var description: String
}
