import Foundation
import TestSupport
import Testing

@testable import ProtokollRunner

struct AvailableCoresTests {
    @Test func cgroupQuotaIsQuotaOverPeriod() throws {
        try Fixtures.withTemporaryDirectory { folder in
            let cpuMax = folder.appendingPathComponent("cpu.max")
            try Data("150000 100000\n".utf8).write(to: cpuMax)
            #expect(AvailableCores.cgroupQuota(cpuMax: cpuMax.path) == 1.5)
            try Data("max 100000\n".utf8).write(to: cpuMax)
            #expect(AvailableCores.cgroupQuota(cpuMax: cpuMax.path) == nil)
        }
        #expect(AvailableCores.cgroupQuota(cpuMax: "/nonexistent/cpu.max") == nil)
    }

}
