/// A value whose JSON object can be written member by member, without `Encodable`.
///
/// `JSONLineEncoder` writes such a value through `writeJSON(to:)` instead of its
/// `encode(to:)`; the two must give the same bytes, which the tests check against
/// Foundation's `JSONEncoder`.
public protocol JSONObjectWritable: Encodable {
    /// Writes every member `encode(to:)` encodes, in sorted key order, each with one call on
    /// `json` (`json.string("name", name)`).
    func writeJSON(to json: inout JSONObjectWriter)
}

/// Writes JSON objects member by member, straight into bytes, as `JSONEncoder` writes them
/// with `.sortedKeys` and `.withoutEscapingSlashes`.
///
/// Going through `Encodable` costs a container and a node per nested value and a sort per
/// object; the public records are written for every document, and that path took about
/// 70,000 instructions per record. Here each type lists its members once, already in sorted
/// order (UTF-8 byte order, as Foundation sorts: `char_end` before `char_start`,
/// `page` before `page_label`), and each value's text goes straight into `bytes`. Debug
/// builds check the order.
///
/// A `nil` optional is written as `null`, as the records' `@Null` wrapper encodes it: no
/// public record leaves a key out.
public struct JSONObjectWriter: ~Copyable {
    /// The JSON written so far.
    private var buffer: JSONBuffer

    /// A copy of the JSON written so far.
    public var bytes: [UInt8] { Array(buffer.bytes) }

    /// Hands `body` the JSON written so far, without copying it.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(buffer.bytes)
    }

    /// Whether a number had no JSON form (infinity or NaN). `bytes` are then not valid JSON;
    /// the caller encodes the value through `Encodable` instead, which throws the error
    /// Foundation throws, with its coding path.
    public private(set) var hasNonFiniteNumber = false

    /// The last long string written and where its JSON is in `buffer`. An agenda item's text
    /// is its provenance's quote, the same string, a kilobyte on average; written again, its
    /// JSON is copied rather than escaped again. Holding the string keeps its storage, so no
    /// other string can come to lie at its address.
    private var lastLongString: (text: String, json: Range<Int>)?

    /// No member written yet in the innermost open object: no comma before the next.
    private var atFirstMember = true

    /// The innermost open object's last key, to check the order in debug builds.
    private var previousKey: StaticString?

    /// - Parameter capacity: Bytes to reserve, to grow the buffer less often.
    public init(capacity: Int = 1024) {
        buffer = JSONBuffer(capacity: capacity)
    }

    /// Writes `value` as an object: `{`, its members, `}`.
    public mutating func object(_ value: some JSONObjectWritable) {
        let outer = (atFirstMember, previousKey)
        atFirstMember = true
        previousKey = nil
        buffer.append(UInt8(ascii: "{"))
        value.writeJSON(to: &self)
        buffer.append(UInt8(ascii: "}"))
        (atFirstMember, previousKey) = outer
    }

    /// Ends an NDJSON line.
    public mutating func newline() {
        buffer.append(0x0A)
    }

    // MARK: Members

    public mutating func string(_ key: StaticString, _ value: String) {
        member(key)
        let isLong = value.utf8.count >= 256
        if isLong, let last = lastLongString, Self.shareStorage(last.text, value) {
            buffer.appendCopy(of: last.json)
            return
        }
        let start = buffer.count
        appendString(value, to: &buffer)
        if isLong { lastLongString = (value, start..<buffer.count) }
    }

    /// Whether two strings are one string's storage: as many bytes, at the same address.
    private static func shareStorage(_ first: String, _ second: String) -> Bool {
        guard first.utf8.count == second.utf8.count else { return false }
        let address = first.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
        return address != nil && address == second.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
    }

    public mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return null(key) }
        string(key, value)
    }

    public mutating func integer(_ key: StaticString, _ value: Int) {
        member(key)
        appendInteger(value, to: &buffer)
    }

    public mutating func integer(_ key: StaticString, _ value: Int?) {
        guard let value else { return null(key) }
        integer(key, value)
    }

    public mutating func bool(_ key: StaticString, _ value: Bool) {
        member(key)
        appendBool(value, to: &buffer)
    }

    public mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return null(key) }
        bool(key, value)
    }

    public mutating func number(_ key: StaticString, _ value: Double) {
        member(key)
        if value.isFinite {
            appendFiniteNumber(value, to: &buffer)
        } else {
            hasNonFiniteNumber = true
        }
    }

    public mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value else { return null(key) }
        number(key, value)
    }

    public mutating func object(_ key: StaticString, _ value: some JSONObjectWritable) {
        member(key)
        object(value)
    }

    public mutating func object(_ key: StaticString, _ value: (some JSONObjectWritable)?) {
        guard let value else { return null(key) }
        object(key, value)
    }

    public mutating func strings(_ key: StaticString, _ values: [String]) {
        member(key)
        buffer.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(value, to: &buffer)
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// The values by index: this generic function is not specialized for the records' types
    /// outside this module, and `enumerated()` made it build the metadata of its sequence
    /// types on every call, even for the empty arrays most records hold.
    public mutating func objects(_ key: StaticString, _ values: [some JSONObjectWritable]) {
        member(key)
        buffer.append(UInt8(ascii: "["))
        for index in values.indices {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            object(values[index])
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// A dictionary as an object; its keys come from the data, so they are sorted here.
    public mutating func dictionary(_ key: StaticString, _ values: [String: String]) {
        member(key)
        buffer.append(UInt8(ascii: "{"))
        for (index, name) in values.keys.sorted(by: utf8Precedes).enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendString(name, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            appendString(values[name] ?? "", to: &buffer)
        }
        buffer.append(UInt8(ascii: "}"))
    }

    private mutating func null(_ key: StaticString) {
        member(key)
        buffer.append(utf8: "null")
    }

    /// Writes the comma before all but the first member, then `"key":`.
    private mutating func member(_ key: StaticString) {
        assert(previousKey.map { staticPrecedes($0, key) } ?? true, "\(key) written after \(previousKey!)")
        previousKey = key
        if atFirstMember {
            atFirstMember = false
        } else {
            buffer.append(UInt8(ascii: ","))
        }
        buffer.append(UInt8(ascii: "\""))
        // Not `utf8Start`: a one-letter key such as "v" may be stored as a scalar.
        key.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UInt8(ascii: ":"))
    }
}

/// `utf8Precedes` for keys written in the source: Foundation's order, by UTF-8 bytes.
private func staticPrecedes(_ lhs: StaticString, _ rhs: StaticString) -> Bool {
    lhs.withUTF8Buffer { left in rhs.withUTF8Buffer { right in left.lexicographicallyPrecedes(right) } }
}
