import Foundation
import ProtokollModel
import TestSupport
import Testing

struct AtomicFileTests {
    @Test func writeReplacesTheTargetAndLeavesNoTemporary() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let target = folder.appendingPathComponent("doc.ndjson")
            try Data("old\n".utf8).write(to: target)
            let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try AtomicFile.write(bytes, to: target)
            #expect(try Data(contentsOf: target) == bytes)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["doc.ndjson"])
        }
    }

    @Test func stagedFileAppearsOnlyOnCommit() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let target = folder.appendingPathComponent("doc.txt")
            let temporary = AtomicFile.temporaryURL(for: target)
            try AtomicFile.stage(Data(), at: temporary)
            #expect(!FileManager.default.fileExists(atPath: target.path))
            try AtomicFile.commit(temporary, as: target)
            #expect(try Data(contentsOf: target).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: temporary.path))
        }
    }

    @Test func failuresThrowAndLeaveNothing() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let missing = folder.appendingPathComponent("no-such-folder/doc.txt")
            #expect(throws: POSIXError.self) { try AtomicFile.write(Data("x".utf8), to: missing) }
            #expect(throws: POSIXError.self) {
                try AtomicFile.publish(folder.appendingPathComponent(".never-written"), as: missing)
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(left.isEmpty)
        }
    }
}
