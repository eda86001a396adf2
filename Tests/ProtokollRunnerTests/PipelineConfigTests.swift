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
                reason: "unknown key; expected one of: version, inputs, output, jobs, limits, log_level")
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

    @Test func unsupportedVersionAndNegativeJobsAreRefused() {
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("version: 2\n", file: "p.yml") }
        #expect(throws: ConfigurationError.self) { try PipelineConfig.parse("jobs: -1\n", file: "p.yml") }
    }
}
