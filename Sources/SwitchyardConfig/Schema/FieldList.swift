/// Fields read from one table, keyed by field name, in the order they were read.
///
/// A table holds a handful of such fields at most, so looking one up scans the list instead of hashing
/// the name; iterating yields `(key, value)` pairs like a dictionary does. The members are inlinable so
/// that other modules get code specialised for their `Value`.
public struct FieldList<Value>: Sequence, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: Value)

    @usableFromInline var entries: [Element] = []

    @inlinable public init() {}

    @inlinable public init(dictionaryLiteral elements: (String, Value)...) {
        for (field, value) in elements { self[field] = value }
    }

    /// The value of `field`, if read; setting `nil` removes the field.
    @inlinable public subscript(field: String) -> Value? {
        get {
            entries.first { $0.key == field }?.value
        }
        set {
            let index = entries.firstIndex { $0.key == field }
            switch (index, newValue) {
            case let (index?, value?): entries[index].value = value
            case let (index?, nil): entries.remove(at: index)
            case let (nil, value?):
                if entries.isEmpty { entries.reserveCapacity(4) }
                entries.append((field, value))
            case (nil, nil): break
            }
        }
    }

    @inlinable public var isEmpty: Bool { entries.isEmpty }

    @inlinable public var count: Int { entries.count }

    @inlinable public func makeIterator() -> IndexingIterator<[Element]> {
        entries.makeIterator()
    }
}

extension FieldList: Sendable where Value: Sendable {}
