import ProtokollModel
import Testing

@testable import ProtokollNormalize

struct TextRepairTests {
    @Test func suspendedCompoundKeepsItsHyphen() {
        let repair = TextRepair(documentText: ["hälsovård nämns", "hälso- och sjukvård"])
        #expect(repair.repair(["regionens hälso-", "och sjukvård"]) == ["regionens hälso-", "och sjukvård"])
        #expect(repair.repair(["Kultur-", "eller fritidsnämnden"]) == ["Kultur-", "eller fritidsnämnden"])
    }

    @Test func lineEndHyphenJoinsWithEvidence() {
        let repair = TextRepair(documentText: ["sjukvården i länet", "FoU-avtal 2022"])
        #expect(repair.repair(["hela sjuk-", "vården är", "klar"]) == ["hela sjukvården", "är", "klar"])
        #expect(repair.repair(["nytt FoU-", "avtal"]) == ["nytt FoU-avtal", ""])
    }

    @Test func lineEndHyphenWithoutEvidenceIsKept() {
        let repair = TextRepair(documentText: ["något helt annat"])
        #expect(repair.repair(["barn-", "konventionen gäller"]) == ["barn-", "konventionen gäller"])
        // A capital after the hyphen is a new word, not a continuation.
        #expect(repair.repair(["Region-", "Blekinge"]) == ["Region-", "Blekinge"])
    }

    @Test func cleaningMapsInvisibleAndCompositeCharacters() {
        #expect(TextRepair.clean("sjuk\u{00AD}vård") == "sjukvård")
        #expect(TextRepair.clean("e\u{FB03}cient \u{FB01}nns") == "efficient finns")
        #expect(TextRepair.clean("a\u{0308}ldre") == "äldre")
        #expect(TextRepair.clean("  Anders\u{00A0}\u{00A0}Lund   (M) ") == "Anders Lund (M)")
        #expect(TextRepair.clean("Namn \t Parti") == "Namn\tParti")
        #expect(TextRepair.clean("\u{F0B7} Otydliga ansvarsgränser") == "• Otydliga ansvarsgränser")
        #expect(TextRepair.clean("▪ punkt") == "• punkt")
    }

    /// The one-pass cleaning of lines whose scalars are their characters gives what the
    /// character-by-character cleaning gives, on lines mixing spaces, no-break spaces, line
    /// breaks, tabs, soft hyphens, bullets and letters beyond ASCII.
    @Test func scalarCleaningMatchesCharacterCleaning() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "1", "§", " ", " ", "\t", "\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{AD}", "å", "Ö", "é",
            "–", "•", "·", "▪", "\u{F0B7}", "€", "→",
        ]
        var generator = SystemRandomNumberGenerator()
        var compared = 0
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                scalars.append(alphabet.randomElement(using: &generator)!)
            }
            let line = String(scalars)
            guard line.scalarsAreCharacters else { continue }
            compared += 1
            #expect(TextRepair.cleanScalars(line) == TextRepair.cleanCharacters(line), "\(Array(line.unicodeScalars))")
        }
        #expect(compared > 10_000)
    }
}
