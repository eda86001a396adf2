import CSHA256

/// SHA-256 (FIPS 180-4).
///
/// Document identity (`doc_id`) and the canonical-text hash come from SHA-256. Every stage needs
/// it, and no hashing library ships with Foundation on Linux, so the digest lives here beside
/// the records it names. Every input is hashed in full, by the runner and again by its worker:
/// on CPUs with the SHA extensions the blocks go through them (`CSHA256`, 1.2 GB/s where the
/// Swift rounds take about 69 instructions a byte; docs/benchmarks.md), elsewhere through the
/// Swift rounds below.
public struct SHA256: Sendable {
    /// Whether blocks go through the CPU's SHA instructions; the tests turn it off to check the
    /// Swift rounds against them.
    let usesHardware: Bool
    private var state: [UInt32] = [
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a,
        0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
    ]
    private var pending: [UInt8] = []
    private var totalBytes: UInt64 = 0

    public init() {
        self.init(usesHardware: Self.hardwareAvailable)
    }

    init(usesHardware: Bool) {
        self.usesHardware = usesHardware
        pending.reserveCapacity(64)
    }

    /// Whether this CPU has the SHA extensions.
    static let hardwareAvailable = protokoll_sha256_hardware_available()

    /// Feeds more bytes into the digest.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
        guard contiguous == nil else { return }
        for byte in bytes {
            pending.append(byte)
            totalBytes &+= 1
            if pending.count == 64 {
                compressPending()
            }
        }
    }

    /// Feeds a contiguous buffer; the fast path for file contents.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            totalBytes &+= UInt64(take)
            offset = take
            if pending.count == 64 {
                compressPending()
            }
        }
        let wholeBlocks = (buffer.count - offset) / 64
        if wholeBlocks > 0 {
            compress(blocks: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + 64 * wholeBlocks]))
            totalBytes &+= UInt64(64 * wholeBlocks)
            offset += 64 * wholeBlocks
        }
        if offset < buffer.count {
            pending.append(contentsOf: buffer[offset...])
            totalBytes &+= UInt64(buffer.count - offset)
        }
    }

    private mutating func compressPending() {
        let block = pending
        block.withUnsafeBytes { compress(blocks: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// Whole 64-byte blocks, through the SHA instructions or the Swift rounds.
    private mutating func compress(blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress else { return }
        if usesHardware {
            state.withUnsafeMutableBufferPointer { words in
                protokoll_sha256_hardware_blocks(
                    words.baseAddress!, base.assumingMemoryBound(to: UInt8.self), blocks.count / 64)
            }
            return
        }
        for offset in stride(from: 0, to: blocks.count, by: 64) {
            compress(UnsafeRawBufferPointer(rebasing: blocks[offset..<offset + 64]))
        }
    }

    /// Finishes the digest and returns it as lowercase hexadecimal.
    public mutating func finalizeHex() -> String {
        let bitLength = totalBytes &* 8
        var padding: [UInt8] = [0x80]
        let padZeros = (pending.count + 1) % 64 <= 56 ? 56 - (pending.count + 1) % 64 : 120 - (pending.count + 1) % 64
        padding += [UInt8](repeating: 0, count: padZeros)
        for shift in stride(from: 56, through: 0, by: -8) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        let savedTotal = totalBytes
        update(padding)
        totalBytes = savedTotal
        precondition(pending.isEmpty, "SHA-256 padding must end on a block boundary")
        return state.map { word in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
    }

    /// The hex digest of a byte sequence.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// One 64-byte block. The message schedule lives on the stack and the words are read
    /// straight from the buffer: hashing every input in full is on every document's path.
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            for index in 0..<16 {
                schedule[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            for index in 16..<64 {
                let s0 =
                    schedule[index - 15].rotatedRight(7) ^ schedule[index - 15].rotatedRight(18)
                    ^ (schedule[index - 15] >> 3)
                let s1 =
                    schedule[index - 2].rotatedRight(17) ^ schedule[index - 2].rotatedRight(19)
                    ^ (schedule[index - 2] >> 10)
                schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
            }
            Self.roundConstants.withUnsafeBufferPointer { constants in
                for index in 0..<64 {
                    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let choice = (e & f) ^ (~e & g)
                    let temp1 = h &+ s1 &+ choice &+ constants[index] &+ schedule[index]
                    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let temp2 = s0 &+ majority
                    h = g; g = f; f = e; e = d &+ temp1
                    d = c; c = b; b = a; a = temp1 &+ temp2
                }
            }
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 {
        (self >> count) | (self << (32 - count))
    }
}
