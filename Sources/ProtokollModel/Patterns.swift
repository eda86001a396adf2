public import Foundation
import Synchronization

/// Compiled regular expressions, cached by pattern.
///
/// `String.range(of:options: .regularExpression)` compiles its pattern on every call, which
/// made pattern tests the largest cost of segmentation; parsers call these helpers instead.
public enum Patterns {
    private static let cache = Mutex<[String: NSRegularExpression]>([:])

    /// The compiled pattern; a malformed literal pattern is a programmer error.
    public static func compiled(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression {
        let key = (caseInsensitive ? "i:" : "s:") + pattern
        return cache.withLock { cache in
            if let regex = cache[key] { return regex }
            // Every pattern passed here is a literal in the source, covered by tests.
            let regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
            cache[key] = regex
            return regex
        }
    }

    /// The range of the first match of `pattern` in `text`.
    public static func range(of pattern: String, in text: String, caseInsensitive: Bool = false) -> Range<String.Index>?
    {
        let regex = compiled(pattern, caseInsensitive: caseInsensitive)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return Range(match.range, in: text)
    }

    /// Whether `text` starts with a scalar that `\d` matches, a decimal digit of any script: a
    /// quick test before running a pattern that must start with one.
    @inlinable public static func startsWithDigit(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.first?.isDecimalDigit == true
    }

    /// The capture groups of the first match (`nil` for groups that did not take part).
    public static func groups(of pattern: String, in text: String, caseInsensitive: Bool = false) -> [Substring?]? {
        let regex = compiled(pattern, caseInsensitive: caseInsensitive)
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { index in Range(match.range(at: index), in: text).map { text[$0] } }
    }
}
