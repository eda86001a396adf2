import ProtokollSegment
import Testing

/// Segmentation traps from the conventions, as inline text with the expected records beside.
struct SegmentationCaseTests {
    /// A table of contents lists the items first; only the real headings are items, and a
    /// reference to an earlier meeting's paragraph inside an item is body text.
    @Test func tableOfContentsAndReferencesAreNotItems() {
        let result = SegmentedDocument(blocks: [
            "#Ärendeförteckning", "• §113 Godkännande av föredragningslistan", "• §114 Föregående protokoll",
            "#§ 113", "#Godkännande av föredragningslistan", "#LSVO:s ledningsgrupp beslutar",
            "att godkänna föredragningslistan", "#§ 114", "#Föregående protokoll",
            "#§105 God och nära vård - Rekrytering: Frågan om en av kommunerna kan", "vara anställningsmyndighet.",
            "#LSVO:s ledningsgrupp beslutar", "att godkänna protokollet.",
        ])
        #expect(result.items.map(\.number_raw) == ["§ 113", "§ 114"])
        #expect(result.items.map(\.title) == ["Godkännande av föredragningslistan", "Föregående protokoll"])
        #expect(result.decisions.map(\.label_raw) == ["att", "att"])
        #expect(result.decisions.map(\.kind) == ["approve", "approve"])
        #expect(result.decisions.first?.text == "godkänna föredragningslistan")
        #expect(result.decisions.first?.deciding_body_raw == "LSVO:s ledningsgrupp")
    }

    /// Numbered decisions and numbered lists inside an item are not items; numbered items
    /// are bold headings.
    @Test func numberedDecisionsAreNotItems() {
        let result = SegmentedDocument(blocks: [
            "#1. Val av justerare", "PSVO beslutar", "1. Att utse Therese Åberg (M) att justera.",
            "2. Justeringen sker digitalt.", "#2. Nästa sammanträde", "Nästa möte hålls den 17 maj.",
        ])
        #expect(result.items.map(\.number) == ["1", "2"])
        #expect(result.decisions.map(\.label_raw) == ["1.", "2."])
        #expect(result.decisions.first?.kind == "appoint")
        #expect(result.decisions.first?.formula_raw == "beslutar")
    }

    /// Without a formula, sentences with a decision verb are the decisions; one-sentence
    /// "X beslutade att …" is formula and decision in one; the chair's procedure is not.
    @Test func decisionSentences() {
        let result = SegmentedDocument(blocks: [
            "#1. Godkännande av dagordning", "Dagordningen godkändes.",
            "#2. Förstudie", "Samråd hälsa, vård och omsorg beslutade att bordlägga ärendet till kommande möte.",
            "#3. Omröstning", "Ordförande beslutade att genomföra en omröstning.",
        ])
        #expect(result.decisions.map(\.kind) == ["approve", "table"])
        #expect(result.decisions.last?.deciding_body_raw == "Samråd hälsa, vård och omsorg")
        #expect(result.decisions.last?.text == "bordlägga ärendet till kommande möte.")
    }

    /// Without a formula, a block of several lines is read once: its att-clause or decision
    /// sentence is one decision, not one per line.
    @Test func decisionsWithoutFormulaReadEachBlockOnce() {
        let result = SegmentedDocument(blocks: [
            "#1. Budget", "att godkänna budgeten\nför år 2025", "Dagordningen godkändes och\nfastställdes.",
        ])
        #expect(
            result.decisions.map(\.text) == [
                "godkänna budgeten för år 2025", "Dagordningen godkändes och fastställdes.",
            ])
    }

    @Test func voteWithListsAndReservation() throws {
        let result = SegmentedDocument(blocks: [
            "#5. Vaccinationsfrågor", "Röstningen utföll enligt nedan:", "#Bifall (2)",
            "Carin Nilsson (s) Umeå kommun, ordförande\nDaniel Jaede (kd), Vindelns kommun", "#Avslag",
            "Magnus Eriksson (s) Norsjö kommun. Reservation: Jag anser att samrådet inte har mandat.\nGunilla Forsberg (kd) Bjurholms kommun",
            "#Avstod att rösta", "Mona Andersson (s) Robertsfors kommun",
        ])
        let event = try #require(result.voteEvents.first)
        #expect(event.counts.map(\.option) == ["yes", "no", "abstain"])
        #expect(event.counts.map(\.value) == [2, 2, 1])
        #expect(event.counts_source == "printed")
        #expect(event.result == nil)
        #expect(
            result.votes.map(\.voter.name) == [
                "Carin Nilsson", "Daniel Jaede", "Magnus Eriksson", "Gunilla Forsberg", "Mona Andersson",
            ])
        let reservation = try #require(result.statements.first)
        #expect(reservation.kind == "reservation")
        #expect(reservation.authors.map(\.name) == ["Magnus Eriksson"])
        #expect(reservation.vote_event_id == event.id)
    }

    /// A printed count that the names do not add up to is a parse issue, not silently fixed.
    @Test func voteCountMismatchIsReported() {
        let result = SegmentedDocument(blocks: [
            "#1. Fråga", "#Ja (3)", "Anna Ek (s)\nBo Ek (m)", "#Nej (1)", "Cai Ek (c)",
        ])
        #expect(result.issues.map(\.code) == ["vote_counts_mismatch"])
        #expect(result.voteEvents.first?.counts.first?.value == 3)
    }

    /// Attendance at the end of the document, with a second body's list and its absentees.
    @Test func attendanceAtTheEnd() {
        let result = SegmentedDocument(blocks: [
            "#Protokoll Samråd hälsa, vård och omsorg", "#1. Mötet öppnas", "Mötet öppnades.",
            "#Närvarande Samråd hälsa, vård och omsorg",
            "Carin Nilsson (s) Umeå kommun, ordförande (frånvarande eftermiddag)\nMargaretha Löfgren (v) Region Västerbotten, ersättare",
            "#Frånvarande", "Annika Wibrell (s) Vilhelmina kommun",
            "#Närvarande Länssamverkansgruppen (13-15)", "Gaby Bisping, Dorotea kommun",
        ])
        #expect(result.items.count == 1)
        #expect(
            result.participants.map(\.person.name) == [
                "Carin Nilsson", "Margaretha Löfgren", "Annika Wibrell", "Gaby Bisping",
            ])
        #expect(result.participants.map(\.group) == ["member", "substitute_serving", "member", "other"])
        #expect(result.participants.map(\.status) == ["partial", "present", "absent", "partial"])
        // "(13-15)" in a protocol of one item are hours, not items.
        #expect(result.participants.last?.presence.first?.kind == "time")
        #expect(result.meeting?.chair?.name == "Carin Nilsson")
    }

    @Test func numberingGapIsReported() {
        let result = SegmentedDocument(blocks: ["#§ 1", "#Öppnande", "#§ 3", "#Avslutning"])
        #expect(result.issues.map(\.code) == ["numbering_gap"])
    }

    @Test func noItemsIsReported() {
        let result = SegmentedDocument(blocks: ["Ett brev utan paragrafer.", "Med vänlig hälsning"])
        #expect(result.items.isEmpty)
        #expect(result.issues.map(\.code) == ["no_items"])
    }

    /// Substitutes for a named member, several people on one line, officials with the title
    /// first.
    @Test func attendanceShapes() {
        let result = SegmentedDocument(
            blocks: [
                "#Protokoll Kommunstyrelsen", "#§ 1", "#Öppnande",
                "Tjänstgörande ersättare:\tAnna Ek (S) ersätter Bo Berg (S)",
                "Ej tjänstgörande ersättare:\tCai Dahl (M) / Dan Ek (C)",
                "Övriga närvarande:\tEkonomichef Anders Svensson",
            ].reordered(headingFirst: 3))
        let byName = Dictionary(uniqueKeysWithValues: result.participants.map { ($0.person.name, $0) })
        #expect(byName["Anna Ek"]?.group == "substitute_serving")
        #expect(byName["Anna Ek"]?.substitutes_for?.name == "Bo Berg")
        #expect(byName["Anna Ek"]?.substitutes_for?.party_code == "S")
        #expect(byName["Cai Dahl"]?.group == "substitute_not_serving")
        #expect(byName["Dan Ek"]?.person.party_code == "C")
        #expect(byName["Anders Svensson"]?.title_raw == "Ekonomichef")
        #expect(byName["Anders Svensson"]?.group == "other")
    }

    /// Votes written as sentences, and a result line with counts only.
    @Test func voteSentencesAndResultLines() throws {
        let sentences = SegmentedDocument(blocks: [
            "#§ 4", "#Budget", "Anna Ek (S), Bo Berg (S) och Cai Dahl (M) röstar ja (3).",
            "Dan Ek (C) och Eva Ek (V) röstar nej (2).", "Fia Ek (L) avstår från att rösta (1).",
        ])
        let event = try #require(sentences.voteEvents.first)
        #expect(event.counts.map(\.option) == ["yes", "no", "abstain"])
        #expect(event.counts.map(\.value) == [3, 2, 1])
        #expect(event.result == "pass")
        #expect(sentences.votes.count == 6)

        let counted = SegmentedDocument(blocks: [
            "#§ 5", "#Motion", "Omröstningen utfaller med 7 ja-röster mot 6 nej-röster.",
        ])
        let printed = try #require(counted.voteEvents.first)
        #expect(printed.counts.map(\.value) == [7, 6])
        #expect(printed.counts_source == "printed")
        #expect(printed.result == "pass")
    }

    /// The posting certificate at the end of a protocol.
    @Test func postingAndStoragePlace() throws {
        let result = SegmentedDocument(blocks: [
            "#Protokoll Kommunstyrelsen", "Sammanträdesdatum 2007-01-08", "#§ 1", "#Öppnande", "Mötet öppnades.",
            "#ANSLAG/BEVIS", "Datum för anslags uppsättande: 2007-01-12", "Datum för anslags nedtagande: 2007-02-03",
            "Förvaringsplats för protokollet: Kommunkansliet",
        ])
        let meeting = try #require(result.meeting)
        #expect(meeting.posting?.posted == "2007-01-12")
        #expect(meeting.posting?.removed == "2007-02-03")
        #expect(meeting.storage_place == "Kommunkansliet")
    }
}

extension Array where Element == String {
    /// Moves the first `count` blocks after the rest: front matter written after the items
    /// in the test's source, read before them in the document.
    fileprivate func reordered(headingFirst count: Int) -> [String] {
        Array(prefix(1) + dropFirst(count) + dropFirst(1).prefix(count - 1))
    }
}
