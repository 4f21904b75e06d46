internal import Foundation
internal import KapsoDiagnostics

/// Runs a `.kops` script on a shell line by line, stopping at the first failing line unless the script
/// says `set on_error continue`; errors are prefixed `FILE.kops:LINE:`.
///
/// The whole script is checked first (`ScriptCheck`): a malformed line or a write without `--allow-writes` (and
/// no yes at a terminal) stops it before line 1 runs. Ctrl-C stops it with `cancelled at FILE:LINE`.
public struct ScriptRunner: Sendable {
    /// The path as given, shown in error locations.
    public var path: String
    public var lines: [ScriptLine]
    /// Commands that change data run only when this is true (`kops run --allow-writes`).
    public var allowWrites: Bool
    /// The script's file as an absolute path (`load`), whose folder is where its relative `source` paths are read; nil
    /// for lines given otherwise (`-c`, a test's text), whose `source` paths are read from the current directory.
    public var file: String?

    public init(path: String, source: String, allowWrites: Bool = false) {
        self.path = path
        // A UTF-8 byte order mark (editors on Windows write one) is not part of the first command.
        self.lines = ScriptLine.parse(source.hasPrefix("\u{FEFF}") ? String(source.dropFirst()) : source)
        self.allowWrites = allowWrites
    }

    /// A script of lines already split, e.g. the commands of `kops -c` numbered 1, 2, ... under the path `-c`.
    public init(path: String, lines: [ScriptLine], allowWrites: Bool = false) {
        self.path = path
        self.lines = lines
        self.allowWrites = allowWrites
    }

    /// Reads a script file; throws `ScriptError.scriptNotFound` (status 66) when it cannot be read, naming the absolute
    /// path it tried when that is not the path as given.
    ///
    /// A relative `path` is read from `folder` when given (a script's `source` line: beside the sourcing script, as
    /// psql's `\ir` reads), else from the current directory.
    public static func load(path: String, relativeTo folder: String? = nil, allowWrites: Bool = false) throws(ScriptError)
        -> ScriptRunner
    {
        // `-` is standard input, as for psql's `-f -` (probe24 P24-18).
        let full = path == "-" ? "/dev/stdin" : absolute(path, in: folder)
        let tried = full == path || path == "-" ? "" : " at \(full)"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
            throw .scriptNotFound(path: path, reason: "no such file" + tried)
        }
        guard !isFolder.boolValue else { throw .scriptNotFound(path: path, reason: "it is a folder" + tried) }
        let data = try readScript(full, path: path, tried: tried)
        guard let source = String(data: data, encoding: .utf8) else {
            throw .notUTF8(path: path, detail: encodingProblem(Array(data)))
        }
        guard !TranscriptParser.isTranscript(source) else { throw .transcriptNotScript(path: path) }
        // Read from a sourcing script's folder, the path as written names another file from here: errors say the file
        // read, from the current directory when it is under it (probe36 P36-6: `lib.kops:2` for playbooks/lib.kops).
        let shown = folder == nil || LocalPath.isAbsolute(path) || path == "-" ? path : displayed(full)
        var script = ScriptRunner(path: shown, source: source, allowWrites: allowWrites)
        script.file = full
        return script
    }

    /// `full` (an absolute path) from the current directory when it is under it (`playbooks/lib.kops`), else whole.
    static func displayed(_ full: String) -> String {
        let normal = LocalPath.normalized(full)
        let here = LocalPath.normalized(FileManager.default.currentDirectoryPath)
        let prefix = here == "/" ? "/" : here + "/"
        return normal.hasPrefix(prefix) && normal.count > prefix.count ? String(normal.dropFirst(prefix.count)) : normal
    }

    /// The most a script read from a pipe may hold (`kops run <(…)`, `-`): a script file has no such limit, but a pipe
    /// could stream without end.
    static let pipeLimit = 16 << 20

    /// A script's bytes: a file's, or a pipe's or FIFO's read to its end (process substitution `kops run <(envsubst …)`,
    /// `kops run /dev/stdin`, `-`), which Foundation's `contents(atPath:)` read as "not readable" (probe24 P24-18). A
    /// device (`/dev/zero`) is refused as one.
    private static func readScript(_ full: String, path: String, tried: String) throws(ScriptError) -> Data {
        let descriptor = open(full, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .scriptNotFound(path: path, reason: String(cString: strerror(errno)).lowercased() + tried)
        }
        defer { close(descriptor) }
        var facts = stat()
        guard fstat(descriptor, &facts) == 0 else { throw .scriptNotFound(path: path, reason: "not readable" + tried) }
        let kind = facts.st_mode & S_IFMT
        if kind == S_IFCHR || kind == S_IFBLK {
            throw .scriptNotFound(path: path, reason: "it is a device, not a script file" + tried)
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw .scriptNotFound(path: path, reason: String(cString: strerror(errno)).lowercased() + tried) }
            if count == 0 { return data }
            data.append(contentsOf: buffer[..<count])
            if kind != S_IFREG && data.count > pipeLimit {
                throw .scriptNotFound(path: path, reason: "the pipe gave more than 16 MiB, more than any script; write it to a file")
            }
        }
    }

    /// Where bytes that are not UTF-8 are, in words: `line 2 holds the byte 0xE9 (column 10), which is not UTF-8`, or
    /// that the file is UTF-16 (probe22 P22-18: "check the path", with no line, sent the user to the wrong place).
    static func encodingProblem(_ bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "it is UTF-16 text (it starts with a UTF-16 byte-order mark: Windows Notepad's 'Unicode'); save it as UTF-8"
        }
        if let offset = SignatureCheck.firstInvalidUTF8(bytes), offset < bytes.count {
            let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let number = bytes[..<offset].count { $0 == 0x0A } + 1
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            return "line \(number) holds the byte 0x\(hex.count == 1 ? "0" : "")\(hex) (column \(offset - lineStart + 1)), "
                + "which is not UTF-8 (saved as Latin-1 or Windows-1252?); save the file as UTF-8"
        }
        return "it is not UTF-8 text; save it as UTF-8"
    }

    /// `b.kops` in `/tmp/p18/sub` → `/tmp/p18/sub/b.kops`; an absolute path as given. Without a folder, the current
    /// directory's.
    static func absolute(_ path: String, in folder: String?) -> String {
        LocalPath.joined(folder ?? FileManager.default.currentDirectoryPath, path)
    }

    /// The script's absolute path with links resolved, or the path as given when it does not resolve.
    static func identity(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Checks, then runs every line; the shell's location and write policy are restored afterwards.
    public func run(on shell: Shell) -> ScriptOutcome {
        let saved = (shell.location, shell.readOnly, shell.scriptFolder, shell.writesAllowed)
        shell.readOnly = saved.1 || !allowWrites
        // Given by the user, not by a yes at the terminal below: that yes answers for this script's lines only.
        shell.writesAllowed = allowWrites && !saved.1
        shell.scriptFolder = file.map { LocalPath.folder(of: $0) }
        shell.runningScripts.append(ScriptRunner.identity(of: file ?? path))
        defer {
            (shell.location, shell.readOnly, shell.scriptFolder, shell.writesAllowed) = saved
            shell.runningScripts.removeLast()
        }
        if saved.0 == nil { shell.cancelledAt = nil }
        var outcome = ScriptOutcome()
        let context = shell.context
        // The whole-script check below quotes a line's words in its errors: every secret its lines type is known
        // before it runs (probe38 P38-5, tester52b K14).
        learnSecretsTyped(on: shell)
        let check = ScriptCheck(
            lines: lines, registry: context.registry, variables: Set(context.session.variables.keys),
            environment: context.environment, continuing: context.session.variables["on_error"] == "continue",
            folder: shell.scriptFolder)
        if let problem = check.problem {
            let outcome = stop(at: problem.line, with: problem.error, on: shell)
            // `kops run` ends with "nothing ran" (`ScriptOutcome.summary`); `-c` prints no summary, so it is said here when
            // a line came before the refused one: a write there was not sent (tester53 T4). A lone line's error says it all.
            let earlier = lines.contains { line in
                if case .command = line.kind { line.number < problem.line } else { false }
            }
            if path == "-c", earlier { shell.output.write("nothing ran\n", to: .err) }
            return outcome
        }
        if shell.readOnly, let first = check.writes.first {
            let labels = check.writes.prefix(3).map { "line \($0.line): \($0.label)" }.joined(separator: ", ")
            let more = check.writes.count > 3 ? " and \(check.writes.count - 3) more" : ""
            let question = "\(path) changes data (\(labels)\(more)); run it? [y/N] "
            guard !saved.1, let confirm = context.confirmWrites, confirm(question) else {
                // `kops run` ends with "nothing ran"; `-c` prints no summary, so its line says it.
                var unrun = 0
                for line in lines where path == "-c" && line.number < first.line {
                    if case .command(let text) = line.kind { unrun += max(1, (try? Lexer.commands(in: text))?.count ?? 1) }
                }
                return stop(at: first.line, with: ScriptError.writeRefused(command: first.label, unrun: unrun), on: shell)
            }
            shell.readOnly = false
        }
        var expectFailure: Int?
        // The last command line: a verdict that fails there stops nothing (`sayVerdictFailure`'s `stops`).
        let lastCommand = lines.last { if case .command = $0.kind { true } else { false } }?.number
        for line in lines {
            guard case .command(let text) = line.kind else {
                if line.kind == .expectFailure { expectFailure = line.number }
                continue
            }
            shell.location = "\(path):\(line.number)"
            // Its error reads `FILE:LINE: expected error: …`, not like a real failure (probe22 P22-24); so do the lines of
            // a script sourced under a marker, whose failure is the one expected (probe33 P33-8).
            let expecting = shell.expectingFailure
            shell.expectingFailure = expecting || expectFailure != nil
            let reportsBefore = shell.reportsSaid
            shell.verdictFailure = nil
            let depth = shell.lineDepth + 1
            let started = shell.commandsStarted[depth, default: 0]
            // A line the check refused under `on_error continue` fails here with the check's error, unrun.
            var status = check.failsWhenRun[line.number].map { shell.reportRefused($0, line: text) } ?? shell.run(line: text)
            shell.expectingFailure = expecting
            // Each command of the line, not the line (tester46 L1: `set n X; use ${n}; messages` ended "1 command"); a
            // line that failed before any of its commands started counts as one.
            outcome.commands += max(1, shell.commandsStarted[depth, default: 0] - started)
            if shell.cancelledAt == nil && context.interrupted() {
                shell.cancelledAt = shell.location
                shell.output.write("cancelled at \(shell.location ?? path)\n", to: .err)
            }
            if shell.cancelledAt != nil {
                // 130 as shells report Ctrl-C, unless a write's outcome is unknown (75 says more).
                outcome.failed += 1
                outcome.failedLines.append(line.number)
                outcome.stopped = true
                outcome.failedLine = outcome.failedLine ?? line.number
                outcome.status = status == .unknownOutcome || outcome.status == .unknownOutcome ? .unknownOutcome : .interrupted
                break
            }
            if expectFailure != nil {
                expectFailure = nil
                status = shell.expectedFailureStatus(status, line: text, at: "\(path):\(line.number)", reportsBefore: reportsBefore)
                if status == .ok { continue }
            }
            if status != .ok {
                outcome.failed += 1
                outcome.failedLines.append(line.number)
                if outcome.failedLine == nil { (outcome.failedLine, outcome.status) = (line.number, status) }
                // Output that can no longer be written stops it even so: every later line's output would be lost.
                let stops = shell.context.session.variables["on_error"] != "continue" || shell.output.outputFailure != nil
                if shell.output.outputFailure == nil {
                    shell.sayVerdictFailure(
                        at: "\(path):\(line.number)", reportsBefore: reportsBefore, stops: stops && line.number != lastCommand)
                }
                if stops {
                    outcome.stopped = true
                    break
                }
            }
            if shell.context.exitRequested { break }
        }
        return outcome
    }

    /// Reports a problem found before running at its line; nothing has run.
    private func stop(at line: Int, with error: any Error, on shell: Shell) -> ScriptOutcome {
        shell.location = "\(path):\(line)"
        var outcome = ScriptOutcome()
        outcome.status = shell.report(error)
        (outcome.failed, outcome.failedLine, outcome.failedLines, outcome.stopped) = (1, line, [line], true)
        return outcome
    }
}

/// What running a script came to: counts, the first failing line and its status.
public struct ScriptOutcome: Sendable, Equatable {
    /// The commands that ran: each of a line's `;`-separated commands (a `source` line is one).
    public var commands = 0
    /// The lines that failed.
    public var failed = 0
    /// The first line that failed (or succeeded against a `#! error` marker).
    public var failedLine: Int?
    /// The first failure's status, or `.ok`.
    public var status = ExitStatus.ok
    /// Every line that failed, in order (one with `set on_error stop`, all of them with `continue`).
    public var failedLines: [Int] = []
    /// True when a line stopped the script before its end (a failure without `on_error continue`, Ctrl-C, a line
    /// the check before line 1 refused); false when it ran to its end, failures or not.
    public var stopped = false

    /// `12 commands, 1 failed` (commands counted one by one, several on a `;` line; failed lines), or `nothing ran`
    /// when the check before line 1 stopped the script.
    public var summary: String {
        if commands == 0 && failed > 0 { return "nothing ran" }
        return "\(commands) command\(commands == 1 ? "" : "s"), \(failed) failed"
    }
}
