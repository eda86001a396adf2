import CProcessControl
import Foundation

/// The cores this process may really use: the CPU affinity mask (`taskset`, Slurm's
/// `--cpus-per-task` with task binding) and the cgroup CPU quota (Kubernetes `limits.cpu`,
/// `systemd-run -p CPUQuota=`), whichever is smaller. The default `jobs: 0` starts one
/// worker per such core; counting the whole node's cores would overload an allocation.
enum AvailableCores {
    static func count() -> Int {
        var cores = affinityCount() ?? ProcessInfo.processInfo.activeProcessorCount
        if let quota = cgroupQuota(cpuMax: ownCgroupCPUMax()), quota < Double(cores) {
            cores = Int(quota.rounded(.up))
        }
        return max(cores, 1)
    }

    /// Cores in this process's affinity mask.
    private static func affinityCount() -> Int? {
        let count = Int(protokoll_affinity_cpu_count())
        return count > 0 ? count : nil
    }

    /// `cpu.max` of this process's cgroup (v2), from `/proc/self/cgroup` ("0::/some/path").
    private static func ownCgroupCPUMax() -> String {
        let membership = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        let path = membership.split(separator: "\n").first { $0.hasPrefix("0::") }?.dropFirst(3) ?? ""
        return "/sys/fs/cgroup" + (path == "/" ? "" : path) + "/cpu.max"
    }

    /// A cgroup v2 quota in cores (`cpu.max` holds "quota period", or "max" for none).
    static func cgroupQuota(cpuMax path: String) -> Double? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]), period > 0 else {
            return nil
        }
        return quota / period
    }
}
