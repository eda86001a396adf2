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

    /// A worker reports at least every twentieth of the stall limit, and at least every second.
    @Test func progressIntervalFollowsTheStallLimit() {
        #expect(WorkerProcess.progressSeconds(stallSeconds: 120) == 1)
        #expect(WorkerProcess.progressSeconds(stallSeconds: 8) == 0.4)
        #expect(WorkerProcess.progressSeconds(stallSeconds: 0) == 0)
    }
}
