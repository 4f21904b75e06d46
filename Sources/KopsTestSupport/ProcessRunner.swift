public import Foundation

/// What a finished process printed and how it exited.
public struct ProcessResult: Sendable, Equatable {
    public var stdout: String
    public var stderr: String
    public var status: Int32
}

/// Runs the project's built executables (`kops`, `kapso-sim`) the way a user would.
public enum ProcessRunner {
    /// The folder holding the built products: the test bundle sits beside them.
    public static var productsFolder: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// A built product by name, or the program at an absolute path (`/bin/sh`, to set a limit before running kops).
    public static func executable(_ name: String) -> URL {
        name.hasPrefix("/") ? URL(fileURLWithPath: name) : productsFolder.appendingPathComponent(name)
    }

    /// Runs to completion with `stdin` as input; output goes through temporary files (no pipe deadlocks).
    /// After `timeout` seconds the process gets SIGTERM (then SIGKILL), so a test never hangs.
    public static func run(
        _ name: String, _ arguments: [String], environment: [String: String] = [:], stdin: String = "",
        timeout: Double = 60
    ) throws -> ProcessResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("stdin")
        let output = folder.appendingPathComponent("stdout")
        let errors = folder.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: input)

        var env = ["PATH": "/usr/bin:/bin", "HOME": folder.path, "XDG_STATE_HOME": folder.path + "/state"]
        env.merge(environment) { _, new in new }
        let process = try ChildProcess(
            executable: executable(name).path, arguments: arguments, environment: env,
            stdin: .file(input.path), stdout: .file(output.path), stderr: .file(errors.path))
        let status = process.wait(seconds: timeout)
        return ProcessResult(
            stdout: try String(contentsOf: output, encoding: .utf8), stderr: try String(contentsOf: errors, encoding: .utf8),
            status: status)
    }
}
