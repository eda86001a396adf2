extension TextLine {
    /// This line's extract record, the bytes `JSONLineEncoder` writes for
    /// `ExtractRecord.line(self)`, written field by field in sorted key order; `nil` when a
    /// number has no JSON form, which the generic path reports. `protokoll-extract` writes
    /// one for every line of every page, and going through `Encodable` took about a seventh of
    /// its instructions. The tests hold both to Foundation's `JSONEncoder`.
    func recordJSON() -> [UInt8]? {
        guard bbox.x0.isFinite, bbox.x1.isFinite, bbox.y0.isFinite, bbox.y1.isFinite,
            fontSize?.isFinite ?? true, confidence?.isFinite ?? true
        else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + docID.utf8.count + (font?.utf8.count ?? 0) + 200)
        func member(_ key: StaticString, _ write: (inout [UInt8]) -> Void) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            write(&bytes)
        }
        func number(_ value: Double) -> (inout [UInt8]) -> Void {
            { bytes in appendFiniteNumber(value, to: &bytes) }
        }
        member(#"{"bbox":{"x0":"#, number(bbox.x0))
        member(#","x1":"#, number(bbox.x1))
        member(#","y0":"#, number(bbox.y0))
        member(#","y1":"#, number(bbox.y1))
        member(#"},"bold":"#) { appendBool(bold, to: &$0) }
        if let confidence { member(#","confidence":"#, number(confidence)) }
        member(#","doc_id":"#) { appendString(docID, to: &$0) }
        if let font { member(#","font":"#) { appendString(font, to: &$0) } }
        if let fontSize { member(#","font_size":"#, number(fontSize)) }
        member(#","index":"#) { appendInteger(index, to: &$0) }
        member(#","italic":"#) { appendBool(italic, to: &$0) }
        member(#","page":"#) { appendInteger(page, to: &$0) }
        member(#","text":"#) { appendString(text, to: &$0) }
        member(#","type":"line","v":"#) { appendInteger(v, to: &$0) }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
