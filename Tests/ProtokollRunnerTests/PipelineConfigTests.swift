import Foundation
import ProtokollRunner
import Testing

struct PipelineConfigTests {
    @Test func emptyFileGivesDefaults() throws {
        #expect(try PipelineConfig.parse("", file: "pipeline.yml") == PipelineConfig())
    }

    @Test func readsEveryKey() throws {
        let config = try PipelineConfig.parse(
            """
            version: 1
            inputs: [archive/2019, extra.pdf]
            output: out
            jobs: 4
            limits:
              wall_seconds: 12.5
              file_bytes: 1000
              pages: 20
            log_level: debug
            """, file: "pipeline.yml")
        #expect(config.inputs == ["archive/2019", "extra.pdf"])
        #expect(config.output == "out")
        #expect(config.jobs == 4)
        #expect(config.limits.wallSeconds == 12.5)
        #expect(config.limits.fileBytes == 1000)
        #expect(config.limits.pages == 20)
        #expect(config.logLevel == "debug")
    }

    @Test func unknownKeyNamesFileLineAndKey() {
        #expect(
            throws: ConfigurationError(
                file: "p.yml", line: 2, key: "ouput",
                reason:
                    "unknown key; expected one of: version, inputs, manifest, output, jobs, shard, limits, incremental, quarantine, failure_threshold, log_level, ocr, ocr_dpi, ocr_language, ocr_min_text_chars, ocr_low_confidence"
            )
        ) {
            try PipelineConfig.parse("version: 1\nouput: out\n", file: "p.yml")
        }
    }

    @Test func wrongTypeNamesKeyAndExpectation() throws {
        do {
            _ = try PipelineConfig.parse("limits:\n  pages: many\n", file: "p.yml")
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "limits.pages")
            #expect(error.line == 2)
            #expect(error.reason == "expected an integer")
            #expect(error.localizedDescription == "p.yml:2: at `limits.pages`: expected an integer")
        }
    }

    @Test func readsRunnerPolicies() throws {
        let config = try PipelineConfig.parse(
            """
            manifest: inputs.txt
            shard: 1/4
            limits: {stall_seconds: 5, memory_mb: 512}
            incremental: {enabled: false, retry_failed: true}
            quarantine: {copy: true}
            failure_threshold: 0.25
            """, file: "pipeline.yml")
        #expect(config.manifest == "inputs.txt")
        #expect(config.shard == "1/4")
        #expect(config.limits.stallSeconds == 5)
        #expect(config.limits.memoryMB == 512)
        #expect(!config.incremental.enabled && config.incremental.retryFailed)
        #expect(config.quarantine.copy)
        #expect(config.failureThreshold == 0.25)
    }

    /// Settings that can change records change the hash; the rest do not.
    @Test func configHashFollowsRecordAffectingSettings() throws {
        let base = PipelineConfig()
        var jobs = base
        jobs.jobs = 8
        jobs.output = "elsewhere"
        var pages = base
        pages.limits.pages = 10
        #expect(jobs.configHash == base.configHash)
        #expect(pages.configHash != base.configHash)
    }

    @Test func badShardAndThresholdAreRefused() {
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("shard: 4/4\n", file: "p.yml") }
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("failure_threshold: 2\n", file: "p.yml") }
    }

    @Test func unsupportedVersionAndNegativeJobsAreRefused() {
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("version: 2\n", file: "p.yml") }
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("jobs: -1\n", file: "p.yml") }
    }
}
