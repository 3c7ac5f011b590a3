/// Joins key segments into the dotted path TensorZero prints (`models.m.providers.p`).
public func keyPath(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : "\(parent).\(key)"
}
