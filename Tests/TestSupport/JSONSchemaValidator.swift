public import Foundation

/// A small JSON Schema (draft 2020-12) validator for the record schemas in `schema/v1/`.
///
/// The package can use no third-party code, and the schemas need only a dozen keywords, so this
/// supports exactly those: `type` (a name or a list of names; `integer` is a number without a
/// fraction), `properties`, `required`, `additionalProperties` (`false`, or a schema for map
/// values such as `extractor_versions`), `items`, `enum`, `const`, `pattern`, `minimum`,
/// `maximum`, `oneOf`, `$ref` and `$defs`, plus the annotations `$schema`, `title`,
/// `description` and `$comment`, which are read and ignored.
///
/// Any other keyword makes loading fail. A validator that skipped `format` or `anyOf` would
/// pass lines the schema means to reject, and a test built on it would prove nothing.
///
/// `$ref` takes `#/$defs/name` (same file), `other.schema.json#/$defs/name` or
/// `other.schema.json` (another file in the same folder). Every reference is resolved when
/// loading, so a typo in a schema fails there and not in the middle of a test. References must
/// not loop without descending into the value (the record schemas have no recursion at all).
///
/// ```swift
/// let validator = try JSONSchemaValidator(folder: Fixtures.root.appendingPathComponent("schema/v1"))
/// let errors = try validator.validate(line: #"{"type":"vote","v":1}"#, against: "record.schema.json")
/// // ["/: matches none of the 11 alternatives; the closest, vote.schema.json, fails:",
/// //  "/id: required key missing", …]
/// ```
public struct JSONSchemaValidator: Sendable {
    /// One reason a value does not match: where (a JSON Pointer, `""` for the whole value) and why.
    public struct ValidationError: Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var message: String

        public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
    }

    /// A schema folder that cannot be used: bad JSON, an unknown keyword, a reference to nothing.
    public struct LoadingError: Error, Equatable, Sendable, CustomStringConvertible {
        public var file: String
        /// JSON Pointer to the offending place in the file.
        public var pointer: String
        public var message: String

        public var description: String { "\(file) at \(pointer.isEmpty ? "/" : pointer): \(message)" }
    }

    /// The loaded files' names (`vote.schema.json`, …), sorted.
    public var schemaNames: [String] { files.keys.sorted() }

    private let files: [String: Schema]

    /// Loads every `*.json` file in `folder` and checks that each schema uses only supported
    /// keywords and that each `$ref` resolves.
    /// - Throws: `LoadingError` naming the file and the place in it.
    public init(folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        var files: [String: Schema] = [:]
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let json: JSONValue
            do {
                json = try JSONValue(parsing: data)
            } catch {
                throw LoadingError(file: name, pointer: "", message: "not valid JSON: \(error)")
            }
            files[name] = try Schema(json, file: name, pointer: "")
        }
        self.files = files
        for (name, schema) in files {
            try checkReferences(in: schema, file: name)
        }
    }

    /// Validates one parsed JSON value (as `JSONSerialization` returns it) against a loaded schema.
    /// - Parameters:
    ///   - value: `[String: Any]`, `[Any]`, `String`, `NSNumber`, `NSNull`, or Swift scalars.
    ///   - schemaName: A file name from `schemaNames`, e.g. `record.schema.json`.
    /// - Returns: Every mismatch found, in a stable order; empty when the value is valid.
    /// - Throws: `LoadingError` when there is no such schema.
    public func validate(_ value: Any, against schemaName: String) throws -> [ValidationError] {
        guard let schema = files[schemaName] else {
            throw LoadingError(file: schemaName, pointer: "", message: "no such schema (have \(schemaNames))")
        }
        var errors: [ValidationError] = []
        check(JSONValue(foundation: value), against: schema, at: "", into: &errors)
        return errors
    }

    /// Parses one NDJSON line and validates it; text that is not JSON is one error at `/`.
    public func validate(line: some StringProtocol, against schemaName: String) throws -> [ValidationError] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            return [ValidationError(path: "", message: "not valid JSON")]
        }
        return try validate(value, against: schemaName)
    }

    // MARK: - Validation

    private func check(
        _ value: JSONValue, against schema: Schema, at path: String, into errors: inout [ValidationError]
    ) {
        if let reference = schema.reference {
            check(value, against: resolve(reference), at: path, into: &errors)
        }
        if let types = schema.types, !types.contains(where: value.hasType) {
            // The other keywords would only repeat the mismatch in more words.
            errors.append(
                .init(path: path, message: "expected \(types.joined(separator: " or ")), got \(value.typeName)"))
            return
        }
        if let expected = schema.constant, value != expected {
            errors.append(.init(path: path, message: "expected \(expected.literal), got \(value.literal)"))
        }
        if let allowed = schema.allowedValues, !allowed.contains(value) {
            let list = allowed.map(\.literal).joined(separator: ", ")
            errors.append(.init(path: path, message: "\(value.literal) is not one of \(list)"))
        }
        switch value {
        case .string(let string):
            if let pattern = schema.pattern, !pattern.matches(string) {
                errors.append(.init(path: path, message: "\(value.literal) does not match \(pattern.source)"))
            }
        case .integer, .number:
            let number = value.numberValue ?? 0
            if let minimum = schema.minimum, number < minimum {
                errors.append(
                    .init(
                        path: path, message: "\(value.literal) is less than the minimum \(JSONValue(minimum).literal)"))
            }
            if let maximum = schema.maximum, number > maximum {
                errors.append(
                    .init(
                        path: path, message: "\(value.literal) is more than the maximum \(JSONValue(maximum).literal)"))
            }
        case .object(let object):
            checkObject(object, against: schema, at: path, into: &errors)
        case .array(let elements):
            if let items = schema.items {
                for (index, element) in elements.enumerated() {
                    check(element, against: items, at: "\(path)/\(index)", into: &errors)
                }
            }
        case .null, .bool:
            break
        }
        if let alternatives = schema.oneOf {
            checkOneOf(value, alternatives, at: path, into: &errors)
        }
    }

    private func checkObject(
        _ object: [String: JSONValue], against schema: Schema, at path: String, into errors: inout [ValidationError]
    ) {
        for key in schema.required where object[key] == nil {
            errors.append(.init(path: "\(path)/\(escape(key))", message: "required key missing"))
        }
        for key in object.keys.sorted() {
            let keyPath = "\(path)/\(escape(key))"
            if let property = schema.properties[key] {
                check(object[key] ?? .null, against: property, at: keyPath, into: &errors)
                continue
            }
            switch schema.additionalProperties {
            case .allowed: break
            case .forbidden: errors.append(.init(path: keyPath, message: "unexpected key (not in the schema)"))
            case .schema(let values): check(object[key] ?? .null, against: values, at: keyPath, into: &errors)
            }
        }
    }

    /// `oneOf` wants exactly one alternative to match. When none does, listing every
    /// alternative's errors (eleven record types for `record.schema.json`) would bury the one
    /// that matters, so only the closest alternative's errors are reported: among those that
    /// accept the value's JSON type, the one with the fewest errors. A vote line with a bad
    /// `option` is then reported as a vote with a bad option.
    private func checkOneOf(
        _ value: JSONValue, _ alternatives: [Schema], at path: String, into errors: inout [ValidationError]
    ) {
        let results = alternatives.map { alternative in
            var errors: [ValidationError] = []
            check(value, against: alternative, at: path, into: &errors)
            return (name: alternative.reference?.source, errors: errors)
        }
        let matching = results.filter(\.errors.isEmpty)
        if matching.count == 1 { return }
        if matching.count > 1 {
            let names = matching.map { $0.name ?? "an inline schema" }.joined(separator: ", ")
            errors.append(.init(path: path, message: "matches \(matching.count) alternatives (\(names)), expected one"))
            return
        }
        let sameType = zip(alternatives, results).filter { acceptsType(of: value, $0.0) }.map(\.1)
        guard let closest = sameType.min(by: { $0.errors.count < $1.errors.count }) else {
            errors.append(.init(path: path, message: "matches none of the \(alternatives.count) alternatives"))
            errors += results.flatMap(\.errors)
            return
        }
        let name = closest.name ?? "an inline schema"
        errors.append(
            .init(
                path: path,
                message: "matches none of the \(alternatives.count) alternatives; the closest, \(name), fails:"))
        errors += closest.errors
    }

    private func acceptsType(of value: JSONValue, _ schema: Schema) -> Bool {
        if let reference = schema.reference, !acceptsType(of: value, resolve(reference)) { return false }
        return schema.types?.contains(where: value.hasType) ?? true
    }

    private func resolve(_ reference: Reference) -> Schema {
        // `checkReferences` proved at load time that every reference resolves.
        let file = files[reference.file]!
        return reference.definition.map { file.definitions[$0]! } ?? file
    }

    private func checkReferences(in schema: Schema, file: String) throws {
        if let reference = schema.reference {
            guard let target = files[reference.file] else {
                throw LoadingError(
                    file: file, pointer: schema.pointer, message: "$ref to a missing file: \(reference.source)")
            }
            if let definition = reference.definition, target.definitions[definition] == nil {
                throw LoadingError(
                    file: file, pointer: schema.pointer, message: "$ref to a missing definition: \(reference.source)")
            }
        }
        for child in schema.children {
            try checkReferences(in: child, file: file)
        }
    }

    private func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

// MARK: - Schemas

/// Where a `$ref` points: a whole file, or one of its `$defs`.
private struct Reference: Sendable {
    var source: String
    var file: String
    var definition: String?
}

private enum AdditionalProperties: Sendable {
    case allowed, forbidden
    case schema(Schema)
}

/// A compiled `Regex` would do, but `NSRegularExpression` is `Sendable` on every platform.
private struct Pattern: Sendable {
    var source: String
    var expression: NSRegularExpression

    /// JSON Schema patterns are unanchored searches; the schemas anchor with `^…$` themselves.
    func matches(_ string: String) -> Bool {
        expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}

/// One schema object, checked and parsed. A class because schemas nest.
private final class Schema: Sendable {
    static let keywords: Set<String> = [
        "$schema", "title", "description", "$comment", "$defs", "$ref", "type", "properties", "required",
        "additionalProperties", "items", "enum", "const", "pattern", "minimum", "maximum", "oneOf",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    let pointer: String
    let types: [String]?
    let properties: [String: Schema]
    let required: [String]
    let additionalProperties: AdditionalProperties
    let items: Schema?
    let allowedValues: [JSONValue]?
    let constant: JSONValue?
    let pattern: Pattern?
    let minimum: Double?
    let maximum: Double?
    let oneOf: [Schema]?
    let reference: Reference?
    let definitions: [String: Schema]

    var children: [Schema] {
        var children = Array(properties.values) + Array(definitions.values) + (oneOf ?? [])
        if let items { children.append(items) }
        if case .schema(let values) = additionalProperties { children.append(values) }
        return children
    }

    init(_ json: JSONValue, file: String, pointer: String) throws {
        func fail(_ message: String, at keyword: String? = nil) -> JSONSchemaValidator.LoadingError {
            .init(file: file, pointer: keyword.map { "\(pointer)/\($0)" } ?? pointer, message: message)
        }
        func subschema(_ json: JSONValue, _ path: String) throws -> Schema {
            try Schema(json, file: file, pointer: "\(pointer)/\(path)")
        }
        guard case .object(let object) = json else { throw fail("a schema must be an object") }
        if let unknown = object.keys.sorted().first(where: { !Self.keywords.contains($0) }) {
            throw fail("unknown keyword '\(unknown)' (the validator supports \(Self.keywords.sorted()))")
        }
        self.pointer = pointer

        switch object["type"] {
        case nil: types = nil
        case .string(let name): types = [name]
        case .array(let list) where list.allSatisfy({ $0.stringValue != nil }): types = list.compactMap(\.stringValue)
        default: throw fail("must be a type name or a list of them", at: "type")
        }
        if let types, types.isEmpty || !types.allSatisfy(Self.typeNames.contains) {
            throw fail("unknown type name in \(types)", at: "type")
        }

        var properties: [String: Schema] = [:]
        if let value = object["properties"] {
            guard case .object(let members) = value else { throw fail("must be an object", at: "properties") }
            for (name, member) in members { properties[name] = try subschema(member, "properties/\(name)") }
        }
        self.properties = properties

        switch object["required"] {
        case nil: required = []
        case .array(let names) where names.allSatisfy({ $0.stringValue != nil }):
            required = names.compactMap(\.stringValue)
        default: throw fail("must be a list of key names", at: "required")
        }

        switch object["additionalProperties"] {
        case nil: additionalProperties = .allowed
        case .bool(false): additionalProperties = .forbidden
        case .some(let value) where value.isObject:
            additionalProperties = .schema(try subschema(value, "additionalProperties"))
        default: throw fail("must be false or a schema", at: "additionalProperties")
        }

        items = try object["items"].map { try subschema($0, "items") }

        switch object["enum"] {
        case nil: allowedValues = nil
        case .array(let values) where !values.isEmpty: allowedValues = values
        default: throw fail("must be a non-empty list", at: "enum")
        }
        constant = object["const"]

        switch object["pattern"] {
        case nil: pattern = nil
        case .string(let source):
            do {
                pattern = Pattern(source: source, expression: try NSRegularExpression(pattern: source))
            } catch {
                throw fail("not a valid regular expression", at: "pattern")
            }
        default: throw fail("must be a string", at: "pattern")
        }

        func bound(_ keyword: String) throws -> Double? {
            guard let value = object[keyword] else { return nil }
            guard let number = value.numberValue else { throw fail("must be a number", at: keyword) }
            return number
        }
        minimum = try bound("minimum")
        maximum = try bound("maximum")

        switch object["oneOf"] {
        case nil: oneOf = nil
        case .array(let alternatives) where !alternatives.isEmpty:
            oneOf = try alternatives.enumerated().map { try subschema($1, "oneOf/\($0)") }
        default: throw fail("must be a non-empty list of schemas", at: "oneOf")
        }

        switch object["$ref"] {
        case nil: reference = nil
        case .string(let source):
            let parts = source.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let fragment = parts.count == 2 ? parts[1] : ""
            guard fragment.isEmpty || (fragment.hasPrefix("/$defs/") && fragment.split(separator: "/").count == 2)
            else {
                throw fail("only '#/$defs/name', 'file.json' and 'file.json#/$defs/name' are supported", at: "$ref")
            }
            let definition = fragment.isEmpty ? nil : String(fragment.dropFirst("/$defs/".count))
            reference = Reference(source: source, file: parts[0].isEmpty ? file : parts[0], definition: definition)
        default: throw fail("must be a string", at: "$ref")
        }

        var definitions: [String: Schema] = [:]
        if let value = object["$defs"] {
            guard case .object(let members) = value else { throw fail("must be an object", at: "$defs") }
            for (name, member) in members { definitions[name] = try subschema(member, "$defs/\(name)") }
        }
        self.definitions = definitions
    }
}

// MARK: - JSON values

/// A JSON value with the distinctions JSON Schema makes and Foundation blurs: on Linux a
/// parsed `1` casts to `Bool`, and `true` casts to `Int`.
private enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// Any number without a fraction, so `1.0` is an integer as JSON Schema says.
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(parsing data: Data) throws {
        self.init(foundation: try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    /// Converts what `JSONSerialization` returns. Its booleans are the `NSNumber`s whose
    /// Objective-C type is `c` (char): that is how Foundation marks them on Darwin and Linux.
    init(foundation value: Any) {
        switch value {
        case let bool as Bool where type(of: value) == Bool.self: self = .bool(bool)
        case let integer as Int where type(of: value) == Int.self: self = .integer(integer)
        case let double as Double where type(of: value) == Double.self: self = Self(number: double, exact: nil)
        case let number as NSNumber:
            self =
                String(cString: number.objCType) == "c"
                ? .bool(number.boolValue) : Self(number: number.doubleValue, exact: number.int64Value)
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(Self.init(foundation:)))
        case let object as [String: Any]: self = .object(object.mapValues(Self.init(foundation:)))
        default: self = .null  // NSNull, or an optional that was nil
        }
    }

    /// A number as JSON Schema sees it: `1.0` is the integer 1.
    init(_ number: Double) {
        self.init(number: number, exact: nil)
    }

    private init(number: Double, exact: Int64?) {
        if let exact, Double(exact) == number {
            self = .integer(Int(exact))
        } else if number.isFinite, number.rounded() == number, abs(number) < 9.0e15 {
            self = .integer(Int(number))
        } else {
            self = .number(number)
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func hasType(_ name: String) -> Bool {
        name == typeName || (name == "number" && typeName == "integer")
    }

    var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    var numberValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    var isObject: Bool {
        if case .object = self { true } else { false }
    }

    /// The value as it would be written in JSON, shortened for messages.
    var literal: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .integer(let value): return "\(value)"
        case .number(let value): return "\(value)"
        case .string(let value):
            return value.count > 60 ? "\"\(value.prefix(57))…\"" : "\"\(value)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
