import Foundation
import ProtokollModel

/// Turns DOCX paragraphs into blocks and header/footer paragraphs into furniture.
///
/// Each body paragraph is a block (a heading when its style is one). The paragraphs of one
/// table row become one block, cells separated by tabs and a cell's paragraphs by line breaks,
/// so a label/value row reads "Närvarande ledamöter:\tAnders Lund (M) ordförande\n…" exactly
/// as the PDF path gives it. Notes come last, as `note` blocks.
enum DOCXBlockBuilder {
    struct Output {
        var blocks: [BlockDraft] = []
        var furniture: [(paragraph: Paragraph, kind: FurnitureKind, rule: String)] = []
    }

    static func build(_ paragraphs: [Paragraph]) -> Output {
        var output = Output()
        var row: (key: [Int], cells: [Int: [Paragraph]])?

        func flushRow() {
            guard let current = row else { return }
            let cells = current.cells.keys.sorted().map { column in
                current.cells[column, default: []].map(cleanLines).joined(separator: "\n")
            }
            let first = current.cells.values.flatMap { $0 }.min { $0.index < $1.index }
            let lines = Self.lines(cells.joined(separator: "\t"))
            let page = first?.pageHint ?? 1
            output.blocks.append(
                BlockDraft(
                    kind: .tableRow, lines: lines, page: page, fontSize: nil,
                    bold: false, style: first?.styleName, sourceLines: current.cells.values.map(\.count).reduce(0, +)))
            row = nil
        }

        for paragraph in paragraphs {
            switch paragraph.part {
            case .header, .footer:
                output.furniture.append(
                    (
                        paragraph, furnitureKind(paragraph),
                        paragraph.part == .header ? "docx_header_part" : "docx_footer_part"
                    ))
                continue
            case .body, .footnote, .endnote:
                break
            }
            if paragraph.part == .body, let phrase = esignKind(paragraph.text) {
                flushRow()
                output.furniture.append((paragraph, phrase, "esign_phrase"))
                continue
            }
            if let cell = paragraph.cell, paragraph.part == .body {
                let key = [cell.table, cell.row]
                if row?.key != key { flushRow() }
                if row == nil { row = (key, [:]) }
                row?.cells[cell.col, default: []].append(paragraph)
                continue
            }
            flushRow()
            let lines = Self.lines(cleanLines(paragraph))
            let isHeading = paragraph.headingLevel != nil
            let allBold = paragraph.emphasis.contains {
                $0.bold && $0.start == 0 && $0.end >= paragraph.text.unicodeScalars.count
            }
            output.blocks.append(
                BlockDraft(
                    kind: paragraph.part == .body ? (isHeading ? .heading : .text) : .note, lines: lines,
                    page: paragraph.pageHint, fontSize: nil, bold: allBold || isHeading,
                    headingLevel: paragraph.headingLevel, listLabel: paragraph.list?.label, style: paragraph.styleName,
                    sourceLines: 1))
        }
        flushRow()
        // Notes after the body, whatever order the parts came in.
        let notes = output.blocks.filter { $0.kind == .note }
        output.blocks = output.blocks.filter { $0.kind != .note } + notes
        return output
    }

    /// A paragraph's text cleaned line by line, keeping its manual line breaks.
    private static func cleanLines(_ paragraph: Paragraph) -> String {
        lines(paragraph.text).map(TextRepair.clean).joined(separator: "\n")
    }

    /// The text cut at line feeds; most paragraphs have none, and need no search for them.
    private static func lines(_ text: String) -> [String] {
        text.containsBytes("\n") ? text.components(separatedBy: "\n") : [text]
    }

    private static func furnitureKind(_ paragraph: Paragraph) -> FurnitureKind {
        let cells = paragraph.text.split(whereSeparator: { $0 == "\t" || $0 == "\n" })
        if !cells.isEmpty, cells.allSatisfy({ PageLabel.number(in: String($0)) != nil }) { return .pageNumber }
        if FurnitureVocabulary.containsAny(paragraph.text, FurnitureVocabulary.signatureBox) { return .signatureBox }
        if FurnitureVocabulary.looksLikeAddress(paragraph.text) { return .addressBlock }
        return paragraph.part == .header ? .runningHeader : .runningFooter
    }

    private static func esignKind(_ text: String) -> FurnitureKind? {
        if FurnitureVocabulary.isSigningPageMarker(text) { return .signingPage }
        if FurnitureVocabulary.containsAny(text, FurnitureVocabulary.esignNotes)
            || FurnitureVocabulary.isValidationLink(text),
            text.count <= 200
        {
            return .esignNote
        }
        return nil
    }
}
