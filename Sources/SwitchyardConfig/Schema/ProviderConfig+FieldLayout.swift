extension ProviderConfig {
    /// How a provider type's own fields are read, worked out once per type instead of once per provider.
    struct FieldLayout: Sendable {
        /// How one field is decoded.
        enum Kind: Sendable {
            /// A string, limited to `accepted` values when given.
            case string(accepted: [String]?)
            case flag
            /// `api_key_location` / `credential_location`.
            case credential
            /// One of the AWS credential fields.
            case awsCredential
            /// Kept only as "written here".
            case other
        }

        let type: ProviderType
        /// Fields that must be present.
        let required: [String]
        /// Every type-specific field, in TensorZero's order, with how it is read.
        let fields: [(name: String, kind: Kind)]
        /// The field names alone, for unknown-field messages.
        let names: [String]

        /// The layout of the type written as `name` (`openai`), or `nil` for an unknown type.
        static func named(_ name: String) -> FieldLayout? { layouts[name] }

        /// By type name: one lookup finds both the type and its layout.
        private static let layouts: [String: FieldLayout] = Dictionary(uniqueKeysWithValues: ProviderType.allCases.map { type in
            let fields = type.fields.map { (name: $0, kind: kind(of: $0, type: type)) }
            return (type.rawValue, FieldLayout(type: type, required: type.requiredFields, fields: fields, names: type.fields))
        })

        private static func kind(of field: String, type: ProviderType) -> Kind {
            if stringFields.contains(field) { return .string(accepted: acceptedValues[field]) }
            if boolFields.contains(field) { return .flag }
            if field == type.credentialField { return .credential }
            if awsCredentialFields.contains(field) { return .awsCredential }
            return .other
        }
    }
}
