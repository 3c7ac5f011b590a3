import Foundation

/// Expands `simulate`'s arguments: files as given, folders searched (recursively) for `*.scenario.toml`.
enum ScenarioFiles {
    static func expand(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let walker = FileManager.default.enumerator(atPath: path)
            var found: [String] = []
            while let entry = walker?.nextObject() as? String {
                if entry.hasSuffix(".scenario.toml") { found.append((path as NSString).appendingPathComponent(entry)) }
            }
            files += found.sorted()
        }
        return files
    }
}
