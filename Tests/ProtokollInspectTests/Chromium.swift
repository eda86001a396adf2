import Foundation

/// Headless Chromium from Debian's `chromium` package (`apt-get install chromium`), for
/// tests that look at a report the way a person's browser does. Tests that need it skip
/// when it is not installed.
enum Chromium {
    /// The browser, when installed: `chromium` on `PATH`.
    static let path: String? = {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/chromium"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs the browser headless on `url` with `arguments`, with its own throw-away profile
    /// (so tests running at once do not share one) and no sandbox (tests run as root in CI).
    /// Stopped after `timeout` seconds.
    static func run(_ arguments: [String], url: URL, in directory: URL, timeout: TimeInterval = 120) throws -> Output {
        let binary = try requireInstalled(path)
        let profile = directory.appendingPathComponent("profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let outURL = directory.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let errURL = directory.appendingPathComponent("chromium-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments =
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=\(profile.path)",
            ] + arguments + [url.absoluteString]
        process.standardInput = FileHandle.nullDevice
        // Files, not pipes: a dumped DOM is megabytes, more than a pipe holds unread.
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return Output(
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "", status: process.terminationStatus)
    }

    /// Console messages in a log written with `--enable-logging=stderr --v=0`: uncaught
    /// exceptions, resources the page's security policy refused, and anything the page
    /// logged. Chromium writes them all as `INFO:CONSOLE` (older builds `ERROR:CONSOLE` for
    /// errors), whatever their level, so a page that must be silent is checked for none.
    static func consoleMessages(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains("Uncaught") || line.contains(":CONSOLE")
        }
    }

    struct NotInstalled: Error {}

    /// The browser's path, or an error a test can throw when it ran without one.
    private static func requireInstalled(_ value: String?) throws -> String {
        guard let value else { throw NotInstalled() }
        return value
    }
}
