import ProtokollModel

/// Accumulates a paragraph's displayed text and its bold/italic spans, mapping the characters
/// Word stores but a reader does not see as such.
struct ParagraphText {
    private(set) var scalars = String.UnicodeScalarView()
    private(set) var spans: [EmphasisSpan] = []
    private var count = 0

    var isEmpty: Bool { scalars.isEmpty }
    var text: String { String(scalars) }

    /// Appends text run by run. Non-breaking spaces become spaces and non-breaking hyphens
    /// hyphens; soft hyphens (U+00AD) are dropped, since Word shows them only at a line end.
    mutating func append(_ text: String, bold: Bool, italic: Bool) {
        let start = count
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{00AD}": continue
            case "\u{00A0}", "\u{202F}": scalars.append(" ")
            case "\u{2011}": scalars.append("-")
            default: scalars.append(scalar)
            }
            count += 1
        }
        guard count > start, bold || italic else { return }
        if let last = spans.last, last.end == start, last.bold == bold, last.italic == italic {
            spans[spans.count - 1].end = count
        } else {
            spans.append(EmphasisSpan(start: start, end: count, bold: bold, italic: italic))
        }
    }

    /// Puts the list label in front and shifts the spans behind it.
    mutating func prepend(label: String, separator: String) {
        let prefix = (label + separator).unicodeScalars
        scalars = String.UnicodeScalarView(prefix) + scalars
        let shift = prefix.count
        spans = spans.map {
            EmphasisSpan(start: $0.start + shift, end: $0.end + shift, bold: $0.bold, italic: $0.italic)
        }
        count += shift
    }
}
