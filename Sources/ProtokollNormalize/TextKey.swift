import ProtokollModel

/// A string as a dictionary key: equal as strings are (canonically equivalent), and hashed
/// as `String` hashes, without the normalization that costs most of it.
///
/// `String` hashes the UTF-8 of a text's normal form (NFC) and a 0xFF terminator, and finds
/// that form scalar by scalar for any text beyond ASCII: for a margin line with "å" or "ö",
/// more than a thousand instructions a lookup. A text whose scalars stand alone
/// (`scalarsStandAlone`) is in normal form already, so its own bytes and the terminator give
/// the same hash; other texts are hashed by `String`.
struct TextKey: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.text == rhs.text
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        let hashed = text.withUTF8 { bytes -> Bool in
            guard scalarsStandAlone(bytes) else { return false }
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            hasher.combine(0xFF as UInt8)
            return true
        }
        if !hashed { text.hash(into: &hasher) }
    }
}
