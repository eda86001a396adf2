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
        let directory = try Fixtures.temporaryDirectory()
        let ledger = try Ledger(directory: directory)
        try ledger.append(.init(key: "a|v|c", sha256: "a", path: "a.pdf", output: "a.pdf", status: "ok", reason: nil))
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

    /// Two runs on one output directory: the second is refused while the first holds it.
    @Test func outputLockIsExclusive() throws {
        let directory = try Fixtures.temporaryDirectory()
        let first = try OutputLock(directory: directory)
        #expect(throws: BatchRunner.RunError.self) { try OutputLock(directory: directory) }
        first.release()
        let second = try OutputLock(directory: directory)
        second.release()
    }

    @Test func outputNamesStayUniqueAcrossFolders() {
        #expect(RunPlan.outputNames(for: ["a/x.pdf", "b/x.pdf", "c/y.docx"]) == ["a__x.pdf", "b__x.pdf", "y.docx"])
    }
}
