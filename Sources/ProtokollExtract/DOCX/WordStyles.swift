/// What protokoll needs from `word/styles.xml`: names, heading levels, list numbering and
/// run emphasis, with `w:basedOn` inheritance resolved.
struct WordStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (numID: Int, level: Int?)?
        var bold: Bool?
        var italic: Bool?
        var hidden: Bool?
    }

    private var styles: [String: Style] = [:]
    private var defaultParagraphStyle: String?

    init(_ root: XMLElement?) {
        guard let root else { return }
        for element in root.words("style") {
            guard let id = element.attributes["styleId"] else { continue }
            let paragraphProperties = element.word("pPr")
            let runProperties = element.word("rPr")
            var style = Style(name: element.value(of: "name"), basedOn: element.value(of: "basedOn"))
            style.outlineLevel = paragraphProperties?.value(of: "outlineLvl").flatMap(Int.init)
            if let numPr = paragraphProperties?.word("numPr"), let numID = numPr.value(of: "numId").flatMap(Int.init) {
                style.numbering = (numID, numPr.value(of: "ilvl").flatMap(Int.init))
            }
            style.bold = runProperties?.word("b").map(WordStyles.isOn)
            style.italic = runProperties?.word("i").map(WordStyles.isOn)
            style.hidden = runProperties?.word("vanish").map(WordStyles.isOn)
            styles[id] = style
            if element.attributes["type"] == "paragraph" && element.attributes["default"].map(WordStyles.isTrue) == true
            {
                defaultParagraphStyle = id
            }
        }
    }

    /// A toggle property is on unless its `w:val` says otherwise (`<w:b/>` means bold).
    static func isOn(_ element: XMLElement) -> Bool {
        element.attributes["val"].map(isTrue) ?? true
    }

    static func isTrue(_ value: String) -> Bool {
        !["0", "false", "off", "none"].contains(value.lowercased())
    }

    func name(_ id: String?) -> String? {
        id.flatMap { styles[$0]?.name }
    }

    /// The style a paragraph without `w:pStyle` gets.
    var defaultStyle: String? { defaultParagraphStyle }

    /// 1-based heading level: the outline level, or a built-in "heading N" name.
    func headingLevel(_ id: String?) -> Int? {
        if let level = resolve(id, \.outlineLevel), level < 9 {
            return level + 1
        }
        guard let name = name(id)?.lowercased(), name.hasPrefix("heading ") else { return nil }
        return Int(name.dropFirst("heading ".count))
    }

    func numbering(_ id: String?) -> (numID: Int, level: Int?)? {
        var current = id
        var seen: Set<String> = []
        while let key = current, !seen.contains(key), let style = styles[key] {
            if let numbering = style.numbering { return numbering }
            seen.insert(key)
            current = style.basedOn
        }
        return nil
    }

    func bold(_ id: String?) -> Bool { resolve(id, \.bold) ?? false }
    func italic(_ id: String?) -> Bool { resolve(id, \.italic) ?? false }
    func hidden(_ id: String?) -> Bool { resolve(id, \.hidden) ?? false }

    /// Follows `w:basedOn` until a style sets the property; guards against cycles.
    private func resolve<Value>(_ id: String?, _ property: KeyPath<Style, Value?>) -> Value? {
        var current = id
        var seen: Set<String> = []
        while let key = current, !seen.contains(key), let style = styles[key] {
            if let value = style[keyPath: property] { return value }
            seen.insert(key)
            current = style.basedOn
        }
        return nil
    }
}
