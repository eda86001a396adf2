public import Foundation
import Yams

/// A configuration file that cannot be used, with where and why.
public struct ConfigurationError: Error, Sendable, Equatable, LocalizedError {
    public var file: String
    public var line: Int?
    /// Dotted path to the offending key, e.g. `limits.pages`.
    public var key: String?
    public var reason: String

    public init(file: String, line: Int?, key: String?, reason: String) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    /// `pipeline.yml:4: at `limits.pages`: expected an integer`.
    public var errorDescription: String? {
        let place = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let at = key.map { ": at `\($0)`" } ?? ""
        return "\(place)\(at): \(reason)"
    }
}

struct UnknownKeyError: Error {
    var path: [String]
    var key: String
    var allowed: [String]
}

/// A coding key that accepts any string, to list the keys a mapping really has.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Fails on any mapping key that `Keys` does not name, so a typo is an error rather than
    /// a silently ignored setting.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let allowed = Keys.allCases.map(\.stringValue)
        let container = try container(keyedBy: AnyKey.self)
        for key in container.allKeys.map(\.stringValue).sorted() where !allowed.contains(key) {
            throw UnknownKeyError(path: codingPath.map(\.stringValue), key: key, allowed: allowed)
        }
    }
}

extension PipelineConfig {
    /// Reads and validates a configuration file.
    /// - Throws: `ConfigurationError` naming the file, line and key.
    public static func load(path: String) throws(ConfigurationError) -> PipelineConfig {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigurationError(file: path, line: nil, key: nil, reason: "cannot read the file as UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses configuration text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> PipelineConfig {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, reason: "not valid YAML: \(error)")
        }
        guard let node else { return PipelineConfig() }
        let config: PipelineConfig
        do {
            config = try YAMLDecoder().decode(PipelineConfig.self, from: node)
        } catch let error as UnknownKeyError {
            let path = error.path + [error.key]
            throw ConfigurationError(
                file: file, line: Self.line(of: path, in: node, keyLine: true), key: path.joined(separator: "."),
                reason: "unknown key; expected one of: \(error.allowed.joined(separator: ", "))")
        } catch let error as DecodingError {
            throw Self.describe(error, node: node, file: file)
        } catch {
            throw ConfigurationError(file: file, line: nil, key: nil, reason: "\(error)")
        }
        if config.version != currentVersion {
            throw ConfigurationError(
                file: file, line: line(of: ["version"], in: node, keyLine: false), key: "version",
                reason: "version \(config.version) is not supported; this build reads version \(currentVersion)")
        }
        if let shard = config.shard, Shard(shard) == nil {
            throw ConfigurationError(
                file: file, line: line(of: ["shard"], in: node, keyLine: false), key: "shard",
                reason: "expected \"I/N\" with 0 ≤ I < N, got \"\(shard)\"")
        }
        if !(0...1).contains(config.failureThreshold) {
            throw ConfigurationError(
                file: file, line: line(of: ["failure_threshold"], in: node, keyLine: false), key: "failure_threshold",
                reason: "expected a share between 0 and 1, got \(config.failureThreshold)")
        }
        if config.jobs < 0 {
            throw ConfigurationError(
                file: file, line: line(of: ["jobs"], in: node, keyLine: false), key: "jobs",
                reason: "expected 0 (one per core) or a positive number, got \(config.jobs)")
        }
        try validateOCR(config, node: node, file: file)
        return config
    }

    /// OCR values that would fail only later, inside every worker, fail here instead.
    private static func validateOCR(_ config: PipelineConfig, node: Node, file: String) throws(ConfigurationError) {
        func fail(_ path: [String], _ reason: String) -> ConfigurationError {
            ConfigurationError(
                file: file, line: line(of: path, in: node, keyLine: false), key: path.joined(separator: "."),
                reason: reason)
        }
        if !(50...1200).contains(config.ocrDPI) {
            throw fail(["ocr_dpi"], "expected a resolution from 50 to 1200 dpi, got \(config.ocrDPI)")
        }
        // Tesseract language codes ("swe", "swe+eng", "chi_sim"); anything else would be a path.
        let allowed = Set("abcdefghijklmnopqrstuvwxyz_+")
        if config.ocrLanguage.isEmpty || !config.ocrLanguage.allSatisfy(allowed.contains) {
            throw fail(["ocr_language"], "expected Tesseract language codes such as swe or swe+eng")
        }
        if config.ocrMinTextChars < 0 {
            throw fail(["ocr_min_text_chars"], "expected 0 or more characters, got \(config.ocrMinTextChars)")
        }
        if !(0...100).contains(config.ocrLowConfidence) {
            throw fail(["ocr_low_confidence"], "expected a confidence from 0 to 100, got \(config.ocrLowConfidence)")
        }
        if config.limits.ocrSecondsPerPage <= 0 {
            throw fail(
                ["limits", "ocr_seconds_per_page"],
                "expected more than 0 seconds, got \(config.limits.ocrSecondsPerPage)")
        }
    }

    /// Never shows a raw `DecodingError`: names the key and what was expected.
    private static func describe(_ error: DecodingError, node: Node, file: String) -> ConfigurationError {
        let (context, reason): (DecodingError.Context, String) =
            switch error {
            case .typeMismatch(let type, let context): (context, "expected \(typeName(type))")
            case .valueNotFound(let type, let context): (context, "expected \(typeName(type)), found nothing")
            case .keyNotFound(let key, let context): (context, "missing key `\(key.stringValue)`")
            case .dataCorrupted(let context): (context, context.debugDescription)
            @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "invalid value")
            }
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
        return ConfigurationError(
            file: file, line: line(of: path, in: node, keyLine: false),
            key: path.isEmpty ? nil : path.joined(separator: "."), reason: reason)
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        default: "a \(type)"
        }
    }

    /// The 1-based line of a key (or its value) in the YAML tree.
    private static func line(of path: [String], in node: Node, keyLine: Bool) -> Int? {
        var current = node
        for (position, component) in path.enumerated() {
            if let mapping = current.mapping {
                guard let pair = mapping.first(where: { $0.key.string == component }) else { return current.mark?.line }
                if keyLine && position == path.count - 1 { return pair.key.mark?.line }
                current = pair.value
            } else if let sequence = current.sequence, let index = Int(component), index < sequence.count {
                current = sequence[index]
            } else {
                return current.mark?.line
            }
        }
        return current.mark?.line
    }
}
