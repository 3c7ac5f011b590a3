/// The comment lines a diagram starts with under `--outage`: what the failure removes, in words.
enum OutageSummary {
    static func lines(_ outage: CredentialOutage) -> [String] {
        [
            "outage: \(outage.location) cannot be resolved",
            "functions left with no route: " + list(outage.lostFunctions),
            "variants left with no route: " + list(outage.lostVariants.map { "\($0.function).\($0.variant)" }),
            "models left with no route: " + list(outage.lostModels),
            "providers lost: " + list(outage.lostProviders.map { "\($0.model).\($0.provider)" }),
        ]
    }

    private static func list<S: Sequence>(_ names: S) -> String where S.Element == String {
        let sorted = names.sorted()
        return sorted.isEmpty ? "none" : sorted.joined(separator: ", ")
    }
}
