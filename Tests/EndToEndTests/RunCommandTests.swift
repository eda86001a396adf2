import Foundation
import ProtokollModel
import TestSupport
import Testing

/// `protokoll run` over real folders: every input accounted for, honest exit codes, no
/// partial files.
struct RunCommandTests {
    let protokoll = Executable("protokoll")

    /// A folder `parent/in` of good, encrypted, empty, mislabelled and nested files.
    private func mixedFolder(in parent: URL) throws -> URL {
        let folder = parent.appendingPathComponent("in")
        let nested = folder.appendingPathComponent("2021/juni")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let copies = [
            (Fixtures.sample("orebro-2020-01-31.pdf"), folder.appendingPathComponent("orebro.pdf")),
            (Fixtures.sample("lsvo-2021-06-04.docx"), nested.appendingPathComponent("lsvo.docx")),
            (Fixtures.fixture("pdf/encrypted-user.pdf"), folder.appendingPathComponent("locked.pdf")),
        ]
        for (source, target) in copies {
            try FileManager.default.copyItem(at: source, to: target)
        }
        try Data().write(to: folder.appendingPathComponent("empty.pdf"))
        try Data("inte en pdf".utf8).write(to: folder.appendingPathComponent("notes.pdf"))
        try Data("ignored: not .pdf or .docx".utf8).write(to: folder.appendingPathComponent("readme.txt"))
        return folder
    }

    @Test func mixedFolderCompletesWithEveryInputAccountedFor() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try mixedFolder(in: folder)
            let output = folder.appendingPathComponent("out")
            let result = try protokoll.run(["run", "--input", input.path, "--output", output.path, "--jobs", "2"])
            #expect(result.status == ExitStatus.someDocumentsFailed.rawValue)
            #expect(result.stderr.contains("protokoll: 5 documents (5 processed, 0 skipped)"))

            let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { !$0.hasPrefix(".") }
                .sorted()
            let documents = ["empty.pdf", "locked.pdf", "lsvo.docx", "notes.pdf", "orebro.pdf"]
            #expect(
                files
                    == (documents.flatMap { [$0 + ".ndjson", $0 + ".txt"] } + ["quarantine.txt", "run-summary.json"])
                    .sorted())
            let summary = try JSONDecoder().decode(
                Summary.self, from: Data(contentsOf: output.appendingPathComponent("run-summary.json")))
            #expect(summary.documents == 5)
            #expect(summary.by_status == ["ok": 2, "encrypted": 1, "unsupported_format": 2])

            let locked = try String(contentsOf: output.appendingPathComponent("locked.pdf.ndjson"), encoding: .utf8)
            #expect(locked.contains(#""status":"encrypted""#))
            #expect(locked.contains(#""code":"encrypted""#))
            #expect(locked.hasSuffix("\n"))
            let orebro = try String(contentsOf: output.appendingPathComponent("orebro.pdf.ndjson"), encoding: .utf8)
            #expect(orebro.components(separatedBy: #""type":"agenda_item""#).count - 1 == 18)
        }
    }

    @Test func runsAreDeterministic() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try mixedFolder(in: folder)
            var outputs: [[String: Data]] = []
            for jobs in ["1", "2"] {
                let output = folder.appendingPathComponent("out-\(jobs)")
                _ = try protokoll.run(["run", "--input", input.path, "--output", output.path, "--jobs", jobs])
                var files: [String: Data] = [:]
                for name in try FileManager.default.contentsOfDirectory(atPath: output.path)
                where name.hasSuffix(".ndjson") {
                    files[name] = try Data(contentsOf: output.appendingPathComponent(name))
                }
                outputs.append(files)
            }
            #expect(outputs[0].count == 5)
            #expect(outputs[0].keys.allSatisfy { $0.hasSuffix(".ndjson") })
            #expect(outputs[0] == outputs[1])
        }
    }

    @Test func unknownConfigKeyIsExit78NamingLineAndKey() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let config = folder.appendingPathComponent("pipeline.yml")
            try Data("version: 1\ninputs: [samples]\nlimits:\n  wall_secs: 10\n".utf8).write(to: config)
            let result = try protokoll.run(["run", "--config", config.path])
            #expect(result.status == ExitStatus.badConfiguration.rawValue)
            #expect(result.stderr.contains("pipeline.yml:4: at `limits.wall_secs`: unknown key"))
        }
    }

    /// `jobs: 0` under a CPU affinity mask of one core starts one worker, not one per core of
    /// the machine.
    @Test func defaultJobsFollowTheAffinityMask() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let input = try mixedFolder(in: folder)
            let output = folder.appendingPathComponent("out")
            let taskset = Executable(path: "/usr/bin/taskset")
            let result = try taskset.run([
                "-c", "0", protokoll.url.path, "run", "--input", input.path, "--output", output.path,
            ])
            #expect(result.stderr.contains("jobs=1 "))
        }
    }

    @Test func nothingToDoIsExit66() throws {
        try Fixtures.withTemporaryDirectory { empty in
            let result = try protokoll.run([
                "run", "--input", empty.path, "--output", empty.appendingPathComponent("out").path,
            ])
            #expect(result.status == ExitStatus.noInput.rawValue)
        }
    }

    /// The shipped pipeline.yml runs the samples.
    @Test func shippedConfigRunsTheSamples() throws {
        try Fixtures.withTemporaryDirectory { output in
            let result = try protokoll.run(["run", "--config", "pipeline.yml", "--output", output.path])
            #expect(result.status == ExitStatus.ok.rawValue)
            let files = try FileManager.default.contentsOfDirectory(atPath: output.path).filter {
                $0.hasSuffix(".ndjson")
            }
            #expect(files.count == ExtractCommandTests.samples.count)
        }
    }

    private struct Summary: Decodable {
        var documents: Int
        var by_status: [String: Int]
    }
}
