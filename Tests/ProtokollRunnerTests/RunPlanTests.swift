import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollRunner

struct RunPlanTests {
    /// The runner hands out the largest documents first; equal sizes keep their input order,
    /// and documents the plan skips are not handed out at all.
    @Test func pendingDocumentsComeLargestFirst() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let sizes = [("a.pdf", 10), ("b.pdf", 300), ("c.pdf", 300), ("d.pdf", 50), ("e.pdf", 300)]
            let paths = try sizes.map { name, size in
                try writeInput([UInt8](repeating: UInt8(name.utf8.first!), count: size), to: name, in: directory)
            }
            let ledger = try Ledger(directory: directory.appendingPathComponent("ledger"))
            var config = PipelineConfig()
            config.incremental.enabled = true
            let first = RunPlan(paths: paths, config: config, shard: nil, ledger: ledger, outputDirectory: directory)
            #expect(
                first.pending.map { ($0.path as NSString).lastPathComponent } == [
                    "b.pdf", "c.pdf", "e.pdf", "d.pdf", "a.pdf",
                ])
            #expect(first.pending.map(\.size) == [300, 300, 300, 50, 10])

            let done = first.documents.first { $0.path.hasSuffix("c.pdf") }!
            try ledger.append(
                Ledger.Entry(
                    key: done.key, sha256: done.sha256, path: done.path, output: done.outputName, status: "ok",
                    reason: nil))
            try Data("{}\n".utf8).write(to: directory.appendingPathComponent(done.outputName + ".ndjson"))
            let again = RunPlan(paths: paths, config: config, shard: nil, ledger: ledger, outputDirectory: directory)
            #expect(
                again.pending.map { ($0.path as NSString).lastPathComponent } == ["b.pdf", "e.pdf", "d.pdf", "a.pdf"])
        }
    }

    /// Reading the inputs several at a time changes nothing in the plan.
    @Test func threadsDoNotChangeThePlan() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let paths = try (0..<60).map { index in
                try writeInput(
                    (0..<(index * 997)).map { UInt8(truncatingIfNeeded: $0 &* index) }, to: "\(index).pdf",
                    in: directory)
            }
            let ledger = try Ledger(directory: directory.appendingPathComponent("ledger"))
            let plan = { (threads: Int) in
                RunPlan(
                    paths: paths, config: PipelineConfig(), shard: Shard("1/2"), ledger: ledger,
                    outputDirectory: directory, threads: threads
                ).documents.map { "\($0.path) \($0.sha256 ?? "-") \($0.size) \($0.key)" }
            }
            let one = plan(1)
            #expect(!one.isEmpty && one.count < paths.count)
            #expect(plan(3) == one)
            #expect(plan(100) == one)
        }
    }

    /// The hash is the file's, read through the buffer several times over and through a
    /// symbolic link; anything but a regular file has none, and a FIFO does not block.
    @Test func contentIsReadFromRegularFilesOnly() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let bytes = (0..<400_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }
            let file = try writeInput(bytes, to: "big.pdf", in: directory)
            let content = RunPlan.content(of: file)
            #expect(content?.sha256 == SHA256.hex(bytes))
            #expect(content?.size == 400_000)
            #expect(RunPlan.content(of: try writeInput([], to: "empty.pdf", in: directory))?.sha256 == SHA256.hex([]))

            let link = directory.appendingPathComponent("link.pdf").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
            #expect(RunPlan.content(of: link)?.sha256 == content?.sha256)

            let loop = directory.appendingPathComponent("loop.pdf").path
            try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
            let fifo = directory.appendingPathComponent("pipe.pdf").path
            #expect(mkfifo(fifo, 0o644) == 0)
            for path in [loop, fifo, directory.path, directory.appendingPathComponent("missing.pdf").path] {
                #expect(RunPlan.content(of: path) == nil)
                #expect(RunPlan.shardKey(of: path) == nil)
            }
        }
    }

    @Test func concurrentMapKeepsTheOrder() {
        let numbers = (0..<1_000).map(String.init)
        for threads in [1, 2, 7, 5_000] {
            #expect(numbers.concurrentMap(threads: threads) { $0 + "!" } == numbers.map { $0 + "!" })
        }
        #expect([String]().concurrentMap(threads: 4) { $0 }.isEmpty)
    }
}
