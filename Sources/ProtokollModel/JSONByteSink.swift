/// Where JSON text is written: an array, or the buffer `JSONObjectWriter` owns.
///
/// The functions that spell values (`appendString`, `appendInteger`, …) are generic over it,
/// so the line records written into arrays and the public records written into the writer's
/// buffer share one spelling of every value.
protocol JSONByteSink: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension JSONByteSink where Self: ~Copyable {
    /// Appends the UTF-8 of `text` (a literal, a number's description).
    mutating func append(utf8 text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}

extension Array: JSONByteSink where Element == UInt8 {}

/// Bytes in memory of their own, grown by doubling.
///
/// A document's records are written a few bytes at a time, a dozen appends per member; an
/// array checks on every append that its storage is not shared with another array, which
/// cost more than the bytes themselves. Owned by one writer (it cannot be copied) and freed
/// with it.
struct JSONBuffer: ~Copyable, JSONByteSink {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The bytes written so far, valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start, count: count)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        if capacity - count < bytes.count { grow(toHold: bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a copy of bytes written before.
    mutating func appendCopy(of range: Range<Int>) {
        if capacity - count < range.count { grow(toHold: range.count) }
        (start + count).initialize(from: start + range.lowerBound, count: range.count)
        count += range.count
    }

    private mutating func grow(toHold extra: Int) {
        capacity = max(capacity * 2, count + extra)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.initialize(from: start, count: count)
        start.deallocate()
        start = larger
    }
}
