/// One compiled (sub)schema.
indirect enum SchemaNode: Sendable {
    /// `true` accepts everything, `false` nothing.
    case always(Bool)
    case constraints(SchemaConstraints)
}
