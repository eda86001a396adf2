import Foundation
import ProtokollModel

/// Dates and times as Swedish protocols print them.
///
///     "2024-03-01", "20240315", "den 1 mars 2024", "Fredagen den 4 juni 2021",
///     "Fredag den 31 januari" (year from elsewhere), "kl 13:00-16:00", "kl. 13.00 – 15.30"
enum SwedishDate {
    /// The first date in `text` as `YYYY-MM-DD`; `year` fills in a date printed without one.
    static func date(in text: String, year: Int? = nil) -> String? {
        // Each pattern runs only on text with its literal parts: a century, or a month name.
        let hasCentury = text.containsBytes("19") || text.containsBytes("20")
        if hasCentury, text.containsBytes("-"),
            let match = Patterns.range(of: #"\b(19|20)\d{2}-\d{2}-\d{2}\b"#, in: text)
        {
            return String(text[match])
        }
        if hasCentury, let match = Patterns.range(of: #"\b(19|20)\d{6}\b"#, in: text) {
            let digits = Array(text[match])
            return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
        }
        let lower = text.quickLowercased()
        guard Vocabulary.monthNames.keys.contains(where: { lower.containsBytes($0) }) else { return nil }
        let pattern =
            #"(\d{1,2})\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)(?:\s+((?:19|20)\d{2}))?"#
        let regex = Patterns.compiled(pattern)
        guard
            let match = regex.firstMatch(in: lower, range: NSRange(lower.startIndex..., in: lower)),
            let dayRange = Range(match.range(at: 1), in: lower), let monthRange = Range(match.range(at: 2), in: lower),
            let day = Int(lower[dayRange]), let month = Vocabulary.monthNames[String(lower[monthRange])]
        else { return nil }
        let printedYear = Range(match.range(at: 3), in: lower).flatMap { Int(lower[$0]) }
        guard let resolved = printedYear ?? year else { return nil }
        return String(format: "%04d-%02d-%02d", resolved, month, day)
    }

    /// Start and end times ("HH:MM") from "kl 13.00-16.00", "klockan 13:00-16:00" and the like.
    static func times(in text: String) -> (start: String, end: String?, raw: String)? {
        let pattern = #"(?i)\b(?:kl\.?|klockan)\s*(\d{1,2})[.:](\d{2})(?:\s*[-–]\s*(\d{1,2})[.:](\d{2}))?"#
        guard text.quickLowercased().containsBytes("kl") else { return nil }
        let regex = Patterns.compiled(pattern)
        guard
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let whole = Range(match.range, in: text)
        else { return nil }
        func part(_ index: Int) -> Int? { Range(match.range(at: index), in: text).flatMap { Int(text[$0]) } }
        guard let hour = part(1), let minute = part(2) else { return nil }
        let end = part(3).flatMap { endHour in part(4).map { String(format: "%02d:%02d", endHour, $0) } }
        return (String(format: "%02d:%02d", hour, minute), end, String(text[whole]))
    }
}
