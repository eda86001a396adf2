/// Puts back the en dash Tesseract reads as an em dash.
///
/// "Psykisk hälsa — förstärkt samverkan": Tesseract's Swedish model reads the spaced en dash,
/// the Swedish dash between words (tankstreck), as an em dash. Swedish typography sets no em
/// dash between spaces (Svenska skrivregler: the tankstreck is the en dash), so in a scan of
/// a Swedish protocol a spaced em dash, or one opening a line before a space, is an en dash.
/// An em dash touching a word ("—Ja, sade hon") is left alone.
enum DashRepair {
    static func repair(_ text: String) -> String {
        guard text.contains("—") else { return text }
        var text = text.replacing(" — ", with: " – ")
        for opening in ["— ", "—\t"] where text.hasPrefix(opening) {
            text = "–" + text.dropFirst()
        }
        return text
    }
}
