import Foundation

/// Reads newline-terminated lines from a pipe, waiting at most a given time for each, so the
/// runner can enforce its time limits on a worker that stops talking.
final class DescriptorLineReader {
    enum Event: Equatable {
        case line(String)
        /// Nothing arrived in time.
        case timedOut
        /// The writer closed the pipe (the worker exited).
        case endOfFile
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next line without its newline.
    /// - Parameter timeout: Seconds to wait; `nil` waits as long as it takes.
    func next(timeout: Double?) -> Event {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            var milliseconds: Int32 = -1
            if let deadline {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else { return .timedOut }
                milliseconds = Int32(min(left * 1000, 1_000_000).rounded(.up))
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .endOfFile
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .endOfFile
            }
            if count == 0 { return .endOfFile }
            buffer.append(contentsOf: chunk[..<count])
        }
    }
}
