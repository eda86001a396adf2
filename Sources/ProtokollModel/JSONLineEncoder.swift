import Foundation
import Synchronization

/// Encodes a value as one line of JSON, byte for byte as `JSONEncoder` does with `.sortedKeys`
/// and `.withoutEscapingSlashes`, in a fraction of its time.
///
/// Every record of every document goes through here; Foundation's encoder spent more time on
/// a document's records than segmentation did, mostly on building and sorting dictionaries.
/// This one writes every string, number and boolean as JSON text into one byte buffer the
/// moment it is given, keeps each object's members as keys pointing into that buffer, and
/// orders keys by their UTF-8 bytes as Foundation does, sorting each list of keys once
/// (`KeyOrder`). Strings, numbers and booleans are told apart by their type, not by dynamic
/// casts. Extract line records, by far the most numerous, do not go through `Encodable` at
/// all (`TextLine.recordJSON`), nor do values that write their own members
/// (`JSONObjectWritable`: the public records). The tests compare the encoders on every record
/// type.
struct JSONLineEncoder {
    /// The value's JSON, without a newline.
    static func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        if let bytes = lineRecordJSON(value) { return bytes }
        // One conformance check per value written, not per member: the runtime caches it.
        if let writable = value as? any JSONObjectWritable, let bytes = writtenJSON(writable) { return bytes }
        let root = NodeEncoder(text: TextBuffer(), parent: nil, key: nil)
        try root.encodeValue(value)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(root.text.bytes.count + 256)
        root.write(to: &bytes)
        return bytes
    }

    /// The JSON `value.writeJSON` writes; `nil` when a number has no JSON form, which the
    /// generic path reports.
    private static func writtenJSON(_ value: some JSONObjectWritable) -> [UInt8]? {
        var json = JSONObjectWriter()
        json.object(value)
        return json.hasNonFiniteNumber ? nil : json.bytes
    }

    /// An extract line record, written field by field (`TextLine.recordJSON`); `nil` for
    /// any other value. The type is compared, not cast, as in `TextBuffer.scalar`.
    private static func lineRecordJSON<Value>(_ value: Value) -> [UInt8]? {
        guard ObjectIdentifier(Value.self) == ObjectIdentifier(ExtractRecord.self) else { return nil }
        let record = withUnsafePointer(to: value) {
            $0.withMemoryRebound(to: ExtractRecord.self, capacity: 1) { $0.pointee }
        }
        guard case .line(let line) = record else { return nil }
        return line.recordJSON()
    }
}

/// The JSON text of every scalar of one encoded value, end to end; nodes refer to slices.
private final class TextBuffer {
    var bytes: [UInt8] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    /// Appends what `write` writes and returns where it landed.
    func append(_ write: (inout [UInt8]) throws -> Void) rethrows -> Range<Int> {
        let start = bytes.count
        try write(&bytes)
        return start..<bytes.count
    }
}

/// A member or element: finished JSON text in the buffer, or a value that built its own node.
private enum Slot {
    case text(Range<Int>)
    case node(NodeEncoder)
}

/// The `Encoder` handed to each value's `encode(to:)`, and the node it fills.
private final class NodeEncoder: Encoder {
    enum Content {
        case empty
        case scalar(Range<Int>)
        case object([(key: String, value: Slot)])
        case array([Slot])
    }

    let text: TextBuffer
    /// Unowned: the parent holds its children, and a strong reference back would keep every
    /// record's tree alive.
    unowned let parent: NodeEncoder?
    /// This node's key in its parent, for `codingPath`, which only errors ask for.
    let key: (any CodingKey)?
    var content = Content.empty

    init(text: TextBuffer, parent: NodeEncoder?, key: (any CodingKey)?) {
        self.text = text
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: NodeEncoder? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // `PublicRecord` asks twice: once for its `type`, then its payload adds the rest.
        if case .object = content {} else { content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = content {} else { content = .array([]) }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// Makes this node `value`: its JSON text when it is a scalar, else whatever its own
    /// `encode(to:)` asks for.
    func encodeValue(_ value: some Encodable) throws {
        if let range = try text.scalar(value, codingPath: codingPath) {
            content = .scalar(range)
        } else {
            try value.encode(to: self)
        }
    }

    /// The slot of a nested value under `key`.
    func slot(for value: some Encodable, key: any CodingKey) throws -> Slot {
        if let range = try text.scalar(value, codingPath: codingPath + [key]) {
            return .text(range)
        }
        let child = NodeEncoder(text: text, parent: self, key: key)
        try value.encode(to: child)
        return .node(child)
    }

    func child(key: any CodingKey) -> NodeEncoder {
        NodeEncoder(text: text, parent: self, key: key)
    }

    func append(member key: String, _ value: Slot) {
        guard case .object(var members) = content else { return }
        content = .empty
        members.append((key, value))
        content = .object(members)
    }

    func append(element value: Slot) {
        guard case .array(var elements) = content else { return }
        content = .empty
        elements.append(value)
        content = .array(elements)
    }

    var elementCount: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }

    func write(to bytes: inout [UInt8]) {
        switch content {
        case .empty:
            // Foundation writes an object for a value that asked for no container.
            bytes.append(contentsOf: "{}".utf8)
        case .scalar(let range):
            bytes.append(contentsOf: text.bytes[range])
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (position, index) in KeyOrder.sorted(members.map(\.key)).enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(members[index].key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(members[index].value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private func write(_ slot: Slot, to bytes: inout [UInt8]) {
        switch slot {
        case .text(let range): bytes.append(contentsOf: text.bytes[range])
        case .node(let node): node.write(to: &bytes)
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.append(member: key.stringValue, .text(encoder.text.append { $0.append(contentsOf: "null".utf8) }))
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.append(member: key.stringValue, .text(encoder.text.append { appendString(value, to: &$0) }))
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.append(member: key.stringValue, .text(encoder.text.append { appendBool(value, to: &$0) }))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        encoder.append(member: key.stringValue, .text(encoder.text.append { appendInteger(value, to: &$0) }))
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        let text = try encoder.text.append { try appendNumber(value, codingPath: codingPath + [key], to: &$0) }
        encoder.append(member: key.stringValue, .text(text))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        encoder.append(member: key.stringValue, try encoder.slot(for: value, key: key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.child(key: key)
        encoder.append(member: key.stringValue, .node(nested))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = encoder.child(key: key)
        encoder.append(member: key.stringValue, .node(nested))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        superEncoder(forKey: Key(stringValue: "super")!)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let nested = encoder.child(key: key)
        encoder.append(member: key.stringValue, .node(nested))
        return nested
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.elementCount }

    private var nextKey: any CodingKey { IndexKey(intValue: count) }

    mutating func encodeNil() throws {
        encoder.append(element: .text(encoder.text.append { $0.append(contentsOf: "null".utf8) }))
    }

    mutating func encode(_ value: String) throws {
        encoder.append(element: .text(encoder.text.append { appendString(value, to: &$0) }))
    }

    mutating func encode(_ value: some Encodable) throws {
        encoder.append(element: try encoder.slot(for: value, key: nextKey))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = encoder.child(key: nextKey)
        encoder.append(element: .node(nested))
        return nested.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = encoder.child(key: nextKey)
        encoder.append(element: .node(nested))
        return nested.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let nested = encoder.child(key: nextKey)
        encoder.append(element: .node(nested))
        return nested
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws {
        encoder.content = .scalar(encoder.text.append { $0.append(contentsOf: "null".utf8) })
    }

    mutating func encode(_ value: String) throws {
        encoder.content = .scalar(encoder.text.append { appendString(value, to: &$0) })
    }

    mutating func encode(_ value: some Encodable) throws {
        try encoder.encodeValue(value)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension TextBuffer {
    /// Writes the JSON text of a string, number or boolean; `nil` for values that encode
    /// themselves. The type is compared, not cast: a dynamic cast per value cost more than
    /// writing it.
    func scalar<Value: Encodable>(_ value: Value, codingPath: @autoclosure () -> [any CodingKey]) throws -> Range<Int>?
    {
        func read<Known>(_ type: Known.Type) -> Known {
            withUnsafePointer(to: value) { $0.withMemoryRebound(to: Known.self, capacity: 1) { $0.pointee } }
        }
        let type = ObjectIdentifier(Value.self)
        if type == ObjectIdentifier(String.self) {
            let string = read(String.self)
            return append { appendString(string, to: &$0) }
        }
        if type == ObjectIdentifier(Int.self) {
            let number = read(Int.self)
            return append { appendInteger(number, to: &$0) }
        }
        if type == ObjectIdentifier(Bool.self) {
            let flag = read(Bool.self)
            return append { appendBool(flag, to: &$0) }
        }
        if type == ObjectIdentifier(Double.self) {
            let number = read(Double.self)
            return try append { try appendNumber(number, codingPath: codingPath(), to: &$0) }
        }
        if type == ObjectIdentifier(Float.self) {
            let number = read(Float.self)
            return try append { try appendNumber(number, codingPath: codingPath(), to: &$0) }
        }
        if type == ObjectIdentifier(Int64.self) { return append { appendInteger(read(Int64.self), to: &$0) } }
        if type == ObjectIdentifier(Int32.self) { return append { appendInteger(read(Int32.self), to: &$0) } }
        if type == ObjectIdentifier(UInt.self) { return append { appendInteger(read(UInt.self), to: &$0) } }
        if type == ObjectIdentifier(UInt64.self) { return append { appendInteger(read(UInt64.self), to: &$0) } }
        if type == ObjectIdentifier(UInt32.self) { return append { appendInteger(read(UInt32.self), to: &$0) } }
        return nil
    }
}

/// Digits straight into the buffer, as `description` spells them without building a string
/// first: every record has several integers, and every number's whole part is one.
func appendInteger<Sink: JSONByteSink & ~Copyable>(_ number: some BinaryInteger, to bytes: inout Sink) {
    guard let value = Int(exactly: number) else {
        bytes.append(utf8: number.description)
        return
    }
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
        var start = digits.count
        repeat {
            start -= 1
            digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
}

func appendBool<Sink: JSONByteSink & ~Copyable>(_ flag: Bool, to bytes: inout Sink) {
    bytes.append(utf8: flag ? "true" : "false")
}

/// Foundation writes a floating-point number as Swift's shortest round-trip description,
/// without a trailing ".0"; infinities and NaN have no JSON form.
private func appendNumber<Number: BinaryFloatingPoint & LosslessStringConvertible>(
    _ number: Number, codingPath: @autoclosure () -> [any CodingKey], to bytes: inout [UInt8]
) throws {
    guard number.isFinite else {
        throw EncodingError.invalidValue(
            number, EncodingError.Context(codingPath: codingPath(), debugDescription: "\(number) has no JSON form"))
    }
    appendFiniteNumber(number, to: &bytes)
}

/// `appendNumber` for a number known to be finite.
func appendFiniteNumber<Number: BinaryFloatingPoint & LosslessStringConvertible, Sink: JSONByteSink & ~Copyable>(
    _ number: Number, to bytes: inout Sink
) {
    if Number.self == Double.self, appendThousandths(Double(number), to: &bytes) { return }
    let text = number.description
    if text.utf8.count > 2, text.hasSuffix(".0") {
        bytes.append(utf8: String(text.dropLast(2)))
    } else {
        bytes.append(utf8: text)
    }
}

/// Writes a finite number that is a whole number of thousandths between 0.001 and 10⁹ in
/// magnitude (coordinates rounded to 1/100 point, sizes, scores) from its digits, and says
/// whether it did. What it writes is the description: a decimal of at most 15 significant
/// digits is the only string that short naming its double, and in that range Swift's
/// description has no exponent. Formatting the shortest round-trip digits in general took
/// most of the time of writing a line record.
private func appendThousandths<Sink: JSONByteSink & ~Copyable>(_ number: Double, to bytes: inout Sink) -> Bool {
    let magnitude = number.magnitude
    guard magnitude >= 0.001, magnitude < 1e9 else { return false }
    let thousandths = (number * 1000).rounded()
    // The quotient of two exact integers is the double nearest the decimal they spell.
    guard thousandths / 1000 == number else { return false }
    var whole = Int(thousandths.magnitude)
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var fraction = whole % 1000
    whole /= 1000
    appendInteger(whole, to: &bytes)
    guard fraction != 0 else { return true }
    bytes.append(UInt8(ascii: "."))
    var divisor = 100
    while fraction != 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / divisor))
        fraction %= divisor
        divisor /= 10
    }
    return true
}

/// The order an object's members are written in, remembered per list of keys: every value of
/// a type gives its keys in the same order, so each list is sorted once per process rather
/// than once per record.
private enum KeyOrder {
    /// Enough for every record type with room to spare; dictionaries with keys from the
    /// data could make new lists without end, and past this they are sorted every time.
    static let capacity = 4096
    static let known = Mutex<[[String]: [Int]]>([:])

    /// The positions of `keys` in sorted order.
    static func sorted(_ keys: [String]) -> [Int] {
        // Strings compare equal when canonically equivalent, but their bytes, which set the
        // order, may differ: only lists of ASCII keys are looked up.
        let cacheable = keys.allSatisfy { key in key.utf8.allSatisfy { $0 < 0x80 } }
        if cacheable, let order = known.withLock({ $0[keys] }) { return order }
        let order = keys.indices.sorted { utf8Precedes(keys[$0], keys[$1]) }
        if cacheable {
            known.withLock { orders in
                if orders.count < capacity { orders[keys] = order }
            }
        }
        return order
    }
}

/// Foundation's key order: the keys' UTF-8 bytes compared as unsigned bytes.
func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
    var lhs = lhs
    var rhs = rhs
    return lhs.withUTF8 { left in
        rhs.withUTF8 { right in
            let common = min(left.count, right.count)
            let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
            return order < 0 || (order == 0 && left.count < right.count)
        }
    }
}

/// A JSON string as Foundation escapes it: quotes, backslashes and control characters only.
/// Runs of bytes that need no escape are copied whole, found eight bytes at a time.
func appendString<Sink: JSONByteSink & ~Copyable>(_ text: String, to bytes: inout Sink) {
    var text = text
    bytes.append(UInt8(ascii: "\""))
    text.withUTF8 { utf8 in
        guard let base = UnsafeRawPointer(utf8.baseAddress) else { return }
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if utf8.count - index >= 8,
                !mayNeedEscape(base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte, to: &bytes)
                runStart = index + 1
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }
    bytes.append(UInt8(ascii: "\""))
}

/// Whether any of eight bytes is a control character, a quote or a backslash: the usual
/// test for a zero byte, on the bytes themselves (below 0x20) and on them compared with each.
private func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let control = (word &- 0x20 &* ones) & ~word & 0x8080_8080_8080_8080 != 0
    return control || hasZeroByte(word ^ (0x22 &* ones)) || hasZeroByte(word ^ (0x5C &* ones))
}

/// The escape for one byte, written a byte at a time: building the escape as an array cost
/// hundreds of instructions per escape, and body text has one per line break.
private func appendEscape<Sink: JSONByteSink & ~Copyable>(_ byte: UInt8, to bytes: inout Sink) {
    bytes.append(UInt8(ascii: "\\"))
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
    case 0x0A: bytes.append(UInt8(ascii: "n"))
    case 0x0D: bytes.append(UInt8(ascii: "r"))
    case 0x09: bytes.append(UInt8(ascii: "t"))
    case 0x08: bytes.append(UInt8(ascii: "b"))
    case 0x0C: bytes.append(UInt8(ascii: "f"))
    default:
        bytes.append(UInt8(ascii: "u"))
        bytes.append(UInt8(ascii: "0"))
        bytes.append(UInt8(ascii: "0"))
        bytes.append(hexDigit(byte >> 4))
        bytes.append(hexDigit(byte & 0xF))
    }
}

/// The lowercase hexadecimal digit for 0...15, as Foundation writes `\u001f`.
private func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
}
