#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands a config path or glob (`config/*.toml`, `config/**/*.toml`) into the files it names, sorted.
public enum ConfigFileSet {
    /// The files matching `pattern`; a plain path that exists is returned as is.
    public static func expand(_ pattern: String) -> [String] {
        if pattern.contains("**") {
            return expandRecursive(pattern)
        }
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let path = result.gl_pathv[index].map({ String(cString: $0) }), isRegularFile(path) {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// `dir/**/rest`: `rest` matched in `dir` and every folder below it.
    private static func expandRecursive(_ pattern: String) -> [String] {
        guard let range = pattern.range(of: "**") else { return [] }
        var base = String(pattern[..<range.lowerBound])
        var rest = String(pattern[range.upperBound...])
        if rest.hasPrefix("/") { rest.removeFirst() }
        if base.isEmpty { base = "./" }
        var matches: [String] = []
        for folder in [base] + subfolders(of: base) {
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            matches += expand(prefix + rest)
        }
        return Array(Set(matches)).sorted()
    }

    private static func subfolders(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != ".", name != ".." else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if isDirectory(path) { found += [path] + subfolders(of: path) }
        }
        return found
    }

    static func isRegularFile(_ path: String) -> Bool { fileMode(path).map { $0 & S_IFMT == S_IFREG } ?? false }
    static func isDirectory(_ path: String) -> Bool { fileMode(path).map { $0 & S_IFMT == S_IFDIR } ?? false }

    private static func fileMode(_ path: String) -> mode_t? {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode : nil
    }
}
