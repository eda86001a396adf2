import Foundation
import TestSupport
import Testing

@testable import ProtokollModel

/// The shortcuts that answer character questions from UTF-8 bytes, held to the plain code they
/// stand in for on random texts of pieces that stand alone and pieces that join: combining
/// marks, the first scalars from U+0300 (lead byte 0xCC) against the last below it (0xCB),
/// carriage returns at every offset of an eight-byte word, letters that share a lead byte
/// ("ä", "å"), a Kelvin sign equivalent to "K", emoji and joiners.
struct ByteShortcutTests {
    private static let pieces = [
        "a", "b", "K", " ", "\t", "ä", "å", "Ö", "é", "e", "\u{301}", "\u{300}", "\u{2FF}", "\u{338}", "\u{219A}",
        "\u{2190}", "\r", "\n", "\r\n", "–", "§", "©", "\u{200D}", "\u{212A}", "😀", "🇸🇪", "\u{E000}", "abcdefgh",
        "ijklmnopqrstuvw", "åäöåäöåä",
    ]

    private static func text(upTo count: UInt64, _ generator: inout SplitMix64) -> String {
        (0..<(generator.next() % (count + 1))).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
            .joined()
    }

    /// `scalarsAreCharacters`, eight bytes at a time, answers as asking `standsAlone` of each
    /// scalar in turn.
    @Test func scalarsAreCharactersAgreesWithEachScalar() {
        var generator = SplitMix64(seed: 31)
        var texts = ["", "\r", "abcdefg\r", "abcdefgh\r", "abcdefghi\u{300}", "åäöåäöå\u{2FF}", "\u{300}abcdefgh"]
        for _ in 0..<8000 { texts.append(Self.text(upTo: 10, &generator)) }
        for text in texts {
            #expect(
                text.scalarsAreCharacters == text.unicodeScalars.allSatisfy(standsAlone), "\(text.debugDescription)")
        }
    }

    /// Every scalar from U+0000 to U+FFFF, alone and after seven ASCII bytes, so that it falls
    /// inside a word read at once and at a word's end.
    @Test func scalarsAreCharactersAgreesForEveryBMPScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "abcdefg\(scalar)", "\(scalar)abcdefghijklmnop", "åäö\(scalar)åäö"] {
                if text.scalarsAreCharacters != text.unicodeScalars.allSatisfy(standsAlone) {
                    disagreements.append(value)
                }
            }
        }
        #expect(disagreements.isEmpty, "disagree at \(disagreements.prefix(10).map { String($0, radix: 16) })")
    }

    /// Prefixes and suffixes answered from the bytes around the first difference agree with
    /// `hasPrefix` and `hasSuffix`, which compare characters.
    @Test func affixesAgreeWithCharacterAffixes() {
        var generator = SplitMix64(seed: 37)
        var cases = [
            ("e\u{301}x", "é"), ("éx", "e\u{301}"), ("a\u{200D}©", "a"), ("ab", "a\u{301}"), ("a", "a\u{301}"),
            ("ä", "å"), ("xä", "å"), ("K", "\u{212A}"), ("\u{212A}", "K"), ("\r\n", "\n"), ("", "a"), ("a", ""),
        ]
        for _ in 0..<12000 {
            let text = Self.text(upTo: 6, &generator)
            let affix = Self.text(upTo: 3, &generator)
            cases.append((text, affix))
            // Affixes that share bytes with the text, so that differences fall inside it.
            let scalars = Array(text.unicodeScalars)
            let cut = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count + 1))
            let extra = Self.text(upTo: 1, &generator)
            var head = String.UnicodeScalarView(scalars[..<cut])
            head.append(contentsOf: extra.unicodeScalars)
            var tail = String.UnicodeScalarView(extra.unicodeScalars)
            tail.append(contentsOf: scalars[cut...])
            cases.append((text, String(head)))
            cases.append((text, String(tail)))
        }
        for (text, affix) in cases {
            let label = "\(text.debugDescription) / \(affix.debugDescription)"
            #expect(text.hasTextPrefix(affix) == text.hasPrefix(affix), "\(label)")
            #expect(text.hasTextSuffix(affix) == text.hasSuffix(affix), "\(label)")
        }
    }

    /// Searches that look at the needle only when its bytes are missing find what Foundation
    /// finds.
    @Test func searchesAgreeWithFoundation() {
        var generator = SplitMix64(seed: 41)
        var cases = [("café", "e\u{301}"), ("cafe\u{301}", "é"), ("K", "\u{212A}"), ("a\r\nb", "\n"), ("ab", "")]
        for _ in 0..<6000 {
            let text = Self.text(upTo: 8, &generator)
            cases.append((text, Self.text(upTo: 2, &generator)))
            let scalars = Array(text.unicodeScalars)
            let start = scalars.isEmpty ? 0 : Int(generator.next() % UInt64(scalars.count))
            let end = min(scalars.count, start + Int(generator.next() % 4))
            cases.append((text, String(String.UnicodeScalarView(scalars[start..<end]))))
        }
        for (text, needle) in cases {
            let search = SearchableText(text)
            let expected = text.range(of: needle)
            let label = "\(text.debugDescription) / \(needle.debugDescription)"
            #expect(search.range(of: needle) == expected, "\(label)")
            #expect(search.contains(needle) == (expected != nil), "\(label)")
            #expect(text.textRange(of: needle) == expected, "\(label)")
        }
    }
}
