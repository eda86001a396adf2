import Foundation
import ProtokollModel

/// The first bytes of a list of lowercase phrases, for ruling out most lines by their first
/// byte before they are lowercased and compared phrase by phrase.
///
/// An ASCII scalar lowercases to ASCII and begins a character whose decomposed form begins
/// with it. So a text whose first byte is ASCII can start, once lowercased, with one of the
/// phrases (character by character, as `hasTextPrefix` and `==` compare) only when that byte,
/// lowercased, is the first byte of a phrase's decomposed form. Likewise a text that starts
/// with plain punctuation ("•", `isPlainPunctuation`) starts with it lowercased and
/// decomposed, so only a phrase whose decomposed form starts with its lead byte could follow.
/// Any other first scalar beyond ASCII ("Ö", the Kelvin sign) is left to the full comparison.
struct PhraseLeads {
    /// A few bytes, looked through in order: quicker than hashing for so few.
    private let leads: [UInt8]

    init(_ phrases: some Sequence<String>) {
        leads = Array(Set(phrases.compactMap { $0.decomposedStringWithCanonicalMapping.utf8.first })).sorted()
    }

    /// Whether `text`, lowercased, may start with one of the phrases; `false` means it cannot.
    func mayStart(_ text: String) -> Bool {
        guard let lead = text.utf8.first else { return false }
        guard lead < 0x80 else {
            return !(text.unicodeScalars.first?.isPlainPunctuation ?? false) || leads.contains(lead)
        }
        return leads.contains((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(lead) ? lead | 0x20 : lead)
    }
}
