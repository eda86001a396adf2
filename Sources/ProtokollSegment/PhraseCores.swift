import ProtokollModel

/// Pieces of lowercase ASCII that a phrase list's phrases hold, tested on lowercased lines to
/// rule out most blocks before they are joined, reflowed, lowercased and searched in full.
///
/// A core is a run of ASCII letters without "i" and "k", taken from inside one word of each
/// phrase. Only ASCII letters lowercase to those letters ("İ" and the Kelvin sign are the
/// exceptions among the rest, hence the two letters left out), no other scalar is canonically
/// equivalent to one, and reflowing only changes spaces, tabs and line feeds. So wherever
/// the lowercased, reflowed block holds a phrase, one of its lines' lowercase forms holds the
/// phrase's core as bytes; a block in which no line does cannot hold any of the phrases.
struct PhraseCores {
    let cores: [String]

    /// Whether any line's lowercase form holds any core: `false` means none of the phrases
    /// can be found in the lines joined, reflowed and lowercased.
    func mayOccur(in lines: some Sequence<TextLine>) -> Bool {
        lines.contains { line in cores.contains { line.lower.containsBytes($0) } }
    }

    /// "föredragande:", "information lämnas av " and `Vocabulary.presenterVerbs`, what
    /// `ItemContentParser.presenters` looks for before it reads any name.
    static let presenters = PhraseCores(cores: ["redr", "format", "nformer", "redog", "presenter", "mnar"])
}
