/// A fixed list of phrases looked for together, in one pass over a text.
///
/// The furniture detector and the parsers ask every line whether it holds any of a list of
/// phrases. Asking `SearchableText.contains` phrase by phrase checked each phrase's scalars
/// and scanned the line once per phrase, and that was one of the largest costs of finding
/// furniture. A list checks its phrases once, and indexes them by their first two bytes, so
/// a line's bytes are read once whatever the list's length; and, as Wu and Manber's search
/// does, it steps over the positions where no phrase can start (`shifts`), so most bytes of a
/// line are not read at all. The answers are those of `SearchableText.contains` taken phrase
/// by phrase, in the list's order.
public struct PhraseList: Sendable {
    /// The phrases, in the order their matches rank.
    public let phrases: [String]
    /// Every phrase's UTF-8, end to end.
    private let bytes: [UInt8]
    /// Where each phrase starts in `bytes`; then the end.
    private let starts: [Int]
    /// The phrases that may start at a text position, by a key of the position's first two
    /// bytes (`key`): entries `bucketStarts[key]..<bucketStarts[key + 1]` of `buckets`, in the
    /// list's order. A one-byte phrase is in the bucket of its byte and every second byte.
    /// Most positions of a text start no phrase's pair, and are passed over at one lookup.
    private let bucketStarts: [Int32]
    private let buckets: [Int32]
    /// The length in bytes of the shortest phrase that is not empty; 0 when all are.
    private let shortest: Int
    /// How far the start of a search may move on when the `window` bytes from it end in a
    /// pair of bytes of a key (`key`): no phrase starts before that. A pair that ends a
    /// phrase's first `window` bytes `n` bytes from their end allows `n`; a pair found in no
    /// phrase's first `window` bytes, `window - 1`. Pairs that share a key take the least.
    private let shifts: [UInt8]
    /// The bytes of a phrase's start that `shifts` looks at: the shortest phrase's length,
    /// at most 256, so that every shift fits a byte.
    private let window: Int
    /// Whether every phrase's scalars are characters, so that bytes may be compared
    /// (`SearchableText`).
    private let bytesSuffice: Bool

    public init(_ phrases: [String]) {
        self.phrases = phrases
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var entries: [(key: Int, phrase: Int32)] = []
        for (index, phrase) in phrases.enumerated() {
            starts.append(bytes.count)
            bytes += phrase.utf8
            let utf8 = Array(phrase.utf8)
            // An empty phrase is never found, as by `SearchableText.contains`.
            guard let first = utf8.first else { continue }
            let seconds = utf8.count > 1 ? [utf8[1]] : Array(0...255)
            entries += Set(seconds.map { Self.key(first, $0) }).map { ($0, Int32(index)) }
        }
        starts.append(bytes.count)
        entries.sort { ($0.key, $0.phrase) < ($1.key, $1.phrase) }
        var bucketStarts = [Int32](repeating: 0, count: Self.keyCount + 1)
        for entry in entries { bucketStarts[entry.key + 1] += 1 }
        for key in 0..<Self.keyCount { bucketStarts[key + 1] += bucketStarts[key] }
        self.bytes = bytes
        self.starts = starts
        self.bucketStarts = bucketStarts
        buckets = entries.map(\.phrase)
        let lengths = phrases.map(\.utf8.count).filter { $0 > 0 }
        shortest = lengths.min() ?? 0
        window = min(shortest, 256)
        var shifts = [UInt8](repeating: UInt8(max(window - 1, 0)), count: Self.keyCount)
        // Empty phrases are never found; every other is at least `window` bytes long.
        for phrase in phrases where window >= 2 && !phrase.isEmpty {
            let utf8 = Array(phrase.utf8)
            for second in 1..<window {
                let key = Self.key(utf8[second - 1], utf8[second])
                shifts[key] = min(shifts[key], UInt8(window - 1 - second))
            }
        }
        self.shifts = shifts
        bytesSuffice = phrases.allSatisfy(\.scalarsAreCharacters)
    }

    private static let keyCount = 4096

    /// A bucket for a pair of bytes; pairs that differ share one now and then, and each
    /// candidate is compared in full.
    private static func key(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) << 4 ^ Int(second)) & (keyCount - 1)
    }

    /// The index of the first phrase of the list that `text` holds, as
    /// `phrases.firstIndex(where: text.contains)` finds it.
    public func firstIndex(in text: SearchableText) -> Int? {
        firstIndex(in: text, stopAtAny: false)
    }

    /// Whether `text` holds any of the phrases, as `phrases.contains(where: text.contains)`.
    public func isFound(in text: SearchableText) -> Bool {
        firstIndex(in: text, stopAtAny: true) != nil
    }

    /// Whether the UTF-8 `bytes`, whose scalars are characters (`scalarsStandAlone`), hold any
    /// of the phrases: `isFound(in:)` of their text, for a caller that has the bytes in a
    /// buffer and no string of them.
    public func isFound(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytesSuffice else {
            return isFound(in: SearchableText(String(decoding: bytes, as: UTF8.self), scalarsAreCharacters: true))
        }
        return scan(bytes, stopAtAny: true) != nil
    }

    /// The first phrase `text` holds; with `stopAtAny`, the first found at all.
    private func firstIndex(in text: SearchableText, stopAtAny: Bool) -> Int? {
        guard bytesSuffice, text.scalarsAreCharacters else { return phrases.firstIndex(where: text.contains) }
        if let found = text.text.utf8.withContiguousStorageIfAvailable({ scan($0, stopAtAny: stopAtAny) }) {
            return found
        }
        var copy = text.text
        return copy.withUTF8 { scan($0, stopAtAny: stopAtAny) }
    }

    /// Tries the phrases that may start at each byte of `haystack` that `shifts` does not step
    /// over; keeps the lowest index found, and stops once nothing lower can be found.
    ///
    /// A phrase starting `n` bytes after `position`, with `n` below the shift of the pair
    /// that ends the `window` bytes from `position`, would hold that pair `n` bytes before the
    /// end of its own first `window` bytes, and so would have made the shift `n` or less: no
    /// phrase starts there. Positions are tried in order, so the answer is the one found by
    /// trying every position.
    private func scan(_ haystack: UnsafeBufferPointer<UInt8>, stopAtAny: Bool) -> Int? {
        guard shortest > 0 else { return nil }
        return bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                bucketStarts.withUnsafeBufferPointer { bucketStarts in
                    buckets.withUnsafeBufferPointer { buckets in
                        var best = Int.max
                        var position = 0
                        while position <= haystack.count - shortest {
                            if window >= 2 {
                                let last = position + window - 1
                                let shift = Int(shifts[Self.key(haystack[last - 1], haystack[last])])
                                if shift > 0 {
                                    position += shift
                                    continue
                                }
                            }
                            let at = position
                            let second = at + 1 < haystack.count ? haystack[at + 1] : 0
                            let key = Self.key(haystack[at], second)
                            var entry = Int(bucketStarts[key])
                            let end = Int(bucketStarts[key + 1])
                            position += 1
                            guard entry < end else { continue }
                            while entry < end && Int(buckets[entry]) < best {
                                let phrase = Int(buckets[entry])
                                let start = starts[phrase]
                                let length = starts[phrase + 1] - start
                                if length <= haystack.count - at {
                                    var offset = 0
                                    while offset < length && haystack[at + offset] == bytes[start + offset] {
                                        offset += 1
                                    }
                                    if offset == length { best = phrase }
                                }
                                entry += 1
                            }
                            if best != .max && (stopAtAny || best == 0) { return best }
                        }
                        return best == .max ? nil : best
                    }
                }
            }
        }
    }
}
