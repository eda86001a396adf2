import Foundation
import ProtokollExtract
import ProtokollModel
import TestSupport
import Testing

extension DOCXBuilder {
    /// Writes the package, extracts it and removes it again.
    func extracted(limits: ExtractionLimits = ExtractionLimits()) throws -> ExtractedDocument {
        try Fixtures.withTemporaryDirectory { folder in
            try ExtractedDocument(write(in: folder), limits: limits)
        }
    }
}

/// One test per WordprocessingML feature the DOCX reader handles: each builds a tiny package
/// from the XML shown and checks the `paragraph` and `table` records it gives.
struct DOCXFeatureTests {
    // MARK: Paragraphs and tables

    @Test func paragraphsComeOnceInDocumentOrderAndEmptyOnesAreSkipped() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Första</w:t></w:r></w:p>
                <w:p/>
                <w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>
                <w:p><w:r><w:t xml:space="preserve">Andra </w:t></w:r><w:r><w:t>delen</w:t></w:r></w:p>
                <w:p><w:r><w:t></w:t></w:r></w:p>
                <w:sdt><w:sdtContent><w:p><w:r><w:t>Tredje</w:t></w:r></w:p></w:sdtContent></w:sdt>
                <w:p><w:r><w:t>Fjärde</w:t></w:r></w:p>
                <w:sectPr/>
                """
        ).extracted()

        #expect(document.failure == nil)
        #expect(document.kinds == ["document", "paragraph", "paragraph", "paragraph", "paragraph", "document_end"])
        #expect(document.paragraphs.map(\.text) == ["Första", "Andra delen", "Tredje", "Fjärde"])
        #expect(document.paragraphs.map(\.index) == [0, 1, 2, 3])
        #expect(document.paragraphs.allSatisfy { $0.part == .body && $0.partName == "word/document.xml" })
        #expect(document.paragraphs.allSatisfy { $0.section == 0 && $0.pageHint == 1 && $0.cell == nil })
        #expect(document.end?.status == "ok")
        #expect(document.end?.records == 4)
    }

    /// Cells are placed on the grid: a `w:gridSpan` of 2 moves the next cell to column 2.
    @Test func tablesComeBeforeTheirParagraphsWithGridPositionsAndNesting() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Före</w:t></w:r></w:p>
                <w:tbl>
                  <w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
                  <w:tr>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc>
                  </w:tr>
                  <w:tr>
                    <w:tc><w:p><w:r><w:t>C</w:t></w:r></w:p></w:tc>
                    <w:tc>
                      <w:p><w:r><w:t>D</w:t></w:r></w:p>
                      <w:tbl>
                        <w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>
                        <w:tr>
                          <w:tc><w:p><w:r><w:t>E</w:t></w:r></w:p></w:tc>
                          <w:tc><w:p><w:r><w:t>F</w:t></w:r></w:p></w:tc>
                        </w:tr>
                      </w:tbl>
                      <w:p/>
                    </w:tc>
                    <w:tc><w:p><w:r><w:t>G</w:t></w:r></w:p></w:tc>
                  </w:tr>
                </w:tbl>
                <w:p><w:r><w:t>Efter</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(
            document.kinds == [
                "document", "paragraph", "table", "paragraph", "paragraph", "paragraph", "paragraph",
                "table", "paragraph", "paragraph", "paragraph", "paragraph", "document_end",
            ])
        let tables = document.tables
        try #require(tables.count == 2)
        #expect(tables[0].index == 0 && tables[0].rows == 2 && tables[0].columns == 3 && tables[0].parent == nil)
        #expect(tables[1].index == 1 && tables[1].rows == 1 && tables[1].columns == 2)
        #expect(tables[1].parent == TableCell(table: 0, row: 1, col: 1))

        let cells = document.paragraphs.map { paragraph in
            paragraph.cell.map { "\(paragraph.text)@\($0.table),\($0.row),\($0.col)" } ?? paragraph.text
        }
        #expect(
            cells == [
                "Före", "A@0,0,0", "B@0,0,2", "C@0,1,0", "D@0,1,1", "E@1,0,0", "F@1,0,1", "G@0,1,2", "Efter",
            ])
    }

    /// A table without `w:tblGrid` is as wide as its widest row, spans and `w:gridBefore`
    /// counted.
    @Test func tableWithoutGridCountsSpannedColumns() throws {
        let document = try DOCXBuilder(
            body: """
                <w:tbl>
                  <w:tr>
                    <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p><w:r><w:t>Rubrik</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>Not</w:t></w:r></w:p></w:tc>
                  </w:tr>
                  <w:tr>
                    <w:trPr><w:gridBefore w:val="1"/></w:trPr>
                    <w:tc><w:p><w:r><w:t>X</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>Y</w:t></w:r></w:p></w:tc>
                  </w:tr>
                </w:tbl>
                """
        ).extracted()

        #expect(document.tables.map(\.columns) == [4])
        #expect(
            document.paragraphs.map(\.cell) == [
                TableCell(table: 0, row: 0, col: 0), TableCell(table: 0, row: 0, col: 3),
                TableCell(table: 0, row: 1, col: 1), TableCell(table: 0, row: 1, col: 2),
            ])
    }

    // MARK: Styles

    @Test func headingLevelsComeFromStyleNamesAndOutlineLevels() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:pPr><w:pStyle w:val="Rubrik2"/></w:pPr><w:r><w:t>Närvarande</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Paragrafrubrik"/></w:pPr><w:r><w:t>§ 1 Mötets öppnande</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Underrubrik"/></w:pPr><w:r><w:t>Ärendet</w:t></w:r></w:p>
                <w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>Direkt nivå</w:t></w:r></w:p>
                <w:p><w:r><w:t>Brödtext</w:t></w:r></w:p>
                """)
        builder.styles = """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Rubrik2">
              <w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>
            </w:style>
            <w:style w:type="paragraph" w:styleId="Paragrafrubrik">
              <w:name w:val="Paragrafrubrik"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>
            </w:style>
            <w:style w:type="paragraph" w:styleId="Underrubrik">
              <w:name w:val="Underrubrik"/><w:basedOn w:val="Paragrafrubrik"/>
            </w:style>
            """
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.headingLevel) == [2, 1, 1, 3, nil])
        #expect(paragraphs.map(\.styleID) == ["Rubrik2", "Paragrafrubrik", "Underrubrik", "Normal", "Normal"])
        #expect(paragraphs.map(\.styleName) == ["heading 2", "Paragrafrubrik", "Underrubrik", "Normal", "Normal"])
    }

    // MARK: Numbering

    private static let decimalWithLetters = """
        <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
        """

    /// The second level restarts under each new first-level item.
    @Test func decimalListWithLetteredSecondLevel() throws {
        func item(_ level: Int, _ text: String) -> String {
            """
            <w:p><w:pPr><w:numPr><w:ilvl w:val="\(level)"/><w:numId w:val="1"/></w:numPr></w:pPr>\
            <w:r><w:t>\(text)</w:t></w:r></w:p>
            """
        }
        var builder = DOCXBuilder(
            body: [
                item(0, "Att godkänna dagordningen"), item(1, "första"), item(1, "andra"),
                item(0, "Val av justerare"), item(1, "tredje"), item(0, "Övrigt"),
            ].joined())
        builder.numbering = Self.decimalWithLetters
        let paragraphs = try builder.extracted().paragraphs

        #expect(
            paragraphs.map(\.text) == [
                "1. Att godkänna dagordningen", "a) första", "b) andra", "2. Val av justerare", "a) tredje",
                "3. Övrigt",
            ])
        #expect(
            paragraphs.map(\.list) == [
                ListLabel(label: "1.", level: 0, numID: 1), ListLabel(label: "a)", level: 1, numID: 1),
                ListLabel(label: "b)", level: 1, numID: 1), ListLabel(label: "2.", level: 0, numID: 1),
                ListLabel(label: "a)", level: 1, numID: 1), ListLabel(label: "3.", level: 0, numID: 1),
            ])
    }

    /// Roman numerals, and a Symbol-font bullet (a private-use character) shown as "•".
    @Test func upperRomanAndSymbolBulletLabels() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Inledning</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Ärenden</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Övrigt</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Avslutning</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Punkt</w:t></w:r></w:p>
                """)
        builder.numbering = """
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            </w:abstractNum>
            <w:abstractNum w:abstractNumId="1">
              <w:lvl w:ilvl="0">
                <w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/>
                <w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>
              </w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            """
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["I. Inledning", "II. Ärenden", "III. Övrigt", "IV. Avslutning", "• Punkt"])
        #expect(paragraphs.last?.list == ListLabel(label: "•", level: 0, numID: 2))
    }

    /// List instances that share an abstract list share its counter; one with a
    /// `w:startOverride` restarts it the first time it is used.
    @Test func startOverrideRestartsWhileSharedInstancesContinue() throws {
        func item(_ numID: Int, _ text: String) -> String {
            """
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="\(numID)"/></w:numPr></w:pPr>\
            <w:r><w:t>\(text)</w:t></w:r></w:p>
            """
        }
        var builder = DOCXBuilder(
            body: [
                item(1, "A"), item(1, "B"), item(2, "C"), item(3, "D"), item(3, "E"),
            ].joined())
        builder.numbering = """
            <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="3">
              <w:abstractNumId w:val="0"/>
              <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
            </w:num>
            """
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["1. A", "2. B", "3. C", "1. D", "2. E"])
    }

    /// A paragraph style can carry the numbering; `w:numId` 0 on the paragraph switches it off.
    @Test func numberingFromParagraphStyle() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:pPr><w:pStyle w:val="Beslutspunkt"/></w:pPr><w:r><w:t>Att godkänna</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Beslutspunkt"/></w:pPr><w:r><w:t>Att lägga till handlingarna</w:t></w:r></w:p>
                <w:p>
                  <w:pPr><w:pStyle w:val="Beslutspunkt"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>
                  <w:r><w:t>Utan nummer</w:t></w:r>
                </w:p>
                """)
        builder.styles = """
            <w:style w:type="paragraph" w:styleId="Beslutspunkt">
              <w:name w:val="Beslutspunkt"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>
            </w:style>
            """
        builder.numbering = Self.decimalWithLetters
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["1. Att godkänna", "2. Att lägga till handlingarna", "Utan nummer"])
        #expect(paragraphs.map(\.list?.label) == ["1.", "2.", nil])
        #expect(paragraphs.first?.list == ListLabel(label: "1.", level: 0, numID: 1))
    }

    // MARK: Displayed text

    @Test func trackedChangesShowTheTextAfterAcceptance() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t xml:space="preserve">Mötet </w:t></w:r>
                  <w:ins w:id="1" w:author="Sekreterare"><w:r><w:t xml:space="preserve">enhälligt </w:t></w:r></w:ins>
                  <w:del w:id="2" w:author="Sekreterare"><w:r><w:delText xml:space="preserve">inte </w:delText></w:r></w:del>
                  <w:r><w:t>beslutade</w:t></w:r>
                  <w:moveFrom w:id="3" w:author="Sekreterare"><w:r><w:t xml:space="preserve"> tidigare</w:t></w:r></w:moveFrom>
                  <w:moveTo w:id="4" w:author="Sekreterare"><w:r><w:t xml:space="preserve"> nu</w:t></w:r></w:moveTo>
                </w:p>
                <w:p>
                  <w:pPr><w:rPr><w:del w:id="5" w:author="Sekreterare"/></w:rPr></w:pPr>
                  <w:del w:id="6" w:author="Sekreterare"><w:r><w:delText>Struket stycke</w:delText></w:r></w:del>
                </w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Mötet enhälligt beslutade nu"])
    }

    @Test func complexFieldKeepsOnlyItsResult() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t xml:space="preserve">Sida </w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:t>3</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="end"/></w:r>
                  <w:r><w:t xml:space="preserve"> av 7</w:t></w:r>
                </w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Sida 3 av 7"])
    }

    /// The inner field's result ("Utkast") is part of the outer field's instruction, so it is
    /// not displayed.
    @Test func nestedFieldShowsOnlyTheOuterResult() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> DOCPROPERTY Status </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:t>Utkast</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="end"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> = "Utkast" "Preliminärt" "Justerat" </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:t>Preliminärt</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="end"/></w:r>
                  <w:r><w:t xml:space="preserve"> protokoll</w:t></w:r>
                </w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Preliminärt protokoll"])
    }

    @Test func simpleFieldKeepsItsResultRuns() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t xml:space="preserve">Datum: </w:t></w:r>
                  <w:fldSimple w:instr=" DATE \\@ &quot;yyyy-MM-dd&quot; "><w:r><w:t>2024-03-14</w:t></w:r></w:fldSimple>
                </w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Datum: 2024-03-14"])
    }

    /// A table of contents: the field begins in one paragraph, its instruction (with a nested
    /// field) continues in the next, and its result spans two more.
    @Test func fieldSpanningParagraphsDoesNotLeakItsInstruction() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t>Innehåll</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" </w:instrText></w:r>
                </w:p>
                <w:p>
                  <w:r><w:instrText xml:space="preserve"> \\h \\z </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
                  <w:r><w:instrText xml:space="preserve"> REF _Toc1 </w:instrText></w:r>
                  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:t>instruktionsdel</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="end"/></w:r>
                  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
                  <w:r><w:t>§ 1 Öppnande</w:t></w:r>
                </w:p>
                <w:p>
                  <w:r><w:t>§ 2 Val av justerare</w:t></w:r>
                  <w:r><w:fldChar w:fldCharType="end"/></w:r>
                </w:p>
                <w:p><w:r><w:t>Brödtext</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Innehåll", "§ 1 Öppnande", "§ 2 Val av justerare", "Brödtext"])
    }

    @Test func hiddenTextIsDroppedUnlessSwitchedOff() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t xml:space="preserve">Synlig </w:t></w:r>
                  <w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">dold </w:t></w:r>
                  <w:r><w:rPr><w:rStyle w:val="Dold"/></w:rPr><w:t xml:space="preserve">stildold </w:t></w:r>
                  <w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>också synlig</w:t></w:r>
                </w:p>
                <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>Helt dolt stycke</w:t></w:r></w:p>
                """)
        builder.styles = """
            <w:style w:type="character" w:styleId="Dold"><w:name w:val="Dold"/><w:rPr><w:vanish/></w:rPr></w:style>
            """
        let document = try builder.extracted()

        #expect(document.paragraphs.map(\.text) == ["Synlig också synlig"])
    }

    @Test func specialCharactersAreMappedToWhatWordShows() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p><w:r><w:t>sam</w:t><w:softHyphen/><w:t>manträde</w:t></w:r></w:p>
                <w:p><w:r><w:t>kom&#xAD;mun&#xA0;styrelsen</w:t></w:r></w:p>
                <w:p><w:r><w:t>2023</w:t><w:noBreakHyphen/><w:t>24</w:t></w:r></w:p>
                <w:p><w:r><w:t>§ 1</w:t><w:tab/><w:t>Öppnande</w:t><w:br/><w:t>rad två</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(
            document.paragraphs.map(\.text) == [
                "sammanträde", "kommun styrelsen", "2023-24", "§ 1\tÖppnande\nrad två",
            ])
    }

    // MARK: Emphasis

    @Test func emphasisSpansCoverBoldAndItalicRuns() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:rPr><w:b/></w:rPr><w:t>att</w:t></w:r>
                  <w:r><w:t xml:space="preserve"> godkänna </w:t></w:r>
                  <w:r><w:rPr><w:i/></w:rPr><w:t>dagordningen</w:t></w:r>
                </w:p>
                <w:p>
                  <w:r><w:rPr><w:b/></w:rPr><w:t>Be</w:t></w:r>
                  <w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>slut</w:t></w:r>
                  <w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t xml:space="preserve"> fattat</w:t></w:r>
                </w:p>
                """
        ).extracted()
        let paragraphs = document.paragraphs
        try #require(paragraphs.count == 2)

        #expect(paragraphs[0].text == "att godkänna dagordningen")
        #expect(
            paragraphs[0].emphasis == [
                EmphasisSpan(start: 0, end: 3, bold: true, italic: false),
                EmphasisSpan(start: 13, end: 25, bold: false, italic: true),
            ])
        #expect(paragraphs[1].text == "Beslut fattat")
        #expect(paragraphs[1].emphasis == [EmphasisSpan(start: 0, end: 6, bold: true, italic: false)])
    }

    /// Offsets count the rendered label ("1. ") in front of the text.
    @Test func emphasisOffsetsShiftByTheListLabel() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p>
                  <w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>
                  <w:r><w:rPr><w:b/></w:rPr><w:t>att</w:t></w:r>
                  <w:r><w:t xml:space="preserve"> godkänna</w:t></w:r>
                </w:p>
                """)
        builder.numbering = Self.decimalWithLetters
        let paragraph = try #require(try builder.extracted().paragraphs.first)

        #expect(paragraph.text == "1. att godkänna")
        #expect(paragraph.emphasis == [EmphasisSpan(start: 3, end: 6, bold: true, italic: false)])
    }

    // MARK: Other parts

    @Test func headersAndFootersFollowTheBodyWithTheirVariants() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Protokoll</w:t></w:r></w:p>
                <w:sectPr>
                  <w:headerReference w:type="default" r:id="rIdH1"/>
                  <w:headerReference w:type="first" r:id="rIdH2"/>
                  <w:footerReference w:type="default" r:id="rIdF1"/>
                  <w:titlePg/>
                </w:sectPr>
                """)
        builder.headers = [
            .init(id: "rIdH1", name: "word/header1.xml", content: "<w:p><w:r><w:t>Kommunstyrelsen</w:t></w:r></w:p>"),
            .init(id: "rIdH2", name: "word/header2.xml", content: "<w:p><w:r><w:t>Första sidan</w:t></w:r></w:p>"),
        ]
        builder.footers = [
            .init(
                id: "rIdF1", name: "word/footer1.xml", content: "<w:p><w:r><w:t>Justerandes signatur</w:t></w:r></w:p>")
        ]
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["Protokoll", "Kommunstyrelsen", "Första sidan", "Justerandes signatur"])
        #expect(paragraphs.map(\.part) == [.body, .header, .header, .footer])
        #expect(paragraphs.map(\.variant) == [nil, "default", "first", "default"])
        #expect(
            paragraphs.map(\.partName) == [
                "word/document.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml",
            ])
        #expect(paragraphs.map(\.index) == [0, 1, 2, 3])
        #expect(paragraphs.allSatisfy { $0.section == 0 })
    }

    /// A paragraph-level `w:sectPr` ends section 0; the next section starts on a new page and
    /// its header is tagged with section 1 and that page.
    @Test func twoSectionsNumberTheirParagraphsAndHeaders() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Sektion ett</w:t></w:r></w:p>
                <w:p>
                  <w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/></w:sectPr></w:pPr>
                  <w:r><w:t>Slut på sektion ett</w:t></w:r>
                </w:p>
                <w:p><w:r><w:t>Sektion två</w:t></w:r></w:p>
                <w:sectPr><w:headerReference w:type="default" r:id="rIdH2"/></w:sectPr>
                """)
        builder.headers = [
            .init(id: "rIdH1", name: "word/header1.xml", content: "<w:p><w:r><w:t>Kallelse</w:t></w:r></w:p>"),
            .init(id: "rIdH2", name: "word/header2.xml", content: "<w:p><w:r><w:t>Bilaga</w:t></w:r></w:p>"),
        ]
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["Sektion ett", "Slut på sektion ett", "Sektion två", "Kallelse", "Bilaga"])
        #expect(paragraphs.map(\.section) == [0, 0, 1, 0, 1])
        #expect(paragraphs.map(\.pageHint) == [1, 1, 2, 1, 2])
        #expect(paragraphs.map(\.part) == [.body, .body, .body, .header, .header])
    }

    /// Only referenced notes are read; separators and the continuation notice are not text of
    /// the document.
    @Test func referencedFootnoteIsEmittedAfterTheBody() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t>Beslutet</w:t></w:r>
                  <w:r><w:rPr><w:rStyle w:val="Fotnotsreferens"/></w:rPr><w:footnoteReference w:id="2"/></w:r>
                  <w:r><w:t xml:space="preserve"> fattades.</w:t></w:r>
                </w:p>
                """)
        builder.footnotes = """
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
            <w:footnote w:type="continuationNotice" w:id="1"><w:p><w:r><w:t>Forts. nästa sida</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2">
              <w:p>
                <w:r><w:rPr><w:rStyle w:val="Fotnotsreferens"/></w:rPr><w:footnoteRef/></w:r>
                <w:r><w:t>Se bilaga 1.</w:t></w:r>
              </w:p>
            </w:footnote>
            """
        let paragraphs = try builder.extracted().paragraphs

        #expect(paragraphs.map(\.text) == ["Beslutet fattades.", "Se bilaga 1."])
        let note = try #require(paragraphs.last)
        #expect(note.part == .footnote)
        #expect(note.noteID == 2)
        #expect(note.partName == "word/footnotes.xml")
        #expect(note.section == 0 && note.pageHint == 1)
    }

    // MARK: Page hints

    @Test func explicitPageBreaksAdvanceThePageHint() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Sida ett</w:t></w:r></w:p>
                <w:p><w:r><w:t>Sist på sida ett</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>
                <w:p><w:r><w:t>Sida två</w:t></w:r></w:p>
                <w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Sida tre</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.pageHint) == [1, 1, 2, 3])
        #expect(document.paragraphs.map(\.text).contains { $0.contains("\n") } == false)
        #expect(document.document?.pageCount == 3)
    }

    /// Word's rendered breaks win when present: the explicit break and the rendered break
    /// right after it are one page turn, and a paragraph that starts on page 2 keeps hint 2
    /// even when it runs onto page 3.
    @Test func renderedPageBreaksReplaceExplicitOnes() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p><w:r><w:t>Ett</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p>
                <w:p><w:r><w:lastRenderedPageBreak/><w:t>Två</w:t></w:r></w:p>
                <w:p><w:r><w:t>Fortfarande två</w:t></w:r></w:p>
                <w:p><w:r><w:t xml:space="preserve">Långt </w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>stycke</w:t></w:r></w:p>
                <w:p><w:r><w:t>Tre</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.pageHint) == [1, 2, 2, 2, 3])
        #expect(document.document?.pageCount == 3)
    }

    // MARK: Text boxes, metadata, strict

    /// Word stores a text box twice, as DrawingML (`mc:Choice`) and VML (`mc:Fallback`).
    @Test func textBoxIsEmittedOnceAfterItsAnchor() throws {
        let document = try DOCXBuilder(
            body: """
                <w:p>
                  <w:r><w:t>Ankare</w:t></w:r>
                  <w:r>
                    <mc:AlternateContent>
                      <mc:Choice Requires="wps">
                        <w:drawing><wp:anchor><a:graphic><a:graphicData
                            uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
                          <wps:wsp><wps:txbx><w:txbxContent>
                            <w:p><w:r><w:t>Rutans text</w:t></w:r></w:p>
                          </w:txbxContent></wps:txbx></wps:wsp>
                        </a:graphicData></a:graphic></wp:anchor></w:drawing>
                      </mc:Choice>
                      <mc:Fallback>
                        <w:pict><v:shape><v:textbox><w:txbxContent>
                          <w:p><w:r><w:t>Rutans text</w:t></w:r></w:p>
                        </w:txbxContent></v:textbox></v:shape></w:pict>
                      </mc:Fallback>
                    </mc:AlternateContent>
                  </w:r>
                </w:p>
                <w:p><w:r><w:t>Efter</w:t></w:r></w:p>
                """
        ).extracted()

        #expect(document.paragraphs.map(\.text) == ["Ankare", "Rutans text", "Efter"])
        #expect(document.paragraphs.map(\.inTextBox) == [false, true, false])
        #expect(document.paragraphs.map(\.part) == [.body, .body, .body])
    }

    @Test func metadataComesFromDocumentProperties() throws {
        var builder = DOCXBuilder(body: "<w:p><w:r><w:t>Text</w:t></w:r></w:p>")
        builder.coreProperties = """
            <dc:title>Protokoll KS 2024-03-14</dc:title><dc:creator>Anna Andersson</dc:creator>
            """
        builder.appProperties = "<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion>"
        let document = try #require(try builder.extracted().document)

        #expect(document.title == "Protokoll KS 2024-03-14")
        #expect(document.author == "Anna Andersson")
        #expect(document.producer == "Microsoft Office Word 16.0000")
        #expect(document.format == .docx)
        #expect(document.extractor["libxml2"]?.isEmpty == false)
    }

    @Test func strictNamespaceDocumentIsRead() throws {
        var builder = DOCXBuilder(
            body: """
                <w:p><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr><w:r><w:t>Protokoll</w:t></w:r></w:p>
                <w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Närvarande</w:t></w:r></w:p>
                """,
            flavour: .strict)
        builder.styles = """
            <w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/></w:style>
            """
        let document = try builder.extracted()

        #expect(document.failure == nil)
        #expect(document.paragraphs.map(\.text) == ["Protokoll", "Närvarande"])
        #expect(document.paragraphs.map(\.headingLevel) == [1, nil])
        #expect(document.paragraphs.last?.emphasis == [EmphasisSpan(start: 0, end: 10, bold: true, italic: false)])
    }
}
