import Foundation
import ProtokollModel

/// Reads signature slots: wet-ink blocks in the body's front or back matter, and e-signing
/// pages that normalization moved to furniture.
///
/// Wet ink: a role line ("Sekreterare", "Ordförande ____", "Justerare") next to a name line
/// ("Bodil Sundlöf"), in either order; lines of dots or underscores are the signature lines.
/// E-signing (Comfact and similar): "NAMN:" / "TITEL, ORGANISATION:" / "TID:" groups.
/// Identifiers such as e-mail addresses are never copied.
struct SignatureParser {
    struct Slot {
        var role: String
        var roleRaw: String
        var signer: PersonRef?
        var method: String
        var signedAt: String?
        var provider: String?
        var lines: [TextLine]
        var furniture: Furniture?
    }

    let input: SegmentInput

    func wetInk(in blocks: [Int]) -> [Slot] {
        let lines = input.lines(ofBlocks: blocks)
        var slots: [Slot] = []
        var used: Set<Int> = []
        // Signature zones: a few lines after "Underskrifter", "Vid protokollet", "Justerat …"
        // or a signature line, so a role heading in an attendance list is not a signature.
        var zone = Set<Int>()
        for (index, line) in lines.enumerated() {
            if ["underskrift", "vid protokollet", "justerat", "justeras", "justerandes"].contains(where: {
                line.lower.hasPrefix($0)
            })
                || line.text.containsText("___") || line.text.containsText("....")
            {
                for offset in max(0, index - 2)..<min(lines.count, index + 9) { zone.insert(offset) }
            }
        }
        for (index, line) in lines.enumerated() where zone.contains(index) {
            guard let (role, raw) = Self.role(line.text) else { continue }
            // The name sits after the role (role first) or before it (name first).
            let after = lines[(index + 1)...].prefix(3).first { !Self.isSignatureLine($0.text) }
            let before = index > 0 ? lines[..<index].last { !Self.isSignatureLine($0.text) } : nil
            var candidates: [TextLine] = []
            if let before, before.block == line.block, Self.role(before.text) == nil { candidates.append(before) }
            if let after, Self.role(after.text) == nil { candidates.append(after) }
            if Self.role(lines[max(0, index - 1)].text) != nil || index == 0 { candidates.reverse() }
            guard
                let nameLine = candidates.first(where: { !used.contains($0.start) && PersonEntry.parse($0.text) != nil }
                ),
                let entry = PersonEntry.parse(nameLine.text)
            else { continue }
            used.insert(nameLine.start)
            slots.append(
                Slot(
                    role: role, roleRaw: raw, signer: entry.person, method: "wet_ink_line", signedAt: nil,
                    provider: nil,
                    lines: [line, nameLine].sorted { $0.start < $1.start }, furniture: nil))
        }
        return slots
    }

    func electronic() -> [Slot] {
        let page = input.furniture.filter { $0.kind == .signingPage }
        let provider = page.first { $0.text.quickLowercased().containsText("comfact") }.map { _ in "Comfact Signature"
        }
        var slots: [Slot] = []
        for (index, line) in page.enumerated() {
            guard let name = Self.field(line.text, "namn") else { continue }
            let group = page[(index + 1)...].prefix { Self.field($0.text, "namn") == nil }
            let title = group.lazy.compactMap {
                Self.field($0.text, "titel, organisation") ?? Self.field($0.text, "titel")
            }.first
            let time = group.lazy.compactMap { Self.field($0.text, "tid") }.first
            let role = title.flatMap { Self.role(String($0.split(separator: ",").first ?? "")) }
            slots.append(
                Slot(
                    role: role?.0 ?? "other", roleRaw: title.map { String($0.split(separator: ",").first ?? "") } ?? "",
                    signer: PersonEntry.makePerson(name: name, raw: line.text, partyRaw: nil),
                    method: "electronic_visible",
                    signedAt: time.flatMap(Self.timestamp), provider: provider, lines: [], furniture: line))
        }
        return slots
    }

    /// "Sekreterare", "Ordförande ____", "Underskrifter:<TAB>Sekreterare", "Justerare" → role.
    static func role(_ text: String) -> (String, String)? {
        var cells = text.split(separator: "\t").map { cell in
            String(cell).replacingText("_", with: " ").replacingText("…", with: " ")
                .replacingText(".", with: " ").trimmingWhitespaces()
        }.filter { !$0.isEmpty }
        if let first = cells.first, first.quickLowercased().hasPrefix("underskrift") {
            cells.removeFirst()
            if let colon = first.firstIndex(of: ":"),
                !first[first.index(after: colon)...].trimmingWhitespaces().isEmpty
            {
                cells.insert(first[first.index(after: colon)...].trimmingWhitespaces(), at: 0)
            }
        }
        guard let cell = cells.first else { return nil }
        let lower = cell.quickLowercased()
        return Vocabulary.signatureRoles.first { lower == $0.word }.map { ($0.role, cell) }
    }

    static func isSignatureLine(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespaces()
        return !trimmed.isEmpty && trimmed.allSatisfy { "._…-".contains($0) }
    }

    /// The value of "LABEL:<TAB>value" on a signing page.
    static func field(_ text: String, _ label: String) -> String? {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, parts[0].trimmingWhitespaces().quickLowercased() == label else { return nil }
        return parts[1].trimmingWhitespaces()
    }

    /// "2024-03-26 12:52:33 +01:00" → "2024-03-26T12:52:33+01:00".
    static func timestamp(_ text: String) -> String? {
        let parts = text.split(separator: " ")
        guard parts.count >= 2, SwedishDate.date(in: String(parts[0])) != nil else { return nil }
        let offset = parts.count >= 3 ? String(parts[2]) : "+01:00"
        return "\(parts[0])T\(parts[1])\(offset)"
    }
}
