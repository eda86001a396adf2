/// Puts back the en dash Tesseract reads as an em dash or as a hyphen.
///
/// "Psykisk hälsa — förstärkt samverkan": Tesseract's Swedish model reads the spaced en dash,
/// the Swedish dash between words (tankstreck), as an em dash. Swedish typography sets no em
/// dash between spaces (Svenska skrivregler: the tankstreck is the en dash), so in a scan of
/// a Swedish protocol a spaced em dash, or one opening a line before a space, is an en dash.
/// An em dash touching a word ("—Ja, sade hon") is left alone.
///
/// It may also read that en dash as a hyphen ("Psykisk hälsa - förstärkt samverkan") or as
/// an em dash and a hyphen ("—-"). A hyphen and an en dash differ in width, which the text
/// cannot tell but the image can (``widened(_:)``).
enum DashRepair {
    static func repair(_ text: String) -> String {
        guard text.contains("—") else { return text }
        var text = text.replacing(" — ", with: " – ")
        for opening in ["— ", "—\t"] where text.hasPrefix(opening) {
            text = "–" + text.dropFirst()
        }
        return text
    }

    /// The narrowest an en dash's ink is, as a share of its line's height (the line's words
    /// from the highest top to the lowest bottom, about one em). An en dash is half an em
    /// wide, its ink 0.47–0.62 of the line's height in the sample scans; a hyphen's ink is
    /// about a quarter of an em.
    static let enDashShare = 0.4

    /// Each word that is only dashes and hyphens ("-", "—-") and at least ``enDashShare`` of its
    /// line's height wide becomes an en dash. A word joined to a dash ("hälso-", "13:00-16:00")
    /// is left alone, and so is a line of one word, which has no height to measure against.
    static func widened(_ lines: [[OCRLineBuilder.Word]]) -> [[OCRLineBuilder.Word]] {
        lines.map { words in
            guard words.count > 1, let top = words.map(\.y0).min(), let bottom = words.map(\.y1).max() else {
                return words
            }
            let narrowest = enDashShare * (bottom - top)
            return words.map { word in
                guard word.text.allSatisfy({ $0 == "-" || $0 == "—" }), word.x1 - word.x0 >= narrowest else {
                    return word
                }
                var dash = word
                dash.text = "–"
                return dash
            }
        }
    }
}
