public import Foundation
public import KapsoSimulator

/// The tests' own simulator seeds, `Tests/Seeds/NAME` (`probe39-later.seed.json`): the one place that finds that folder
/// in this checkout, for the suites that start a simulator on one of them.
public enum TestSeeds {
    /// `Tests/Seeds/` of the checkout this file was built from.
    public static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Seeds")
    }

    /// The path of `Tests/Seeds/name`, `name` a file name with its `.seed.json` (as `kapso-sim --seed` takes it).
    public static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    /// The seed `Tests/Seeds/name` for `withSimulator(seed:)` and `runDemo(seed:)`.
    public static func file(_ name: String) -> SimulatorSeed {
        .file(path(name))
    }
}
