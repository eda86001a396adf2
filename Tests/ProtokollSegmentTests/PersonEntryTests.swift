import Foundation
import Testing

@testable import ProtokollSegment

/// Every entry shape from the conventions and the seeds.
struct PersonEntryTests {
    @Test func partyRoleAndPartialAttendance() throws {
        let chair = try #require(PersonEntry.parse("Anders Lund (M) ordförande"))
        #expect(chair.person.name == "Anders Lund")
        #expect(chair.person.party_code == "M")
        #expect(chair.person.party_scheme == "national")
        #expect(chair.person.person_key == "anders-lund|M")
        #expect(chair.roles == ["chair"])

        let partial = try #require(PersonEntry.parse("Jimmie Andersson (M), §§12 - 17"))
        #expect(partial.presence.map(\.from) == ["12"])
        #expect(partial.presence.map(\.to) == ["17"])
        #expect(partial.presence.first?.kind == "items")
    }

    @Test func lowerCasePartyPlaceAndSession() throws {
        let entry = try #require(
            PersonEntry.parse("Carin Nilsson (s) Umeå kommun, ordförande (frånvarande eftermiddag)"))
        #expect(entry.person.party_raw == "(s)")
        #expect(entry.person.party_code == "S")
        #expect(entry.person.represents == "Umeå kommun")
        #expect(entry.roles == ["chair"])
        #expect(entry.presence.first?.kind == "session")
        #expect(entry.presence.first?.present == false)
    }

    @Test func substituteWithPlaceBeforeRole() throws {
        let entry = try #require(PersonEntry.parse("Ing-Marie Lindqvist (c) Vännäs ersättare"))
        #expect(entry.person.name == "Ing-Marie Lindqvist")
        #expect(entry.person.represents == "Vännäs")
        #expect(entry.roles == ["substitute"])
    }

    @Test func officialWithTitleAndItems() throws {
        let entry = try #require(
            PersonEntry.parse("Mats Wennstig, projektledare Revidering av hemsjukvårdsavtalet, Region Blekinge §16"))
        #expect(entry.person.name == "Mats Wennstig")
        #expect(entry.person.party_code == nil)
        #expect(entry.person.party_scheme == "unknown")
        #expect(entry.title == "projektledare Revidering av hemsjukvårdsavtalet")
        #expect(entry.person.represents == "Region Blekinge")
        #expect(entry.presence.first?.from == "16")
    }

    @Test func tabSeparatedAndPartyFirstAndHistoricalCodes() throws {
        let row = try #require(PersonEntry.parse("Lena Karlsson\tRegion Örebro län (punkt 7)"))
        #expect(row.person.represents == "Region Örebro län")
        #expect(row.presence.first?.from == "7")

        let first = try #require(PersonEntry.parse("(KD) Ingemar Bergquist"))
        #expect(first.person.name == "Ingemar Bergquist")
        #expect(first.person.party_code == "KD")

        #expect(PersonEntry.parse("Eva Ek (fp)")?.person.party_code == "L")
        let local = try #require(PersonEntry.parse("Per Holm (D)"))
        #expect(local.person.party_code == "D")
        #expect(local.person.party_scheme == "local")

        let table = try #require(PersonEntry.parse("Bo-Anders Johansson\t(s)\tStorumans kommun"))
        #expect(table.person.party_code == "S")
        #expect(table.person.represents == "Storumans kommun")
    }

    @Test(arguments: ["-", "Närvarolista sist i dokumentet", "Protokollet justerades.", ""])
    func notAPerson(text: String) {
        #expect(PersonEntry.parse(text) == nil)
    }

    /// The person key folds Latin-1 names without Foundation; it must fold them as Foundation does.
    @Test func keyFoldsLatinNamesAsFoundationDoes() {
        func foundationKey(_ name: String) -> String {
            name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "sv_SE"))
                .lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-")
        }
        for scalar in (0..<0x100).compactMap(Unicode.Scalar.init) {
            #expect(
                PersonEntry.key("A\(scalar)b") == foundationKey("A\(scalar)b"), "U+\(String(scalar.value, radix: 16))")
        }
        for name in ["Åsa Larsson", "ÖSTEN ÄNGQVIST", "Björn Ståhl-Öberg", "Müller, José", "Straße Ørjan Æbbe"] {
            #expect(PersonEntry.key(name) == foundationKey(name))
        }
        #expect(PersonEntry.key("Åsa Larsson") == "asa-larsson")
    }

    /// Keys cut at scalars that are not letters or numbers, as `Character` decides it.
    @Test func keyCutsWordsAsCharactersDo() {
        var disagreements: [UInt32] = []
        for scalar in (0..<0x10000).compactMap(Unicode.Scalar.init) {
            let character = Character(scalar)
            if PersonEntry.isLetterOrNumber(scalar) != (character.isLetter || character.isNumber) {
                disagreements.append(scalar.value)
            }
        }
        #expect(disagreements.isEmpty, "disagree at \(disagreements.prefix(10).map { String($0, radix: 16) })")
        #expect(PersonEntry.key("Anna-Lena  Öberg (s)") == "anna-lena-oberg-s")
    }
}
