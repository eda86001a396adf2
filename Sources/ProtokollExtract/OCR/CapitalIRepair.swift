/// Puts back the capital "I" Tesseract reads as a lower-case "l" at the start of a word.
///
/// In a sans-serif face the two are the same stroke, and Tesseract's Swedish model often
/// guesses "l": "Nuray lliev" for "Nuray Iliev", "lngela" for "Ingela". No Swedish word starts
/// with "l" and a consonant other than "j" ("ljus"), while names and words starting with "I"
/// and a consonant are common (Ingela, Ilona, Isak, Ivar), so an "l" opening a word before a
/// lower-case consonant (not "j") is an "I". "lo…" stays as read: "lokal" and "Iosif" look
/// alike, and only a dictionary could tell them apart. A word holding anything but letters
/// (and closing punctuation) is left alone too: "lsvo-2021-06-04.pdf", "lss@kommun.se" are
/// names of files and addresses, which may start with anything.
enum CapitalIRepair {
    /// Lower-case consonants that never follow a word-initial "l" in Swedish.
    static let consonants: Set<Character> = [
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "w", "x", "z",
    ]

    /// Characters a word starts after: a space, a tab, an opening bracket or quote.
    static let wordStarts: Set<Character> = [" ", "\t", "(", "\"", "”", "»"]

    /// What may close a word after its letters.
    static let closing: Set<Character> = [",", ".", ";", ":", ")", "!", "?", "\"", "”", "»"]

    static func repair(_ text: String) -> String {
        guard text.contains("l") else { return text }
        var characters = Array(text)
        var changed = false
        for index in characters.indices where characters[index] == "l" {
            guard index == 0 || wordStarts.contains(characters[index - 1]),
                index + 2 < characters.count, consonants.contains(characters[index + 1])
            else { continue }
            let word = characters[index...].prefix { !$0.isWhitespace }
            let letters = word.prefix { $0.isLetter }
            guard letters.count >= 3, word.dropFirst(letters.count).allSatisfy(closing.contains) else { continue }
            characters[index] = "I"
            changed = true
        }
        return changed ? String(characters) : text
    }
}
