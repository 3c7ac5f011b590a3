/// Changed template and schema files of one variant, by name: added, removed, or edited (another path or
/// other contents; the hashes are shortened to 12 hex digits).
enum FileChanges {
    static func lines(_ kind: String, _ before: [String: PlanFileRecord], _ after: [String: PlanFileRecord]) -> [String] {
        Set(before.keys).union(after.keys).sorted().compactMap { name in
            switch (before[name], after[name]) {
            case (nil, let added?): return "\(kind) `\(name)` added (`\(added.path)`)"
            case (let removed?, nil): return "\(kind) `\(name)` removed (was `\(removed.path)`)"
            case (let old?, let new?) where old != new:
                let place = old.path == new.path ? "`\(new.path)`" : "`\(old.path)` → `\(new.path)`"
                let contents = old.sha256 == new.sha256 ? "same contents" : "sha256 \(old.sha256.prefix(12)) → \(new.sha256.prefix(12))"
                return "\(kind) `\(name)` changed: \(place), \(contents)"
            default: return nil
            }
        }
    }
}
