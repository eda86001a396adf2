import Foundation
import TestSupport
import Testing

/// What `protokoll run` promises about the disk, read from the system calls it makes
/// (`strace`): a document enters the ledger only after both of its files and their renames
/// are flushed, and the flushing is the runner's, so a worker never waits for the disk.
struct DurableOutputTests {
    let protokoll = Executable("protokoll")
    let strace = Executable(path: Strace.path)

    /// One traced system call: the thread that made it and the line strace wrote.
    struct Call {
        var thread: Substring
        var text: Substring

        func flushes(_ path: String) -> Bool { text.hasPrefix("fsync") && text.contains(path) }
    }

    @Test(.enabled(if: Strace.works, "strace is not installed or cannot trace here"))
    func aDocumentEntersTheLedgerOnlyAfterItsFilesAreFlushedByTheRunner() throws {
        let documents = ["orebro-2020-01-31.pdf", "lsvo-2021-06-04.docx", "psvo-2024-03-01.pdf"]
        let traced = try Fixtures.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("out")
            let trace = folder.appendingPathComponent("trace.txt")
            let result = try strace.run(
                [
                    "-f", "-qq", "-y", "-s", "400", "-o", trace.path,
                    "-e", "trace=fsync,fdatasync,rename,renameat,renameat2,write",
                    protokoll.url.path, "run", "--output", output.path, "--jobs", "2",
                ] + documents.flatMap { ["--input", Fixtures.sample($0).path] })
            #expect(result.status == 0, "\(result.stderr.suffix(500))")
            return try String(contentsOf: trace, encoding: .utf8)
        }

        // "1234  fsync(5</tmp/…/out/a.pdf.txt>) = 0": the thread id, padded to five places,
        // then the call.
        let calls = traced.split(separator: "\n").compactMap { line in
            line.firstIndex(of: " ").map { Call(thread: line[..<$0], text: line[$0...].drop { $0 == " " }) }
        }
        let directory = "/out>"
        for name in documents {
            let files = ["/out/\(name).txt>", "/out/\(name).ndjson>"]
            let renames = calls.indices.filter {
                calls[$0].text.hasPrefix("rename") && calls[$0].text.contains("/out/.\(name).")
            }
            #expect(renames.count == 2, "\(name): the worker renames both files into place")
            guard let renamed = renames.last else { continue }
            let worker = calls[renamed].thread

            #expect(
                !calls.contains { $0.thread == worker && $0.text.hasPrefix("fsync") },
                "\(name): the worker flushed a file itself")
            let flushes = files.map { file in
                calls.indices.first { $0 > renamed && calls[$0].flushes(file) }
            }
            #expect(flushes.allSatisfy { $0 != nil }, "\(name): both files are flushed after their renames")
            let ledgerLine = calls.indices.first {
                calls[$0].text.hasPrefix("write") && calls[$0].text.contains("ledger.ndjson>")
                    && calls[$0].text.contains(#"\"output\":\"\#(name)\""#)
            }
            guard let ledgerLine, let lastFlush = flushes.compactMap({ $0 }).max() else {
                Issue.record("\(name): no ledger line or no flush")
                continue
            }
            #expect(lastFlush < ledgerLine, "\(name): in the ledger before its files were flushed")
            let directoryFlushed = calls.indices.contains {
                $0 > renamed && $0 < ledgerLine && calls[$0].flushes(directory)
            }
            #expect(directoryFlushed, "\(name): the renames were not flushed before the ledger line")
        }
        let lastLedgerLine = calls.indices.last {
            calls[$0].text.hasPrefix("write") && calls[$0].text.contains("ledger.ndjson>")
        }
        #expect(
            calls.indices.contains { $0 > (lastLedgerLine ?? calls.count) && calls[$0].flushes("ledger.ndjson>") },
            "the ledger is flushed when the run ends")
    }
}

private enum Strace {
    static let path = "/usr/bin/strace"

    static var works: Bool {
        FileManager.default.isExecutableFile(atPath: path)
            && (try? Executable(path: path).run(["-f", "-o", "/dev/null", "/bin/true"]).status) == 0
    }
}
