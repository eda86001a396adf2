/// `PageLabel`'s patterns read by hand, for the texts on which each of them means one thing.
///
/// Running six regular expressions over every cell that may be a label cost more than the
/// rest of folding a margin line, and compiling them cost more still. On ASCII with the en
/// dash, where the only whitespace is the space and the tab, `\d` is "0"–"9", `\s` is the
/// space or the tab, and `$` is the end (no line terminator can stand before it); every
/// `\d{1,4}` is followed by something that is no digit, so it takes a whole run of digits,
/// of at most four. The patterns, in order:
///
///     ^(\d{1,4})\s*\(\s*\d{1,4}\s*\)$                      2 (9)
///     ^[Ss]ida\s*(\d{1,4})\s*(?:av|\(|/)\s*\d{1,4}\s*\)?$   Sida 2 av 9
///     ^[Ss]ida\s*(\d{1,4})$                                Sida 2
///     ^[-–]\s*(\d{1,4})\s*[-–]$                            - 2 -
///     ^(\d{1,4})\s*/\s*\d{1,4}$                            2/9
///     ^(\d{1,4})$                                          2
struct LabelParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    private init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The page number the first matching pattern names, `.some(nil)` when none matches, or
    /// `nil` for text that only the patterns can answer.
    static func number(in text: String) -> Int?? {
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            guard (scalar.isASCII && (scalar.value >= 0x20 || scalar == "\t")) || scalar == "–" else { return nil }
            scalars.append(scalar)
        }
        let patterns: [(inout LabelParser) -> Int?] = [
            { parser in
                guard let page = parser.runNumber(), parser.spaced("("), parser.spacedRun(), parser.spaced(")")
                else { return nil }
                return page
            },
            { parser in
                guard parser.sida(), let page = parser.spacedRunNumber() else { return nil }
                parser.skipSpaces()
                guard parser.take("av") || parser.take("(") || parser.take("/"), parser.spacedRun() else { return nil }
                parser.skipSpaces()
                _ = parser.take(")")
                return page
            },
            { parser in parser.sida() ? parser.spacedRunNumber() : nil },
            { parser in
                guard parser.dash(), let page = parser.spacedRunNumber() else { return nil }
                parser.skipSpaces()
                return parser.dash() ? page : nil
            },
            { parser in
                guard let page = parser.runNumber(), parser.spaced("/"), parser.spacedRun() else { return nil }
                return page
            },
            { parser in parser.runNumber() },
        ]
        for pattern in patterns {
            var parser = LabelParser(scalars)
            if let page = pattern(&parser), parser.position == scalars.count { return .some(page) }
        }
        return .some(nil)
    }

    private mutating func skipSpaces() {
        while position < scalars.count && (scalars[position] == " " || scalars[position] == "\t") { position += 1 }
    }

    /// `\d{1,4}` at the position, taking the whole run of digits: its value.
    private mutating func runNumber() -> Int? {
        var value = 0
        var length = 0
        while position < scalars.count && ("0"..."9").contains(scalars[position]) {
            value = value * 10 + Int(scalars[position].value - 0x30)
            length += 1
            position += 1
        }
        return (1...4).contains(length) ? value : nil
    }

    /// `\s*\d{1,4}`: its value.
    private mutating func spacedRunNumber() -> Int? {
        skipSpaces()
        return runNumber()
    }

    /// `\s*\d{1,4}`.
    private mutating func spacedRun() -> Bool {
        spacedRunNumber() != nil
    }

    /// `\s*` and then `literal`.
    private mutating func spaced(_ literal: String) -> Bool {
        skipSpaces()
        return take(literal)
    }

    /// `literal` at the position.
    private mutating func take(_ literal: String) -> Bool {
        var end = position
        for scalar in literal.unicodeScalars {
            guard end < scalars.count && scalars[end] == scalar else { return false }
            end += 1
        }
        position = end
        return true
    }

    /// `[Ss]ida`.
    private mutating func sida() -> Bool {
        (take("S") || take("s")) && take("ida")
    }

    /// `[-–]`.
    private mutating func dash() -> Bool {
        take("-") || take("–")
    }
}
