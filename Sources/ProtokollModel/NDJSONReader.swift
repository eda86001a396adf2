public import Foundation

/// Reads NDJSON lines from a file descriptor (standard input by default) in chunks, so a
/// stage consumes its input as a stream.
public struct NDJSONReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    public init(handle: FileHandle = .standardInput) {
        self.handle = handle
    }

    /// The next non-empty line without its newline, or `nil` at the end of the input.
    public mutating func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if line.isEmpty { continue }
                return String(decoding: line, as: UTF8.self)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
