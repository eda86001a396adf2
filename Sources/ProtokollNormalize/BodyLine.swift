import ProtokollModel

/// A PDF body line as block building reads it: its text, and where and how it is set.
///
/// Body lines are grouped by page, paired into rows and walked into blocks, copied at each
/// step. The extract stage's `TextLine` holds three strings (the document id, the text, the
/// font name) that every copy retains and releases; this holds the one that is read.
struct BodyLine: Equatable {
    var text: String
    var page: Int
    var bbox: BoundingBox
    var fontSize: Double?
    var bold: Bool
    /// How many extracted lines this one stands for: a row paired from two columns is two,
    /// and a line counts each lone bullet put back in front of it.
    var sources = 1

    init(_ line: TextLine) {
        text = line.text
        page = line.page
        bbox = line.bbox
        fontSize = line.fontSize
        bold = line.bold
    }
}
