/// Encodes a value as one line of JSON, byte for byte as `JSONEncoder` does with `.sortedKeys`
/// and `.withoutEscapingSlashes`, in a fraction of its time.
///
/// Every record of every document goes through here; Foundation's encoder spent more time on
/// a document's records than segmentation did, mostly on building and sorting dictionaries.
/// This one keeps each object's members as an array, writes values as bytes as soon as they
/// are known, and sorts keys once per object, by their UTF-8 bytes as Foundation does. The
/// tests compare the two encoders on every record type.
struct JSONLineEncoder {
    /// The value's JSON, without a newline.
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = NodeEncoder(codingPath: [])
        try value.encode(to: encoder)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        encoder.node.write(to: &bytes)
        return bytes
    }
}

/// A value being encoded: what one `Encoder` was given.
private final class Node {
    enum Content {
        case empty
        /// Finished JSON text: a string, number, boolean or null.
        case scalar([UInt8])
        case object([(key: String, value: Node)])
        case array([Node])
    }

    var content = Content.empty

    func write(to bytes: inout [UInt8]) {
        switch content {
        case .empty:
            // Foundation writes an object for a value that asked for no container.
            bytes.append(contentsOf: "{}".utf8)
        case .scalar(let text):
            bytes.append(contentsOf: text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                element.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }
}

/// The `Encoder` handed to each value's `encode(to:)`; it fills one `Node`.
private final class NodeEncoder: Encoder {
    let node = Node()
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // `PublicRecord` asks twice: once for its `type`, then its payload adds the rest.
        if case .object = node.content {} else { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// The node of a nested value, encoded by the value itself unless it is a scalar.
    func child(for value: some Encodable, at path: [any CodingKey]) throws -> Node {
        if let text = try scalarText(value, codingPath: path) {
            let node = Node()
            node.content = .scalar(text)
            return node
        }
        let encoder = NodeEncoder(codingPath: path)
        try value.encode(to: encoder)
        return encoder.node
    }

    func append(member key: String, _ value: Node) {
        guard case .object(var members) = node.content else { return }
        node.content = .empty
        members.append((key, value))
        node.content = .object(members)
    }

    func append(element value: Node) {
        guard case .array(var elements) = node.content else { return }
        node.content = .empty
        elements.append(value)
        node.content = .array(elements)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        let node = Node()
        node.content = .scalar(Array("null".utf8))
        encoder.append(member: key.stringValue, node)
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        encoder.append(member: key.stringValue, try encoder.child(for: value, at: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = NodeEncoder(codingPath: codingPath + [key])
        encoder.append(member: key.stringValue, nested.node)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = NodeEncoder(codingPath: codingPath + [key])
        encoder.append(member: key.stringValue, nested.node)
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = NodeEncoder(codingPath: codingPath + [key])
        encoder.append(member: key.stringValue, nested.node)
        return nested
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int {
        if case .array(let elements) = encoder.node.content { return elements.count }
        return 0
    }

    private var nextKey: any CodingKey { IndexKey(intValue: count) }

    mutating func encodeNil() throws {
        let node = Node()
        node.content = .scalar(Array("null".utf8))
        encoder.append(element: node)
    }

    mutating func encode(_ value: some Encodable) throws {
        encoder.append(element: try encoder.child(for: value, at: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = NodeEncoder(codingPath: codingPath + [nextKey])
        encoder.append(element: nested.node)
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = NodeEncoder(codingPath: codingPath + [nextKey])
        encoder.append(element: nested.node)
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = NodeEncoder(codingPath: codingPath + [nextKey])
        encoder.append(element: nested.node)
        return nested
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        encoder.node.content = .scalar(Array("null".utf8))
    }

    mutating func encode(_ value: some Encodable) throws {
        let child = try encoder.child(for: value, at: codingPath)
        encoder.node.content = child.content
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// The JSON text of a string, number or boolean; `nil` for values that encode themselves.
private func scalarText(_ value: some Encodable, codingPath: [any CodingKey]) throws -> [UInt8]? {
    switch value {
    case let text as String:
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendString(text, to: &bytes)
        return bytes
    case let number as Int: return Array(number.description.utf8)
    case let flag as Bool: return Array((flag ? "true" : "false").utf8)
    case let number as Double: return try numberText(number, codingPath: codingPath)
    case let number as Float: return try numberText(number, codingPath: codingPath)
    case let number as Int64: return Array(number.description.utf8)
    case let number as Int32: return Array(number.description.utf8)
    case let number as UInt: return Array(number.description.utf8)
    case let number as UInt64: return Array(number.description.utf8)
    case let number as UInt32: return Array(number.description.utf8)
    default: return nil
    }
}

/// Foundation writes a floating-point number as Swift's shortest round-trip description,
/// without a trailing ".0"; infinities and NaN have no JSON form.
private func numberText<Number: BinaryFloatingPoint & LosslessStringConvertible>(
    _ number: Number, codingPath: [any CodingKey]
) throws -> [UInt8] {
    guard number.isFinite else {
        throw EncodingError.invalidValue(
            number, EncodingError.Context(codingPath: codingPath, debugDescription: "\(number) has no JSON form"))
    }
    var text = number.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return Array(text.utf8)
}

/// A JSON string as Foundation escapes it: quotes, backslashes and control characters only.
private func appendString(_ text: String, to bytes: inout [UInt8]) {
    let hex = Array("0123456789abcdef".utf8)
    bytes.append(UInt8(ascii: "\""))
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case 0..<0x20:
            bytes.append(contentsOf: Array("\\u00".utf8))
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        default: bytes.append(byte)
        }
    }
    bytes.append(UInt8(ascii: "\""))
}
