/// The functions requests can name. Configs with a handful of functions are searched by comparing names,
/// which for short names costs less than hashing one; larger configs use a dictionary.
struct FunctionTable: Sendable {
    /// Up to this many functions are searched linearly.
    private static let scanLimit = 8
    private let few: [FunctionRoute]
    private let many: [String: FunctionRoute]

    init(_ routes: [String: FunctionRoute]) {
        if routes.count <= Self.scanLimit {
            few = Array(routes.values)
            many = [:]
        } else {
            few = []
            many = routes
        }
    }

    /// The function called `name`, if the plan has one.
    subscript(name: String) -> FunctionRoute? {
        guard many.isEmpty else { return many[name] }
        return few.first { $0.name == name }
    }
}
