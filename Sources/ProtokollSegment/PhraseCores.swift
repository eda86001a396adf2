import ProtokollModel

/// Pieces of a phrase list's phrases, tested on lowercased lines to rule out most blocks before
/// they are joined, reflowed, lowercased and searched in full.
///
/// Each phrase holds one of the cores, and a core holds no space, tab or line feed. When every
/// line's lowercase form has scalars that are characters (`scalarsAreCharacters`), so has any
/// text made from the lines by joining them with spaces or line feeds, reflowing, cutting and
/// lowercasing (lowercasing goes scalar by scalar), and its search compares bytes
/// (`SearchableText`). A phrase found there puts its core's bytes within one line's lowercase
/// form. So a block whose lines all have such lowercase forms, none holding a core, cannot hold
/// any of the phrases; any other block may.
struct PhraseCores {
    /// The cores, looked for together in one pass over a line.
    let cores: PhraseList
    /// Each core's byte pairs: a line's lowercase form lacking some pair of every core holds
    /// none of them, and is passed over without a search.
    private let pairs: [BytePairs]

    init(cores: [String]) {
        self.cores = PhraseList(cores)
        pairs = cores.map(BytePairs.init)
    }

    /// Whether the phrases may occur in text made from `lines` as above: `false` means no
    /// phrase can be found in it.
    func mayOccur(in lines: some Collection<TextLine>) -> Bool {
        lines.contains { line in
            // On a line whose scalars are characters the list compares bytes.
            let search = line.lowerSearch
            return !search.scalarsAreCharacters
                || (pairs.contains(where: line.lowerPairs.mayHold) && cores.isFound(in: search))
        }
    }

    /// "föredragande:", "föredragande ", "information lämnas av " and
    /// `Vocabulary.presenterVerbs`: what `ItemContentParser.presenters` looks for before it
    /// reads any name.
    static let presenters = PhraseCores(cores: ["föredr", "lämnas", "informer", "redog", "presenter", "lämnar"])

    /// `Vocabulary.decisionSentenceVerbs`, what makes a sentence a decision when an item has
    /// no formula.
    static let decisionSentenceVerbs = PhraseCores(cores: [
        "godkän", "fastställ", "antog", "antas", "beslutades", "utsågs", "utses", "valdes", "handlingarna",
        "protokollet", "bordl", "remitterades", "noterades", "antecknades",
    ])
}
