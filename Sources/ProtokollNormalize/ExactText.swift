/// A string as a dictionary key that is equal only to the same UTF-8 bytes.
///
/// `String` keys are equal when canonically equivalent ("é" and "e\u{301}"), and hashing one
/// beyond ASCII normalizes it first. A cache of an answer that depends on the exact scalars,
/// as a pattern's does, must not hand one text's answer to an equivalent one.
struct ExactText: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.utf8.count == right.utf8.count
            && left.withUTF8 { left in right.withUTF8 { left.elementsEqual($0) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
