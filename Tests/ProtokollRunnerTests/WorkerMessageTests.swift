import Foundation
import ProtokollModel
import Testing

@testable import ProtokollRunner

struct WorkerMessageTests {
    /// The runner skips the JSON decoder for lines equal to `progressLine`: right only if that
    /// line is a progress reply, and never a `done` one.
    @Test func progressLineDecodesAsProgress() throws {
        #expect(!WorkerProcess.progressLine.isEmpty)
        #expect(try NDJSON.decode(WorkerReply.self, from: WorkerProcess.progressLine) == .progress)
    }
}
