/// Joins key segments into the dotted path TensorZero prints (`models.m.providers.p`).
public func keyPath(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : dotted([parent, key])
}

/// Joins three key segments (`models.m`, `providers`, `p`) in one go.
public func keyPath(_ parent: String, _ middle: String, _ key: String) -> String {
    parent.isEmpty ? dotted([middle, key]) : dotted([parent, middle, key])
}

/// The segments joined with dots, built in place: a path is made for every table read, and interpolation
/// would grow the string piecemeal.
private func dotted(_ segments: [String]) -> String {
    let count = segments.reduce(segments.count - 1) { $0 + $1.utf8.count }
    return String(unsafeUninitializedCapacity: count) { path in
        var end = 0
        for (index, segment) in segments.enumerated() {
            if index > 0 {
                path[end] = UInt8(ascii: ".")
                end += 1
            }
            var segment = segment
            segment.withUTF8 { bytes in
                _ = path[end...].initialize(fromContentsOf: bytes)
                end += bytes.count
            }
        }
        return end
    }
}
