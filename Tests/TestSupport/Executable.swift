public import Foundation

/// Runs one of the package's built executables, the way a user or cron would.
public struct Executable {
    public struct Result {
        public var status: Int32
        public var stdout: Data
        public var stderr: String

        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    public let url: URL

    /// Any program by path, e.g. `/bin/mount`.
    public init(path: String) {
        url = URL(fileURLWithPath: path)
    }

    /// An executable from the build folder the tests run from (`swift build --build-tests`
    /// puts every product there).
    public init(_ name: String) {
        url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs to completion.
    /// - Parameters:
    ///   - directory: The working directory; the repository root by default.
    ///   - input: Bytes for standard input; none by default.
    ///   - environment: Variables added to this process's environment.
    public func run(
        _ arguments: [String], in directory: URL = Fixtures.root, input: Data? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        let inputPipe = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        if let input {
            // Feed stdin from its own thread so a child writing a lot to stdout cannot deadlock.
            Thread {
                inputPipe.fileHandleForWriting.write(input)
                try? inputPipe.fileHandleForWriting.close()
            }.start()
        }
        // Drain stderr concurrently so a chatty child cannot block on a full pipe.
        let errorData = LockedData()
        let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus, stdout: stdout, stderr: String(decoding: errorData.value, as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
