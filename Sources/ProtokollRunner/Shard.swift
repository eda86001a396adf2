import Foundation

/// One shard of a batch split over several machines or array tasks: index I of N.
///
/// Documents are assigned by content (`RunPlan.shardKey`), not by path, so every machine agrees
/// on the split whatever it calls the files, and the union of the N shards is exactly one whole
/// run.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses "I/N" with 0 ≤ I < N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], count > 0, (0..<count).contains(index)
        else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// The shard from the environment of a Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`) or
    /// a Slurm job array (`SLURM_ARRAY_TASK_ID`), with N from `count` or
    /// `SLURM_ARRAY_TASK_COUNT`.
    public static func fromEnvironment(_ environment: [String: String], count: Int?) -> Shard? {
        guard let index = environment["JOB_COMPLETION_INDEX"] ?? environment["SLURM_ARRAY_TASK_ID"],
            let total = count ?? environment["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init)
        else { return nil }
        return Shard("\(index)/\(total)")
    }

    /// Whether a document with this shard key (hex SHA-256) belongs to the shard.
    public func contains(sha256: String) -> Bool {
        let prefix = UInt64(sha256.prefix(15), radix: 16) ?? 0
        return Int(prefix % UInt64(count)) == index
    }

    public var description: String { "\(index)/\(count)" }
}
