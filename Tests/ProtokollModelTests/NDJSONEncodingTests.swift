import Foundation
import ProtokollModel
import TestSupport
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

/// `JSONObjectWriter` against Foundation for a type that writes itself: every kind of member,
/// set and `nil`, nested objects and arrays of them, a dictionary with keys to sort.
struct JSONObjectWriterTests {
    struct Written: JSONObjectWritable {
        struct Child: JSONObjectWritable {
            var name: String
            var score: Double?

            enum CodingKeys: CodingKey { case name, score }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(score, forKey: .score)
            }

            func writeJSON(to json: inout JSONObjectWriter) {
                json.string("name", name)
                json.number("score", score)
            }
        }

        var text: String
        var missingText: String?
        var count: Int
        var missingCount: Int?
        var flag: Bool
        var missingFlag: Bool?
        var number: Double
        var missingNumber: Double?
        var names: [String]
        var versions: [String: String]
        var child: Child?
        var children: [Child]

        enum CodingKeys: CodingKey {
            case text, missingText, count, missingCount, flag, missingFlag, number, missingNumber, names, versions
            case child, children
        }

        /// Optionals as `null`, as the public records' `@Null` writes them.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try container.encode(missingText, forKey: .missingText)
            try container.encode(count, forKey: .count)
            try container.encode(missingCount, forKey: .missingCount)
            try container.encode(flag, forKey: .flag)
            try container.encode(missingFlag, forKey: .missingFlag)
            try container.encode(number, forKey: .number)
            try container.encode(missingNumber, forKey: .missingNumber)
            try container.encode(names, forKey: .names)
            try container.encode(versions, forKey: .versions)
            try container.encode(child, forKey: .child)
            try container.encode(children, forKey: .children)
        }

        func writeJSON(to json: inout JSONObjectWriter) {
            json.object("child", child)
            json.objects("children", children)
            json.integer("count", count)
            json.bool("flag", flag)
            json.integer("missingCount", missingCount)
            json.bool("missingFlag", missingFlag)
            json.number("missingNumber", missingNumber)
            json.string("missingText", missingText)
            json.strings("names", names)
            json.number("number", number)
            json.string("text", text)
            json.dictionary("versions", versions)
        }
    }

    private static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static let keys = ["a", "A", "a_b", "ab", "a1", "a10", "page", "page_count", "pages", "Z", "_x", "é", "ü", ""]

    static let samples = [
        Written(
            text: "\"a/b\" \\ \n\t\u{1} åäö 😀", missingText: "x", count: -42, missingCount: Int.max, flag: true,
            missingFlag: false, number: 2.0 / 3, missingNumber: 93.4, names: ["ett", "två\r"],
            versions: Dictionary(uniqueKeysWithValues: keys.map { ($0, "v\($0)") }),
            child: Written.Child(name: "barn", score: 0.001),
            children: [.init(name: "a", score: nil), .init(name: "b", score: 1e-7), .init(name: "c", score: 1e21)]),
        Written(
            text: "", missingText: nil, count: 0, missingCount: nil, flag: false, missingFlag: nil, number: -0.0,
            missingNumber: nil, names: [], versions: [:], child: nil, children: []),
    ]

    @Test(arguments: samples)
    func writtenMatchesFoundation(value: Written) throws {
        let expected = try Self.foundation(value)
        #expect(String(decoding: try NDJSON.line(value), as: UTF8.self) == expected)
        var json = JSONObjectWriter()
        json.object(value)
        json.newline()
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    /// Random strings written into a buffer that starts at one byte, so that it grows many
    /// times within strings and between members: control characters, quotes, backslashes and
    /// slashes among Swedish letters, combining accents, "\r\n", the Kelvin sign, a soft
    /// hyphen, a ligature, NBSP and emoji, in runs long enough for the eight-byte steps.
    @Test func randomStringsMatchFoundation() throws {
        let pieces = [
            "a", "Budget ", "\"", "\\", "/", "\n", "\r\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "å", "Ö", "e\u{301}",
            "\u{212A}", "\u{AD}", "ﬁ", "\u{A0}", "😀", "§ 12", String(repeating: "x", count: 17),
        ]
        var generator = SplitMix64(seed: 21)
        for _ in 0..<500 {
            let texts = (0..<3).map { _ in
                (0..<(generator.next() % 24)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            }
            let value = Written(
                text: texts[0], missingText: nil, count: Int(generator.next() % 1000) - 500, missingCount: nil,
                flag: true, missingFlag: nil, number: 0.5, missingNumber: nil, names: texts,
                versions: [texts[1]: texts[2]], child: .init(name: texts[2], score: nil), children: [])
            var json = JSONObjectWriter(capacity: 1)
            json.object(value)
            json.newline()
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.foundation(value)), "\(texts)")
        }
    }

    /// A long string written twice is copied the second time; a string equal to it but
    /// stored apart, and one as long but different, are written on their own.
    @Test func repeatedLongStringsMatchFoundation() throws {
        let long = String(repeating: "Budget \"2024\"\n\\ åäö ", count: 20)
        let equal = String(decoding: Array(long.utf8), as: UTF8.self)
        let other = String(long.reversed())
        for (first, second) in [(long, long), (long, equal), (long, other), (other, long), (other, other)] {
            let value = Written(
                text: second, missingText: nil, count: 0, missingCount: nil, flag: false, missingFlag: nil,
                number: 1, missingNumber: nil, names: [], versions: [:], child: .init(name: first, score: nil),
                children: [])
            var json = JSONObjectWriter(capacity: 1)
            json.object(value)
            json.newline()
            #expect(String(decoding: json.bytes, as: UTF8.self) == (try Self.foundation(value)))
        }
    }

    /// A number with no JSON form is noted, and `NDJSON.line` throws for it as Foundation does.
    @Test func nonFiniteNumberThrows() throws {
        var value = Self.samples[0]
        value.children[1].score = -.infinity
        var json = JSONObjectWriter()
        json.object(value)
        let noted = json.hasNonFiniteNumber
        #expect(noted)
        #expect(throws: EncodingError.self) { try NDJSON.line(value) }
    }
}
