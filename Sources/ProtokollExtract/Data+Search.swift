import Foundation
import ProtokollModel

extension Data {
    /// Whether the bytes hold `needle`'s UTF-8 anywhere. Foundation's `range(of:)` compares
    /// byte by byte in generic code, and the `/Encrypt` test alone scans every PDF in full.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            withUnsafeBytes { haystack in
                firstOffset(of: pattern, in: haystack.assumingMemoryBound(to: UInt8.self)) != nil
            }
        }
    }
}
