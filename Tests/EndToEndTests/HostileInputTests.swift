import Foundation
import ProtokollModel
import TestSupport
import Testing

/// Hostile and odd inputs through `protokoll run`: each ends as records with a clear code,
/// nothing hangs, nothing partial is left, and the exit code says what happened.
@Suite(.serialized)
struct HostileInputTests {
    let protokoll = Executable("protokoll")

    private func run(
        _ input: URL, output: URL, limits: String = "", stallSeconds: Int = 20
    ) throws -> (Executable.Result, [String: String]) {
        let result = try Fixtures.withTemporaryDirectory { folder in
            let config = folder.appendingPathComponent("pipeline.yml")
            try Data(
                "version: 1\nlimits:\n  wall_seconds: \(3 * stallSeconds)\n  stall_seconds: \(stallSeconds)\n\(limits)"
                    .utf8
            ).write(to: config)
            return try protokoll.run(["run", "--config", config.path, "--input", input.path, "--output", output.path])
        }
        var statuses: [String: String] = [:]
        for line in (try? String(contentsOf: output.appendingPathComponent("quarantine.txt"), encoding: .utf8))?
            .split(separator: "\n") ?? []
        {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            statuses[String(fields[1])] = String(fields[0])
        }
        return (result, statuses)
    }

    @Test func oddFilesAreRecordedNotFatal() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = folder.appendingPathComponent("in")
            try FileManager.default.createDirectory(
                at: input.appendingPathComponent("x.pdf"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: input.appendingPathComponent("loop.pdf").path, withDestinationPath: "loop.pdf")
            try FileManager.default.createSymbolicLink(
                atPath: input.appendingPathComponent("sub/up").path, withDestinationPath: "..")
            #expect(mkfifo(input.appendingPathComponent("pipe.pdf").path, 0o644) == 0)
            try Data().write(to: input.appendingPathComponent("empty.pdf"))
            try Data(contentsOf: Fixtures.sample("lsvo-2021-06-04.pdf")).write(
                to: input.appendingPathComponent("new\nline\tname.pdf"))
            try MinimalPDF.pages(10_000).write(to: input.appendingPathComponent("ten-thousand.pdf"))
            try MinimalPDF.pages(1, size: (1_000_000, 1_000_000)).write(
                to: input.appendingPathComponent("huge-page.pdf"))
            try MinimalPDF.circularPageTree().write(to: input.appendingPathComponent("circular.pdf"))

            let output = folder.appendingPathComponent("out")
            let (result, statuses) = try run(input, output: output)
            #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
            let base = input.path + "/"
            #expect(statuses[base + "x.pdf"] == "unreadable")
            #expect(statuses[base + "loop.pdf"] == "unreadable")
            #expect(statuses[base + "pipe.pdf"] == "unreadable")
            #expect(statuses[base + "empty.pdf"] == "unsupported_format")
            #expect(statuses[base + "ten-thousand.pdf"] == "too_large")
            #expect(["corrupt", "no_text"].contains(statuses[base + "circular.pdf"] ?? "missing"))
            // The escaped name in quarantine.txt; the document itself was fine.
            #expect(statuses[base + "new\\nline\\tname.pdf"] == nil)
            #expect(statuses[base + "huge-page.pdf"] == nil)

            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: output.appendingPathComponent("run-summary.json")))
                as? [String: Any]
            // Every input is accounted for (the directory named x.pdf too); the symbolic link to
            // the parent folder is not followed.
            #expect(summary?["documents"] as? Int == 8)
            let visible = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }
            #expect(visible.filter { $0.hasSuffix(".ndjson") }.count == 8)
            #expect(visible.contains("new\nline\tname.pdf.ndjson"))
        }
    }

    /// A DOCX with 100,000 zip entries is refused by its entry count, quickly.
    @Test func zipWithOneHundredThousandEntries() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let url = folder.appendingPathComponent("many.docx")
            // Python's zipfile writes the zip64 directory 100,000 entries need, in a second.
            let script =
                "import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n    for i in range(100000): z.writestr(f'x/{i}', b'')"
            let made = try Executable(path: "/usr/bin/python3").run(["-c", script, url.path])
            try #require(made.status == 0, "\(made.stderr)")
            // Hashing its 9 MB before the zip directory is read takes 0.1 s in a release build but
            // over 20 s in a ThreadSanitizer debug build: a stall limit that only this test needs.
            let (result, statuses) = try run(
                folder.appendingPathComponent("many.docx"), output: folder.appendingPathComponent("out"),
                stallSeconds: 120)
            #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
            #expect(statuses.values.first == "too_large")
        }
    }

    /// An output directory that cannot be created, and one that fills up: exit 73, and no
    /// partial document files in sight. Needs root to mount a small tmpfs.
    @Test(.enabled(if: geteuid() == 0, "needs root to mount a tmpfs"))
    func unwritableAndFullOutput() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let readOnly = folder.appendingPathComponent("ro")
            let full = folder.appendingPathComponent("full")
            // Unmounted before the folder is removed, also when the second mount fails.
            defer {
                for directory in [readOnly, full] { _ = try? Executable(path: "/bin/umount").run([directory.path]) }
            }
            for (directory, options) in [(readOnly, "ro,size=64k"), (full, "size=96k")] {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let mount = try Executable(path: "/bin/mount").run([
                    "-t", "tmpfs", "-o", options, "tmpfs", directory.path,
                ])
                try #require(mount.status == 0, "cannot mount a tmpfs here: \(mount.stderr)")
            }
            let samples = Fixtures.root.appendingPathComponent("samples")
            let (unwritable, _) = try run(samples, output: readOnly.appendingPathComponent("out"))
            #expect(unwritable.status == ExitStatus.cannotWrite.rawValue)

            let (filled, _) = try run(samples, output: full)
            #expect(filled.status == ExitStatus.cannotWrite.rawValue)
            let visible = try FileManager.default.contentsOfDirectory(atPath: full.path).filter { !$0.hasPrefix(".") }
            for name in visible where name.hasSuffix(".ndjson") && name != "run-summary.json" {
                // Every document file that is there is whole, with its canonical text beside it.
                let stem = String(name.dropLast(".ndjson".count))
                #expect(visible.contains(stem + ".txt"))
                let text = try String(contentsOf: full.appendingPathComponent(name), encoding: .utf8)
                #expect(text.hasSuffix("\n"))
            }
            #expect(!visible.contains { $0.contains(".tmp") })
        }
    }
}
