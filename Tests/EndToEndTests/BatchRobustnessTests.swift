import Foundation
import ProtokollModel
import TestSupport
import Testing

/// `protokoll run` under faults, interruption and sharding: every input accounted for, and
/// output identical to an undisturbed run.
@Suite(.serialized)
struct BatchRobustnessTests {
    let protokoll = Executable("protokoll")

    /// `count` distinct PDFs in `parent/in`: the samples with a numbered comment after
    /// `%%EOF`, so each copy has its own content hash.
    private func corpus(_ count: Int, in parent: URL) throws -> URL {
        let folder = parent.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let samples = [
            "psvo-2024-03-01.pdf", "orebro-2020-01-31.pdf", "lsvo-2021-06-04.pdf", "vasterbotten-2024-03-15.pdf",
        ]
        for index in 0..<count {
            let sample = samples[index % samples.count]
            var data = try Data(contentsOf: Fixtures.sample(sample))
            data.append(contentsOf: Array("%copy \(index)\n".utf8))
            try data.write(to: folder.appendingPathComponent(String(format: "%02d-", index) + sample))
        }
        return folder
    }

    /// The output directory's visible files and their bytes.
    private func contents(_ directory: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where !name.hasPrefix(".") {
            guard name.hasSuffix(".ndjson") || name.hasSuffix(".txt"), name != "quarantine.txt" else { continue }
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    @Test func faultsCostOnlyTheirDocument() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try corpus(2, in: folder)
            // Sanitizer builds cannot limit a worker's address space (their shadow memory needs
            // terabytes), so there a memory blow-up would only end at the machine's limit.
            let sanitized = ["__asan_init", "__tsan_init"].contains { (symbol: String) in
                dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil
            }
            let faults = sanitized ? ["crash-me.pdf", "hang-me.pdf"] : ["crash-me.pdf", "hang-me.pdf", "oom-me.pdf"]
            for name in faults {
                try FileManager.default.copyItem(
                    at: Fixtures.sample("lsvo-2021-06-04.pdf"), to: input.appendingPathComponent(name))
            }
            let output = folder.appendingPathComponent("out")
            let config = folder.appendingPathComponent("pipeline.yml")
            try Data("version: 1\nlimits:\n  wall_seconds: 30\n  stall_seconds: 8\n  memory_mb: 1024\n".utf8).write(
                to: config)
            let result = try protokoll.run(
                ["run", "--config", config.path, "--input", input.path, "--output", output.path, "--jobs", "2"],
                environment: ["PROTOKOLL_FAULT": "crash:crash-me,hang:hang-me,oom:oom-me"])
            #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)

            let summary =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: output.appendingPathComponent("run-summary.json"))) as? [String: Any]
            let oom = sanitized ? [:] : ["oom": 1]
            #expect(
                summary?["by_status"] as? [String: Int] == ["ok": 2, "crashed": 1, "timeout": 1].merging(oom) { $1 })
            let files = try contents(output)
            #expect(files.count == 2 * (2 + faults.count))
            let hang = String(decoding: files["hang-me.pdf.ndjson"] ?? Data(), as: UTF8.self)
            #expect(hang.contains(#""status":"timeout""#))
            #expect(hang.contains("stalled"))
            let quarantine = try String(contentsOf: output.appendingPathComponent("quarantine.txt"), encoding: .utf8)
            #expect(
                quarantine.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }.sorted()
                    == (["crashed", "timeout"] + oom.keys).sorted())
        }
    }

    @Test func secondRunSkipsEverythingAndRenamesAreNotRedone() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try corpus(3, in: folder)
            let output = folder.appendingPathComponent("out")
            let arguments = ["run", "--input", input.path, "--output", output.path]
            let first = try protokoll.run(arguments)
            #expect(first.status == 0)
            let second = try protokoll.run(arguments)
            #expect(second.status == 0)
            #expect(second.stderr.contains("3 documents (0 processed, 3 skipped)"))

            try FileManager.default.moveItem(
                at: input.appendingPathComponent("00-psvo-2024-03-01.pdf"),
                to: input.appendingPathComponent("renamed.pdf"))
            let plan = try protokoll.run(arguments + ["--dry-run"])
            #expect(plan.stdoutText.contains("skip\tmoved\t\(input.path)/renamed.pdf"))
            #expect(plan.stdoutText.split(separator: "\n").filter { $0.hasPrefix("run") }.isEmpty)

            // A configuration that can change records reprocesses everything.
            let config = folder.appendingPathComponent("pipeline.yml")
            try Data("version: 1\nlimits:\n  pages: 4000\n".utf8).write(to: config)
            let changed = try protokoll.run([
                "run", "--config", config.path, "--input", input.path, "--output", output.path,
            ])
            #expect(changed.stderr.contains("3 documents (3 processed, 0 skipped)"))
        }
    }

    /// `kill -9` at random moments, then a rerun: the same files as an undisturbed run, and
    /// nothing partial left in sight.
    @Test func killedRunResumesToIdenticalOutput() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try corpus(12, in: folder)
            let clean = folder.appendingPathComponent("clean")
            _ = try protokoll.run(["run", "--input", input.path, "--output", clean.path, "--jobs", "2"])
            let expected = try contents(clean)
            #expect(expected.count == 24)

            var generator = SystemRandomNumberGenerator()
            for attempt in 0..<3 {
                let output = folder.appendingPathComponent("killed-\(attempt)")
                let process = Process()
                process.executableURL = protokoll.url
                process.arguments = ["run", "--input", input.path, "--output", output.path, "--jobs", "2"]
                process.standardError = FileHandle.nullDevice
                try process.run()
                usleep(UInt32.random(in: 200_000...2_500_000, using: &generator))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                // Orphaned workers finish or die on their own; the lock went with the runner.
                let rerun = try protokoll.run(["run", "--input", input.path, "--output", output.path, "--jobs", "2"])
                #expect(rerun.status == 0, "attempt \(attempt): \(rerun.stderr)")
                #expect(try contents(output) == expected, "attempt \(attempt)")
                let visible = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
                    !$0.hasPrefix(".")
                }
                #expect(visible.allSatisfy { $0.hasSuffix(".ndjson") || $0.hasSuffix(".txt") || $0.hasSuffix(".json") })
                #expect(!visible.contains { $0.contains(".tmp") })
            }
        }
    }

    @Test func shardsTogetherEqualOneRun() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try corpus(8, in: folder)
            let whole = folder.appendingPathComponent("whole")
            _ = try protokoll.run(["run", "--input", input.path, "--output", whole.path])
            var union: [String: Data] = [:]
            for index in 0..<4 {
                let output = folder.appendingPathComponent("shard-\(index)")
                let result = try protokoll.run(
                    ["run", "--input", input.path, "--output", output.path, "--shard-count", "4"],
                    environment: ["JOB_COMPLETION_INDEX": "\(index)"])
                #expect(result.status == 0)
                let files = try contents(output)
                #expect(Set(files.keys).isDisjoint(with: union.keys))
                union.merge(files) { first, _ in first }
            }
            #expect(union == (try contents(whole)))
        }
    }

    @Test func statusAndExport() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let output = folder.appendingPathComponent("out")
            _ = try protokoll.run([
                "run", "--input", "samples/lsvo-2021-06-04.pdf", "--input", "Tests/Fixtures/pdf/encrypted-user.pdf",
                "--output", output.path,
            ])
            let status = try protokoll.run(["status", "--output", output.path])
            #expect(status.stdoutText.contains("inputs: 2"))
            #expect(status.stdoutText.contains("encrypted\tTests/Fixtures/pdf/encrypted-user.pdf"))

            let exported = output.appendingPathComponent("by-type")
            let export = try protokoll.run(["export", "--by-type", "--from", output.path, "--output", exported.path])
            #expect(export.status == 0)
            let items = try String(contentsOf: exported.appendingPathComponent("agenda_items.ndjson"), encoding: .utf8)
            #expect(items.split(separator: "\n").count == 11)
            #expect(
                FileManager.default.fileExists(atPath: exported.appendingPathComponent("source_documents.ndjson").path))
        }
    }
}
