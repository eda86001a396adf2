import Foundation
import Testing

@testable import ProtokollRunner

struct AvailableCoresTests {
    private func cpuMax(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cpu.max-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func cgroupQuotaIsQuotaOverPeriod() throws {
        #expect(AvailableCores.cgroupQuota(cpuMax: try cpuMax("150000 100000\n")) == 1.5)
        #expect(AvailableCores.cgroupQuota(cpuMax: try cpuMax("max 100000\n")) == nil)
        #expect(AvailableCores.cgroupQuota(cpuMax: "/nonexistent/cpu.max") == nil)
    }

}
