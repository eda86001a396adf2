/// Hands out the DOM ids of boxes (`b1`, `b2`, …) and remembers which record each belongs
/// to, so the record list can name its boxes (`data-boxes`) and each box its record
/// (`data-rec`): the two directions of the report's links.
struct BoxRegistry {
    private var next = 1
    /// Box ids per record index, in the order drawn.
    private(set) var boxes: [Int: [String]] = [:]

    /// A new box id, owned by `record`.
    mutating func add(record: Int) -> String {
        let id = "b\(next)"
        next += 1
        boxes[record, default: []].append(id)
        return id
    }

    /// Lists an existing box under another record too (a DOCX text span inside a vote list
    /// belongs to both the vote and the list).
    mutating func attach(_ id: String, to record: Int) {
        if boxes[record]?.last != id { boxes[record, default: []].append(id) }
    }

    /// The DOM id of a record's entry in the list.
    static func recordID(_ record: Int) -> String { "r\(record)" }
}
