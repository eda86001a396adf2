import Foundation
import Testing

@testable import ProtokollModel

/// Vectors from FIPS 180-4's examples and NIST's byte-oriented test set.
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func knownVectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    /// The Swift rounds on their own, whatever this CPU has: on a CPU with the SHA extensions
    /// the other tests go through the instructions.
    @Test func swiftRoundsGiveTheKnownDigests() {
        var hasher = SHA256(usesHardware: false)
        hasher.update(Array("abc".utf8))
        #expect(hasher.finalizeHex() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var million = SHA256(usesHardware: false)
        [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000).withUnsafeBytes { million.update(buffer: $0) }
        #expect(million.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The SHA instructions and the Swift rounds agree on every length up to three blocks and
    /// on long inputs, fed whole and in uneven pieces.
    @Test(.enabled(if: SHA256.hardwareAvailable, "this CPU has no SHA extensions"))
    func hardwareAgreesWithSwiftRounds() {
        var generator = SystemRandomNumberGenerator()
        let lengths = Array(0...192) + [1000, 4096, 65_537, 1 << 20]
        for length in lengths {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var hardware = SHA256(usesHardware: true)
            var software = SHA256(usesHardware: false)
            var offset = 0
            while offset < bytes.count {
                let end = min(bytes.count, offset + 1 + (offset * 7919) % 300)
                bytes[offset..<end].withUnsafeBytes { hardware.update(buffer: $0) }
                offset = end
            }
            bytes.withUnsafeBytes { software.update(buffer: $0) }
            let (fromHardware, fromSoftware) = (hardware.finalizeHex(), software.finalizeHex())
            #expect(fromHardware == fromSoftware, "length \(length)")
        }
    }

    @Test func millionAs() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        bytes.withUnsafeBytes { hasher.update(buffer: $0) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Feeding the same bytes in uneven pieces through every entry point (a buffer, an array,
    /// a sequence without contiguous storage) gives one digest.
    @Test(arguments: [1, 7, 63, 64, 65, 200])
    func chunkingDoesNotMatter(chunk: Int) {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 31) }
        var hasher = SHA256()
        var offset = 0
        var piecesFed = 0
        while offset < bytes.count {
            let piece = Array(bytes[offset..<min(offset + chunk, bytes.count)])
            switch piecesFed % 3 {
            case 0: piece.withUnsafeBytes { hasher.update(buffer: $0) }
            case 1: hasher.update(piece)
            default: hasher.update(piece.lazy.map { $0 })
            }
            piecesFed += 1
            offset += chunk
        }
        #expect(hasher.finalizeHex() == SHA256.hex(bytes))
        #expect(SHA256.hex(bytes.lazy.map { $0 }) == SHA256.hex(bytes))
    }

    @Test func documentIDIsPrefixedShortDigest() {
        let digest = SHA256.hex(Array("abc".utf8))
        #expect(DocumentInfo.docID(forSHA256: digest) == "sha256:ba7816bf8f01cfea")
    }
}
