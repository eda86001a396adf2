import Foundation

/// Renders Word auto-numbering labels ("1.", "a)", "II.", "•") from `word/numbering.xml`.
///
/// Word keeps one counter set per abstract list: list instances (`w:num`) that share an
/// abstract list continue its count unless they carry a `w:startOverride`, which restarts it
/// the first time the instance is used. Going up a level resets the levels below it.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        var suffix = "tab"
        var legal = false
    }

    private struct Instance {
        var abstractID: Int
        var startOverrides: [Int: Int]
        var levelOverrides: [Int: Level]
    }

    private var abstracts: [Int: [Int: Level]] = [:]
    private var instances: [Int: Instance] = [:]
    private var counters: [Int: [Int: Int]] = [:]
    private var startedInstances: Set<Int> = []

    init(_ root: XMLElement?, styles: WordStyles) {
        guard let root else { return }
        var styleLinks: [Int: String] = [:]
        for abstract in root.words("abstractNum") {
            guard let id = abstract.attributes["abstractNumId"].flatMap(Int.init) else { continue }
            abstracts[id] = Self.levels(abstract.words("lvl"))
            if let link = abstract.value(of: "numStyleLink") {
                styleLinks[id] = link
            }
        }
        for num in root.words("num") {
            guard let id = num.attributes["numId"].flatMap(Int.init),
                let abstractID = num.value(of: "abstractNumId").flatMap(Int.init)
            else { continue }
            var instance = Instance(abstractID: abstractID, startOverrides: [:], levelOverrides: [:])
            for override in num.words("lvlOverride") {
                guard let level = override.attributes["ilvl"].flatMap(Int.init) else { continue }
                if let start = override.value(of: "startOverride").flatMap(Int.init) {
                    instance.startOverrides[level] = start
                }
                if let lvl = override.word("lvl") {
                    instance.levelOverrides.merge(Self.levels([lvl])) { $1 }
                }
            }
            instances[id] = instance
        }
        // A list style's abstract list only points at the style; its levels live in the
        // abstract list of the instance that the style's numbering names.
        for (abstractID, styleID) in styleLinks {
            if let numID = styles.numbering(styleID)?.numID, let target = instances[numID],
                target.abstractID != abstractID, let levels = abstracts[target.abstractID]
            {
                abstracts[abstractID] = levels
            }
        }
    }

    private static func levels(_ elements: [XMLElement]) -> [Int: Level] {
        var levels: [Int: Level] = [:]
        for element in elements {
            guard let index = element.attributes["ilvl"].flatMap(Int.init) else { continue }
            var level = Level()
            level.start = element.value(of: "start").flatMap(Int.init) ?? 1
            level.format = element.value(of: "numFmt") ?? "decimal"
            level.text = element.value(of: "lvlText") ?? ""
            level.suffix = element.value(of: "suff") ?? "tab"
            level.legal = element.word("isLgl").map(WordStyles.isOn) ?? false
            levels[index] = level
        }
        return levels
    }

    /// Advances the list's counter for one numbered paragraph and returns its label and the
    /// separator Word puts after it, or `nil` when the paragraph is not numbered.
    mutating func next(numID: Int, level: Int) -> (label: String, separator: String)? {
        guard numID != 0, let instance = instances[numID], let definition = self.level(instance, level) else {
            return nil
        }
        var counts = counters[instance.abstractID] ?? [:]
        if !startedInstances.contains(numID) {
            startedInstances.insert(numID)
            for (overridden, start) in instance.startOverrides {
                counts[overridden] = start - 1
            }
        }
        counts[level] = (counts[level] ?? (definition.start - 1)) + 1
        for deeper in counts.keys where deeper > level {
            counts[deeper] = nil
        }
        counters[instance.abstractID] = counts

        var label = definition.text
        for referenced in (0...8).reversed() where label.contains("%\(referenced + 1)") {
            let referencedLevel = self.level(instance, referenced) ?? Level()
            let value = counts[referenced] ?? referencedLevel.start
            let format = definition.legal ? "decimal" : referencedLevel.format
            label = label.replacingOccurrences(of: "%\(referenced + 1)", with: Self.format(value, as: format))
        }
        if definition.format == "bullet" {
            label = Self.bullet(label)
        }
        if definition.format == "none" && !label.contains(where: { !$0.isWhitespace }) {
            label = ""
        }
        let separator = definition.suffix == "nothing" || label.isEmpty ? "" : " "
        return (label, separator)
    }

    private func level(_ instance: Instance, _ level: Int) -> Level? {
        instance.levelOverrides[level] ?? abstracts[instance.abstractID]?[level]
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "decimalZero": value < 10 ? "0\(value)" : String(value)
        case "lowerLetter": letters(value)
        case "upperLetter": letters(value).uppercased()
        case "lowerRoman": roman(value).lowercased()
        case "upperRoman": roman(value)
        case "none", "bullet": ""
        default: String(value)
        }
    }

    /// Word's letter numbering repeats the letter past z: 27 → "aa", 28 → "bb".
    static func letters(_ value: Int) -> String {
        guard value > 0 else { return String(value) }
        let letter = Character(UnicodeScalar(UInt8(97 + (value - 1) % 26)))
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var remaining = value
        var result = ""
        for (amount, numeral) in table {
            while remaining >= amount {
                result += numeral
                remaining -= amount
            }
        }
        return result
    }

    /// Symbol and Wingdings bullets live in the private-use area; show them as "•".
    static func bullet(_ text: String) -> String {
        String(text.unicodeScalars.map { (0xF000...0xF0FF).contains($0.value) ? "•" : Character($0) })
    }
}
