import ArgumentParser
import Foundation
import ProtokollModel
import ProtokollRunner

/// `protokoll status`: what the ledger knows: inputs by latest status, and the failed ones.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Print the ledger's counts by status and the failed inputs.")

    @OptionGroup var configOptions: ConfigOptions

    func run() throws {
        let settings = try configOptions.load()
        let state = URL(fileURLWithPath: settings.output).appendingPathComponent(".protokoll")
        guard FileManager.default.fileExists(atPath: state.appendingPathComponent("ledger.ndjson").path) else {
            print("no ledger in \(settings.output): nothing has run there yet")
            return
        }
        let latest = try Ledger(directory: state).byPath.values.sorted { $0.path < $1.path }
        var counts: [String: Int] = [:]
        for entry in latest { counts[entry.status, default: 0] += 1 }
        print("inputs: \(latest.count)")
        for (status, count) in counts.sorted(by: { $0.key < $1.key }) {
            print("  \(status): \(count)")
        }
        let failed = latest.filter { $0.status != "ok" }
        if !failed.isEmpty {
            print("failed:")
            for entry in failed {
                print("  \(entry.status)\t\(entry.path)\t\(entry.reason ?? "")")
            }
        }
    }
}
