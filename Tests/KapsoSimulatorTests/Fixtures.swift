import Foundation
@testable import KapsoSimulator

/// The shared sample documents in `/work/shared/fixtures`, found relative to this file.
enum Fixtures {
    /// `<package root>/../shared/fixtures`: the package root is three levels above this file.
    static let directory: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONParser.parse(try data(name))
    }
}

/// Compares the structure of two JSON documents: same object keys and JSON types, recursively.
///
/// `null` on either side matches anything (nullable fields); integers and doubles are both "number".
/// Arrays are compared pairwise when lengths and ids agree; else fixture elements are matched to actual ones
/// by `id`; with no id in common, each actual element is compared with the fixture's first.
/// `optional` names members that may be missing on either side, as paths without array positions
/// (`message.kapso.content` matches `$.data[0].message.kapso.content`).
enum ShapeComparison {
    static func differences(
        expected: JSONValue, actual: JSONValue, path: String = "$", optional: Set<String> = []
    ) -> [String] {
        switch (expected, actual) {
        case (.null, _), (_, .null): return []
        case (.bool, .bool), (.string, .string): return []
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return []
        case (.object(let left), .object(let right)):
            let isRequired = { (key: String) in !isOptional("\(path).\(key)", optional) }
            let missing = Set(left.keys).subtracting(right.keys).filter(isRequired).sorted()
                .map { "\(path): missing key \($0)" }
            let extra = Set(right.keys).subtracting(left.keys).filter(isRequired).sorted()
                .map { "\(path): unexpected key \($0)" }
            let nested = left.keys.flatMap { key -> [String] in
                guard let value = right[key], let fixture = left[key] else { return [] }
                return differences(expected: fixture, actual: value, path: "\(path).\(key)", optional: optional)
            }
            return missing + extra + nested
        case (.array(let left), .array(let right)):
            return arrayDifferences(left, right, path: path, optional: optional)
        default:
            return ["\(path): expected \(kind(expected)), got \(kind(actual))"]
        }
    }

    private static func isOptional(_ path: String, _ optional: Set<String>) -> Bool {
        guard !optional.isEmpty else { return false }
        let plain = path.replacingOccurrences(of: #"\[[^\]]*\]"#, with: "", options: .regularExpression)
        return optional.contains { plain == "$.\($0)" || plain.hasSuffix(".\($0)") }
    }

    private static func arrayDifferences(
        _ left: [JSONValue], _ right: [JSONValue], path: String, optional: Set<String>
    ) -> [String] {
        guard let first = left.first, !right.isEmpty else { return [] }
        func compare(_ expected: JSONValue, _ actual: JSONValue, _ path: String) -> [String] {
            differences(expected: expected, actual: actual, path: path, optional: optional)
        }
        let sameIDs = left.count == right.count
            && zip(left, right).allSatisfy { $0["id"]?.stringValue == $1["id"]?.stringValue }
        if sameIDs {
            return zip(left, right).enumerated().flatMap { compare($1.0, $1.1, "\(path)[\($0)]") }
        }
        let byID = Dictionary(right.compactMap { item in item["id"]?.stringValue.map { ($0, item) } }) { a, _ in a }
        let matched = left.filter { $0["id"]?.stringValue.flatMap { byID[$0] } != nil }
        guard !matched.isEmpty else {
            return right.enumerated().flatMap { compare(first, $1, "\(path)[\($0)]") }
        }
        return matched.flatMap { item in
            let id = item["id"]?.stringValue ?? ""
            return compare(item, byID[id] ?? .null, "\(path)[id=\(id)]")
        }
    }

    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .bigInteger, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
