import ProtokollModel

/// Rejoins paragraphs that a page break (and the furniture around it) cut in two.
///
/// The last body block of a page and the first of the next are one paragraph when the first
/// does not end a sentence and the second starts in lower case, in the same font size and
/// weight: "Vid det sistnämnda mötet" | "påpekades att …".
enum PageBreakJoiner {
    static func join(_ drafts: [BlockDraft]) -> [BlockDraft] {
        var result: [BlockDraft] = []
        result.reserveCapacity(drafts.count)
        for draft in drafts {
            // The previous draft grows where it stands rather than as a copy put back.
            if let last = result.indices.last, continues(result[last], with: draft) {
                result[last].append(draft)
            } else {
                result.append(draft)
            }
        }
        return result
    }

    static func continues(_ first: BlockDraft, with second: BlockDraft) -> Bool {
        guard second.firstPage == first.lastPage + 1, first.kind == .text, second.kind == .text,
            first.bold == second.bold, let lastLine = first.lines.last, let nextLine = second.lines.first,
            let lastCharacter = lastLine.last, let firstCharacter = nextLine.first
        else { return false }
        if let size = first.fontSize, let nextSize = second.fontSize, abs(size - nextSize) > 0.6 { return false }
        if ".!?:;".contains(lastCharacter) { return false }
        return firstCharacter.isLetter && firstCharacter.isLowercase
    }
}
