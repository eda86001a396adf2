import Foundation
import ProtokollModel
import TestSupport
import Testing

@testable import ProtokollRunner

struct ShardAndLedgerTests {
    @Test func shardsPartitionByContentHash() throws {
        let shards = (0..<4).map { Shard("\($0)/4")! }
        let hashes = (0..<200).map { SHA256.hex(Array("document \($0)".utf8)) }
        for hash in hashes {
            #expect(shards.filter { $0.contains(sha256: hash) }.count == 1)
        }
        #expect(Shard("4/4") == nil)
        #expect(Shard("x/2") == nil)
        #expect(
            Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_COUNT": "3"], count: nil)
                == Shard("2/3"))
        #expect(Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"], count: 2) == Shard("1/2"))
    }

    /// A torn last line (a crash mid-append) is dropped when the ledger is opened; the lines
    /// before it and the lines appended after it are kept.
    @Test func ledgerSurvivesATornLine() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let ledger = try Ledger(directory: directory)
            try ledger.append(
                .init(key: "a|v|c", sha256: "a", path: "a.pdf", output: "a.pdf", status: "ok", reason: nil))
            let handle = try FileHandle(forWritingTo: ledger.url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"key":"b|v|c","sha2"#.utf8))
            try handle.close()
            let reopened = try Ledger(directory: directory)
            #expect(reopened.entries.map(\.path) == ["a.pdf"])
            try reopened.append(
                .init(key: "c|v|c", sha256: "c", path: "c.pdf", output: "c.pdf", status: "corrupt", reason: "x"))
            #expect(try Ledger(directory: directory).entries.map(\.path) == ["a.pdf", "c.pdf"])
        }
    }

    /// Two runs on one output directory: the second is refused while the first holds it.
    @Test func outputLockIsExclusive() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let first = try OutputLock(directory: directory)
            #expect(throws: BatchRunner.RunError.self) { try OutputLock(directory: directory) }
            first.release()
            let second = try OutputLock(directory: directory)
            second.release()
        }
    }

    @Test func outputNamesStayUniqueAcrossFolders() {
        #expect(RunPlan.outputNames(for: ["a/x.pdf", "b/x.pdf", "c/y.docx"]) == ["a__x.pdf", "b__x.pdf", "y.docx"])
    }
}

/// A shard hashes in full only its own documents; the key that places a document reads its
/// size and ends, so it must still follow the content, never the path.
struct ShardKeyTests {
    @Test func copiesShareAKeyWhateverTheirPath() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let first = try writeInput(bytes, to: "a.pdf", in: directory)
            let copy = try writeInput(bytes, to: "renamed.pdf", in: directory)
            #expect(RunPlan.shardKey(of: first) != nil)
            #expect(RunPlan.shardKey(of: first) == RunPlan.shardKey(of: copy))
        }
    }

    @Test func sizeAndEndsDecide() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let bytes = [UInt8](repeating: 7, count: 300_000)
            var middle = bytes
            middle[150_000] = 8
            var tail = bytes
            tail[299_999] = 8
            let key = RunPlan.shardKey(of: try writeInput(bytes, to: "a.pdf", in: directory))
            // The middle of a large file is not read: only the full hash, in its shard, sees it.
            #expect(RunPlan.shardKey(of: try writeInput(middle, to: "b.pdf", in: directory)) == key)
            #expect(RunPlan.shardKey(of: try writeInput(tail, to: "c.pdf", in: directory)) != key)
            #expect(RunPlan.shardKey(of: try writeInput(bytes + [7], to: "d.pdf", in: directory)) != key)
            // Small files are read whole.
            #expect(
                RunPlan.shardKey(of: try writeInput([1, 2, 3], to: "e.pdf", in: directory))
                    != RunPlan.shardKey(of: try writeInput([1, 2, 4], to: "f.pdf", in: directory)))
            #expect(RunPlan.shardKey(of: directory.path) == nil)
        }
    }

    /// Each document lands in exactly one shard.
    @Test func shardsCoverEveryDocumentOnce() throws {
        try Fixtures.withTemporaryDirectory { directory in
            let paths = try (0..<40).map {
                try writeInput(Array("document \($0)".utf8), to: "\($0).pdf", in: directory)
            }
            let ledger = try Ledger(directory: directory.appendingPathComponent("ledger"))
            let plans = (0..<3).map { index in
                RunPlan(
                    paths: paths, config: PipelineConfig(), shard: Shard("\(index)/3"), ledger: ledger,
                    outputDirectory: directory)
            }
            let planned = plans.flatMap { $0.documents.map(\.path) }
            #expect(planned.sorted() == paths.sorted())
            #expect(plans.allSatisfy { !$0.documents.isEmpty })
        }
    }
}
