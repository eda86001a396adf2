import Foundation
import ProtokollModel

/// The phrases that identify page furniture in Swedish protocols, in one place.
///
/// Data, not logic: detectors look phrases up here, and a new vendor's signing page or a new
/// municipality's footer wording is one line in one of these tables.
enum FurnitureVocabulary {
    /// Signature boxes printed on every page for the adjusters' initials.
    static let signatureBox = [
        "justerandes signatur", "justerandes sign", "justerares signatur", "utdragsbestyrkande",
        "ordförandes signatur", "justerare sign",
    ]

    /// A line with one of these marks the whole page as an e-signing page (Comfact's
    /// UNDERSKRIFTSSIDA, other vendors' verification pages).
    static let signingPageMarkers = [
        "underskriftssida", "detta dokument har undertecknats med elektroniska underskrifter",
        "certifierad av comfact signature",
    ]

    /// Marker lines that are the whole line ("Verifikat" heads other vendors' pages).
    static let signingPageTitles: Set<String> = ["verifikat", "underskrifter (e-signering)"]

    static func isSigningPageMarker(_ text: String) -> Bool {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        return signingPageTitles.contains(lower) || (lower.count <= 100 && containsAny(lower, signingPageMarkers))
    }

    /// Notes about electronic signing inside or after the body.
    /// Stems, so "underskriven", "underskrivet" and "undertecknat" all match.
    static let esignNotes = [
        "elektroniskt underskriv", "elektroniskt underteckn", "elektroniskt signer", "signerats elektroniskt",
        "signerat elektroniskt", "undertecknats elektroniskt",
    ]

    /// Address blocks in footers: POSTADRESS BESÖKSADRESS TELEFON … ORG.NR.
    static let addressWords = [
        "postadress", "besöksadress", "telefon", "telefax", "org.nr", "org nr", "organisationsnummer",
        "plusgiro", "bankgiro", "e-post", "internet", "webbplats", "www.",
    ]

    /// Words that mark a line as body even where it repeats at the same height: item
    /// headings ("§ 16/24", "7. Val av justerare") and decision formulas recur by design.
    static func isProtectedBody(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("§") { return true }
        let lower = trimmed.lowercased()
        if lower.contains("beslutar") || lower.contains("beslut") || lower.contains("till protokollet") {
            return true
        }
        // "7. Title", "12. Title": a numbered item heading.
        let digits = trimmed.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 3 && trimmed.dropFirst(digits.count).hasPrefix(". ")
    }

    static func containsAny(_ text: String, _ phrases: [String]) -> Bool {
        let lower = text.lowercased()
        return phrases.contains { lower.contains($0) }
    }

    /// A URL that validates or verifies a signature.
    static func isValidationLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.contains("http") || lower.contains("www.") else { return false }
        return ["valider", "verif", "comfact", "signering", "esign", "signicat", "scrive"].contains {
            lower.contains($0)
        }
    }

    /// Postal codes ("701 16"), PO boxes and phone numbers, typical of address footers.
    static func looksLikeAddress(_ text: String) -> Bool {
        if containsAny(text, addressWords) { return true }
        return Patterns.range(of: #"\b(Box|Fack) \d+"#, in: text) != nil
            || Patterns.range(of: #"\b\d{3} \d{2} [A-ZÅÄÖ]"#, in: text) != nil
    }
}
