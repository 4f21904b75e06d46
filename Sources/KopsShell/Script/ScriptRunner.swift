internal import Foundation

/// Runs a `.kops` script on a shell line by line, stopping at the first failing line unless the script
/// says `set on_error continue`; errors are prefixed `FILE.kops:LINE:`.
public struct ScriptRunner: Sendable {
    /// The path as given, shown in error locations.
    public var path: String
    public var lines: [ScriptLine]
    /// Commands that change data run only when this is true (`kops run --allow-writes`).
    public var allowWrites: Bool

    public init(path: String, source: String, allowWrites: Bool = false) {
        self.path = path
        // A UTF-8 byte order mark (editors on Windows write one) is not part of the first command.
        self.lines = ScriptLine.parse(source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source)
        self.allowWrites = allowWrites
    }

    /// Reads a script file; throws `ScriptError.scriptNotFound` (status 66) when it cannot be read.
    public static func load(path: String, allowWrites: Bool = false) throws(ScriptError) -> ScriptRunner {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .scriptNotFound(path: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw .scriptNotFound(path: path, reason: "it is a folder") }
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8)
        else {
            throw .scriptNotFound(path: path, reason: "not readable UTF-8 text")
        }
        return ScriptRunner(path: path, source: source, allowWrites: allowWrites)
    }

    /// Runs every line; the shell's location and write policy are restored afterwards.
    public func run(on shell: Shell) -> ScriptOutcome {
        let saved = (shell.location, shell.readOnly)
        shell.readOnly = saved.1 || !allowWrites
        shell.scriptDepth += 1
        defer {
            (shell.location, shell.readOnly) = saved
            shell.scriptDepth -= 1
        }
        var outcome = ScriptOutcome()
        var expectFailure: Int?
        for line in lines {
            guard case .command(let text) = line.kind else {
                expectFailure = line.number
                continue
            }
            shell.location = "\(path):\(line.number)"
            var status = shell.run(line: text)
            outcome.commands += 1
            if expectFailure != nil {
                expectFailure = nil
                guard status == .ok else { continue }
                status = shell.report(ScriptError.expectedFailure(line: text))
            }
            if status != .ok {
                outcome.failed += 1
                if outcome.failedLine == nil { (outcome.failedLine, outcome.status) = (line.number, status) }
                if shell.context.session.variables["on_error"] != "continue" { break }
            }
            if shell.context.exitRequested { break }
        }
        return outcome
    }
}

/// What running a script came to: counts, the first failing line and its status.
public struct ScriptOutcome: Sendable, Equatable {
    public var commands = 0
    public var failed = 0
    /// The first line that failed (or succeeded against a `#! error` marker).
    public var failedLine: Int?
    /// The first failure's status, or `.ok`.
    public var status = ExitStatus.ok

    /// `12 commands, 1 failed`.
    public var summary: String {
        "\(commands) command\(commands == 1 ? "" : "s"), \(failed) failed"
    }
}
