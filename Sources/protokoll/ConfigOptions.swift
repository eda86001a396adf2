public import ArgumentParser
import Foundation
public import Logging
public import ProtokollExtract
import ProtokollModel
import ProtokollRunner

/// Options every subcommand shares: where the configuration is, and what overrides it.
struct ConfigOptions: ParsableArguments {
    @Option(help: "The pipeline configuration file.")
    var config = "pipeline.yml"

    @Option(help: "Output directory (overrides the configuration).")
    var output: String?

    /// The configuration file (defaults when it does not exist) with the output override.
    func load() throws -> PipelineConfig {
        var settings: PipelineConfig
        do {
            settings =
                FileManager.default.fileExists(atPath: config)
                ? try PipelineConfig.load(path: config) : PipelineConfig()
        } catch {
            FileHandle.standardError.write(Data("protokoll: \(error.localizedDescription)\n".utf8))
            throw ExitCode(ExitStatus.badConfiguration.rawValue)
        }
        if let output { settings.output = output }
        return settings
    }
}

/// Logging to stderr at the chosen level, bootstrapped once per process.
func bootstrapLogging(_ level: Logger.Level) -> Logger {
    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = level
        return handler
    }
    return Logger(label: "protokoll")
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension OCRSettings.Mode: ExpressibleByArgument {}
