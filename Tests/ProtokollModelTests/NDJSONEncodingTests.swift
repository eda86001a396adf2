import Foundation
import ProtokollModel
import Testing

/// `NDJSON.line` writes its own JSON; these tests hold it to Foundation's `JSONEncoder` with
/// the options the contract names (sorted keys, unescaped slashes), byte for byte.
struct NDJSONEncodingTests {
    struct Sample: Encodable {
        var text: String
        var number: Double
        var count: Int
        var flag: Bool
        var missing: String? = nil
        var numbers: [Double] = []
        var nested: [String: [Int]] = [:]
        var children: [Sample] = []
        var empty = Empty()
    }

    struct Empty: Encodable {}

    private static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    private static func ours(_ value: some Encodable) throws -> String {
        String(decoding: try NDJSON.line(value), as: UTF8.self)
    }

    @Test func stringsAreEscapedAsFoundationEscapesThem() throws {
        var all = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) }
        all += ["a/b", "å ä ö", "\u{2028}\u{2029}", "😀", "e\u{301}", "\r\n", "\u{FEFF}", "\u{7F}"]
        for text in all {
            let value = Sample(text: text, number: 0, count: 0, flag: false)
            #expect(try Self.ours(value) == Self.foundation(value), "text \(Array(text.unicodeScalars))")
        }
    }

    /// Runs without escapes are skipped eight bytes at a time; an escape at any place in or
    /// across those words, among letters beyond ASCII, is still found.
    @Test func escapesAreFoundAtEveryOffset() throws {
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\t"] {
            for filler in ["a", "å", "\u{7F}", " "] {
                for position in 0..<20 {
                    var text = Array(repeating: filler, count: 20)
                    text[position] = special
                    let value = Sample(text: text.joined(), number: 0, count: 0, flag: false)
                    #expect(try Self.ours(value) == Self.foundation(value), "\(special) at \(position)")
                }
            }
        }
    }

    @Test func numbersAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 2026)
        var numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 595.28, 841.89, 1e15, 1e16, 1e21, 1e-7, 5e-324, .greatestFiniteMagnitude,
            1.0 / 3, 123_456_789.125, 0.001, -0.001, 0.0015, 0.0009995, 999_999_999.999, 1e9, -1e9, 0.0001,
        ]
        for _ in 0..<2000 {
            let bits = generator.next()
            let magnitude = Double(bits % 2000) / 100 - 10
            numbers.append(Double(Int64(bitPattern: bits) % 1_000_000) * pow(10, magnitude.rounded()))
            numbers.append((Double(bits % 100_000) / 100).rounded() / 100 * 100)
            // Whole thousandths, which are written from their digits, up to and past 10⁹.
            numbers.append(Double(Int64(bitPattern: bits) % 2_000_000_000_000) / 1000)
            numbers.append(Double(Int64(bitPattern: bits) % 20_000) / 1000)
        }
        let value = Sample(text: "", number: 1, count: Int.min, flag: true, numbers: numbers)
        #expect(try Self.ours(value) == Self.foundation(value))
        for count in [0, 1, -1, Int.max, Int.min] {
            let value = Sample(text: "", number: 0, count: count, flag: false)
            #expect(try Self.ours(value) == Self.foundation(value))
        }
    }

    /// Integers are written digit by digit; every width and sign as Foundation writes it.
    @Test func integersAreWrittenAsFoundationWritesThem() throws {
        struct Integers: Encodable {
            var ints: [Int]
            var unsigned: [UInt64]
            var narrow: [Int32]
        }
        var generator = SplitMix64(seed: 99)
        var ints = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.min + 1]
        var unsigned: [UInt64] = [0, UInt64(Int.max), UInt64(Int.max) + 1, .max]
        for _ in 0..<2000 {
            let bits = generator.next()
            ints.append(Int(bitPattern: UInt(bits)) >> Int(bits % 63))
            unsigned.append(bits >> (bits % 64))
        }
        let value = Integers(ints: ints, unsigned: unsigned, narrow: [.min, -1, 0, .max])
        #expect(try Self.ours(value) == Self.foundation(value))
    }

    @Test func keysAreSortedAsFoundationSortsThem() throws {
        let keys = ["a", "A", "a_b", "ab", "a1", "a10", "a2", "page", "page_count", "pages", "Z", "_x", "é", "ü"]
        let value = Sample(
            text: "x", number: 2.5, count: 3, flag: true,
            nested: Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, [$0, $0 * 2]) }),
            children: [Sample(text: "child", number: -1.25, count: 1, flag: false, missing: "here")])
        #expect(try Self.ours(value) == Self.foundation(value))
    }

    @Test func infinityIsAnErrorNotText() {
        #expect(throws: EncodingError.self) {
            try NDJSON.line(Sample(text: "", number: .infinity, count: 0, flag: true))
        }
        #expect(throws: EncodingError.self) { try NDJSON.line(Sample(text: "", number: .nan, count: 0, flag: true)) }
    }
}

/// A small seeded generator, so the numbers tried are the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
