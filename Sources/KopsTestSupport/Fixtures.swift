public import Foundation
public import KapsoClient

/// The contract's sample documents in `../shared/fixtures/` (beside the repository).
public enum Fixtures {
    public static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/fixtures")
    }

    /// `../shared/cases/real-world/`: inputs built from public bug reports, with a README of right behaviour.
    public static var realWorldCases: URL {
        folder.deletingLastPathComponent().appendingPathComponent("cases/real-world")
    }

    public static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    public static func json(_ name: String) throws -> JSONValue {
        try JSONValue.parse(Array(try data(name)))
    }
}
