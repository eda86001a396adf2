import Foundation
import ProtokollModel

/// The phrases that identify page furniture in Swedish protocols, in one place.
///
/// Data, not logic: detectors look phrases up here, and a new vendor's signing page or a new
/// municipality's footer wording is one line in one of these tables.
enum FurnitureVocabulary {
    /// Signature boxes printed on every page for the adjusters' initials.
    static let signatureBox = PhraseList([
        "justerandes signatur", "justerandes sign", "justerares signatur", "utdragsbestyrkande",
        "ordförandes signatur", "justerare sign",
    ])

    /// A line with one of these marks the whole page as an e-signing page (Comfact's
    /// UNDERSKRIFTSSIDA, other vendors' verification pages).
    static let signingPageMarkers = PhraseList([
        "underskriftssida", "detta dokument har undertecknats med elektroniska underskrifter",
        "certifierad av comfact signature",
    ])

    /// Marker lines that are the whole line ("Verifikat" heads other vendors' pages).
    static let signingPageTitles: Set<String> = ["verifikat", "underskrifter (e-signering)"]

    static func isSigningPageMarker(_ text: String) -> Bool {
        isSigningPageMarker(lowercased: text.quickLowercased())
    }

    /// `isSigningPageMarker` of a text already lowercased.
    static func isSigningPageMarker(lowercased text: String) -> Bool {
        let lower = text.trimmingWhitespaces()
        return signingPageTitles.contains(lower)
            || (signingPageMarkers.isFound(in: SearchableText(lower)) && lower.count <= 100)
    }

    /// Notes about electronic signing inside or after the body.
    /// Stems, so "underskriven", "underskrivet" and "undertecknat" all match.
    static let esignNotes = PhraseList([
        "elektroniskt underskriv", "elektroniskt underteckn", "elektroniskt signer", "signerats elektroniskt",
        "signerat elektroniskt", "undertecknats elektroniskt",
    ])

    /// Address blocks in footers: POSTADRESS BESÖKSADRESS TELEFON … ORG.NR.
    static let addressWords = PhraseList([
        "postadress", "besöksadress", "telefon", "telefax", "org.nr", "org nr", "organisationsnummer",
        "plusgiro", "bankgiro", "e-post", "internet", "webbplats", "www.",
    ])

    /// Words that mark a line as body even where it repeats at the same height: item
    /// headings ("§ 16/24", "7. Val av justerare") and decision formulas recur by design.
    static func isProtectedBody(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespaces()
        if trimmed.hasPrefix("§") { return true }
        let lower = trimmed.quickLowercased()
        if bodyWords.isFound(in: SearchableText(lower)) { return true }
        // "7. Title", "12. Title": a numbered item heading.
        let digits = trimmed.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 3 && trimmed.dropFirst(digits.count).hasPrefix(". ")
    }

    /// Decision words ("beslut" covers "beslutar") and the formula for noting information.
    private static let bodyWords = PhraseList(["beslut", "till protokollet"])

    /// Whether `text`, lowercased, holds any of `phrases`.
    static func containsAny(_ text: String, _ phrases: PhraseList) -> Bool {
        phrases.isFound(in: SearchableText(text.quickLowercased()))
    }

    /// A URL that validates or verifies a signature.
    static func isValidationLink(_ text: String) -> Bool {
        isValidationLink(lowercased: SearchableText(text.quickLowercased()))
    }

    /// `isValidationLink` of a text already lowercased.
    static func isValidationLink(lowercased lower: SearchableText) -> Bool {
        linkStarts.isFound(in: lower) && signingServices.isFound(in: lower)
    }

    static let linkStarts = PhraseList(["http", "www."])
    private static let signingServices = PhraseList([
        "valider", "verif", "comfact", "signering", "esign", "signicat", "scrive",
    ])

    /// Postal codes ("701 16"), PO boxes and phone numbers, typical of address footers.
    static func looksLikeAddress(_ text: String) -> Bool {
        if containsAny(text, addressWords) { return true }
        // Each pattern runs only on text with its literal part: "Box " or "Fack ", or a space.
        if text.containsBytes("Box ") || text.containsBytes("Fack "),
            Patterns.range(of: #"\b(Box|Fack) \d+"#, in: text) != nil
        {
            return true
        }
        return hasPostalCodeDigits(text) && Patterns.range(of: #"\b\d{3} \d{2} [A-ZÅÄÖ]"#, in: text) != nil
    }

    /// Whether `text` has three decimal digits, a space, two decimal digits and a space in a
    /// row, as `\d{3} \d{2} ` needs (`\d` is any decimal digit, `isDecimalDigit`); most
    /// footer lines have no such run, and the postal code pattern need not run on them.
    static func hasPostalCodeDigits(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 7 else { return false }
        for start in 0...(scalars.count - 7) where scalars[start + 3] == " " && scalars[start + 6] == " " {
            if [0, 1, 2, 4, 5].allSatisfy({ scalars[start + $0].isDecimalDigit }) { return true }
        }
        return false
    }
}
