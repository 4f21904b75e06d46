public import Foundation
public import KopsShell

/// The project's golden transcripts (`transcripts/NAME.kops` → `NAME.md`) and playbooks (`scripts/*.kops`).
public enum GoldenTranscript {
    /// The header fields a golden fixes, so the recording is byte-for-byte stable.
    public static let time = "2026-11-21T12:00:00Z"
    public static let host = "kapso-sim"

    /// The repository's root folder.
    public static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    public static var folder: URL { root.appendingPathComponent("transcripts") }

    /// Names of the goldens (`NAME` of each `NAME.kops`, preludes `_*.kops` excluded), sorted.
    public static var names: [String] {
        kopsFiles(in: folder).filter { !$0.hasPrefix("_") }
    }

    /// The preludes' paths, sorted: they run before every golden and stay out of its recording.
    public static var preludes: [URL] {
        kopsFiles(in: folder).filter { $0.hasPrefix("_") }.map { folder.appendingPathComponent($0 + ".kops") }
    }

    /// The playbooks in `scripts/`, by name.
    public static var playbooks: [String] {
        kopsFiles(in: root.appendingPathComponent("scripts"))
    }

    private static func kopsFiles(in folder: URL) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".kops") }.map { String($0.dropLast(5)) }.sorted()
    }
}

/// What recording one script produced: the transcript, the script's outcome and the terminal's text.
public struct RecordedScript: Sendable {
    public var transcript: String
    /// The masked command lines as typed (what `FILE.md.restore` holds).
    public var restore: TranscriptRestore
    public var outcome: ScriptOutcome
    /// Standard output and error as the terminal showed them (locations included).
    public var terminal: String
}

extension SimulatorFixture {
    /// A shell as goldens run in: the API shown as `http://kapso-sim` (not the port of the day) and the
    /// preludes run, unrecorded; throws `GoldenError` when a prelude fails.
    public func goldenShell(preludes: [URL] = GoldenTranscript.preludes) throws -> (shell: Shell, output: BufferOutput)
    {
        let (shell, output) = try self.shell()
        shell.context.session.baseURL = "http://" + GoldenTranscript.host
        for prelude in preludes {
            let outcome = try ScriptRunner.load(path: prelude.path, allowWrites: true).run(on: shell)
            if let line = outcome.failedLine {
                throw GoldenError.preludeFailed("\(prelude.lastPathComponent):\(line)\n" + output.combined)
            }
        }
        return (shell, output)
    }

    /// Runs the preludes, then `script` (shown as `label` in errors) recorded with the fixed header.
    public func record(
        script: URL, label: String, preludes: [URL] = GoldenTranscript.preludes, allowWrites: Bool = false,
        environment: [String: String] = [:]
    ) throws -> RecordedScript {
        let (shell, output) = try goldenShell(preludes: preludes)
        shell.context.environment = environment
        let session = shell.context.session
        let header = TranscriptHeader(
            time: GoldenTranscript.time, profile: session.profile, host: GoldenTranscript.host, kind: .simulator,
            phoneNumberID: session.phoneNumberID)
        let recorder = try TranscriptRecorder(header: header, destination: .memory, context: shell.context)
        shell.recorder = recorder
        let source = try String(contentsOf: script, encoding: .utf8)
        // The harness's own lines (`#! seed NAME`, `#! allow-writes`) are no script markers: blank for the run, so the
        // line numbers stay.
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasPrefix("#! seed ") || $0 == "#! allow-writes" ? "" : $0
        }
        let outcome = ScriptRunner(path: label, source: lines.joined(separator: "\n"), allowWrites: allowWrites).run(on: shell)
        shell.recorder = nil
        return RecordedScript(
            transcript: recorder.text, restore: recorder.restore, outcome: outcome, terminal: output.combined)
    }
}

/// Why a golden could not run.
public enum GoldenError: Error {
    case preludeFailed(String)
}
