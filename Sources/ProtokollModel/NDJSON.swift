public import Foundation

/// Encodes and decodes records as NDJSON lines the same way in every stage: sorted keys and
/// unescaped slashes, so the same records always give the same bytes.
public enum NDJSON {
    /// Encodes one value as a single line, newline included.
    public static func line(_ value: some Encodable) throws -> Data {
        var bytes = try JSONLineEncoder.encode(value)
        bytes.append(0x0A)
        return Data(bytes)
    }

    /// Decodes one line (without its newline).
    public static func decode<Value: Decodable>(_ type: Value.Type, from line: some StringProtocol) throws -> Value {
        try JSONDecoder().decode(type, from: Data(line.utf8))
    }
}

/// Writes NDJSON lines to a file descriptor through a buffer, so stages stream records
/// without one system call per line.
public final class NDJSONWriter {
    private let descriptor: Int32
    private var buffer = Data()
    private let flushThreshold = 1 << 16

    /// - Parameter descriptor: Where lines go; standard output by default.
    public init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        buffer.reserveCapacity(flushThreshold * 2)
    }

    deinit {
        try? flush()
    }

    /// Appends one record as a line.
    public func write(_ value: some Encodable) throws {
        buffer.append(try NDJSON.line(value))
        if buffer.count >= flushThreshold {
            try flush()
        }
    }

    /// Writes everything buffered.
    /// - Throws: `POSIXError` when the descriptor refuses the bytes (a closed pipe, a full disk).
    public func flush() throws {
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
