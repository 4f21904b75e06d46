/// Failures of scripts and their commands: variables, assertions, the write policy, recording.
public enum ScriptError: KopsError, Equatable {
    /// `${name}` names no session variable.
    case unsetVariable(name: String, suggestion: String? = nil)
    /// `${env:NAME}` names an environment variable that is not set.
    case unsetEnvironmentVariable(name: String)
    /// `${env:NAME}` names a variable whose bytes are not UTF-8: the first such byte and its column in the value
    /// (probe29 P29-5: it became U+FFFD and was sent).
    case environmentNotUTF8(name: String, byte: UInt8, column: Int)
    /// `${` without a closing `}` or with an empty name.
    case malformedInterpolation(text: String)
    /// A command that changes data, run from a script without `--allow-writes`.
    /// `unrun`: the commands before it that did not run either (the whole script is checked first), said where no
    /// summary follows (`-c`; tester47 L9: `-c 'record x.md; sim advance 10'` read as if the recording had started).
    case writeRefused(command: String, unrun: Int = 0)
    /// A command that sends deliveries to a URL off this machine, in a script without `--allow-writes` (in the demo too).
    case sendOffMachineRefused(command: String)
    /// A script file that does not exist or cannot be read.
    case scriptNotFound(path: String, reason: String)
    /// A script whose bytes are not UTF-8; `detail` says where (`ScriptRunner.encodingProblem`).
    case notUTF8(path: String, detail: String)
    /// A line after a `#! error` marker that succeeded.
    case expectedFailure(line: String)
    /// The line said under a `#! error` marker's command that failed because the API did not answer it
    /// (`ErrorReport.isNoAnswer`): `FILE:LINE: '#! error' expected this command to fail, but the API did not answer it,
    /// so nothing was checked; run the script again when the API answers`.
    static func expectedFailureUnanswered(location: String) -> String {
        "\(VisibleText.escaped(location)): '#! error' expected this command to fail, but the API did not answer it, so nothing was "
            + "checked; run the script again when the API answers"
    }

    /// A `#! error` marker with no command after it: the last line of the script, or followed by another marker.
    case danglingMarker
    /// A line starting with `#!` that is not `#! error` (`#!error`, `#! eror`), as written.
    case unknownMarker(String)
    /// A sourced script stopped at a failing line (`nothingRan`: the check before line 1 refused it); `status` is
    /// that line's.
    case sourcedScriptFailed(path: String, line: Int, nothingRan: Bool, status: ExitStatus)
    /// A sourced script ran to its end under `set on_error continue` and `lines` failed; `status` is the first's.
    case sourcedScriptLinesFailed(path: String, lines: [Int], status: ExitStatus)
    /// `assert` found a value that does not satisfy the comparison; `actual` is shown as JSON.
    case assertionFailed(path: String, op: String, expected: String, actual: String)
    /// `assert` whose comparison held on a value kops's own reading contradicts (`HealthReading.contradiction`: Kapso's
    /// `healthy` for a number kops reads as failing, probe46 P46-9); `assertion` is the line after `assert`.
    case contradictedValue(assertion: String, reason: String)
    /// `assert` or `capture` with no result to read: none yet, `failed` (a command's label) failed and left none,
    /// or `dataless` (the last command's label, e.g. `help`) returned no data.
    case noResult(command: String, failed: String?, dataless: String? = nil)
    /// `capture` of a value kops masks in the result (a secret such as a webhook's `secret_key`): stored, the mask
    /// would pass for the value (`whsec_…26` signs nothing right). `reveal` is the command that shows it in clear.
    case maskedValue(path: String, isText: Bool, reveal: String?)
    /// A failed `assert` on a text kops masks in the result that the result did not reveal: the mask (`actual`) was
    /// compared, not the value. `reveal` is the command that shows it in clear.
    case maskedComparison(path: String, actual: String, reveal: String?)
    /// A path such as `.data[0].id` that does not parse.
    case malformedPath(path: String, reason: String)
    /// `capture` of a path that the last result does not have.
    case missingValue(path: String)
    /// `record` while recording, or `record stop` while not.
    case recording(String)
    /// A transcript could not be written.
    case unwritableTranscript(path: String, reason: String)
    /// A transcript being recorded stopped being written part-way (`TranscriptRecorder.writeFailure`).
    case transcriptIncomplete(path: String, reason: String)
    /// A line that grew past `Interpolation.maxLineBytes` once its variables were replaced.
    case lineTooLong(limit: Int)
    /// A line typed, piped or in a script that is longer than `Interpolation.maxLineBytes` as it stands (probe20
    /// P20-16: a 10 MB line was read for a minute, Ctrl-C ignored, before it was refused): `bytes` is its length.
    case typedLineTooLong(bytes: Int, limit: Int)
    /// A variable value past `SetCommand.maxValueBytes`.
    case variableTooLarge(name: String, limit: Int)
    /// `source` nested deeper than `SourceCommand.maxDepth`.
    case sourceTooDeep(path: String, limit: Int)
    /// `source` of a script that is already running: it sources itself, directly or through another.
    case sourceLoop(path: String)
    /// `record FILE` on a file that exists, without `--append` or `--force`.
    case transcriptExists(path: String)
    /// `kops check` or `record --append` on a file that is not a kops transcript; `startsAt`, the line of a
    /// `# kops transcript` title below other text (a transcript pasted into a ticket: tester57 AB7).
    case notATranscript(path: String, startsAt: Int? = nil)
    /// `record FILE --force` or `bundle FILE --force` on a file that is not a kops transcript (a script, notes): not
    /// replaced (tester57 AB5: `record session.kops --force` replaced the script, no copy kept).
    case notReplaced(path: String)
    /// `kops check FILE.md` of a file that cannot be read as text: missing, a folder, or not UTF-8 (`reason` says which
    /// and what to do).
    case unreadableTranscript(path: String, reason: String)
    /// `kops run` or `source` given a kops transcript (probe18 P18-16: its Markdown ran as commands, "unknown command '-'").
    case transcriptNotScript(path: String, kops: String = "kops")
    /// A kops transcript piped in (`kops < t.md`, tester47 L13: "unknown command '-'" at line 3).
    case pipedTranscript
    /// `record FILE` (masking) where `FILE.md.restore` exists without `FILE.md`: another transcript's restore file.
    case restoreExists(path: String)
    /// `record FILE` (masking) where `FILE.restore` cannot be a file (a folder, a device, a looping link): `reason` says
    /// what it is (`it is a folder`). probe38 P38-15: the error called it the transcript.
    case unusableRestore(path: String, restorePath: String, reason: String)
    /// `record FILE` (masking) where `FILE.md.restore` is a file kops did not write.
    case notARestore(path: String)
    /// `record --append` with another masking than the file's header promises (`personal data: masked|kept`).
    case maskingDiffers(path: String, fileKeepsPII: Bool)
    /// A masked transcript's command line that `kops check` cannot restore (no restore file beside it).
    case missingRestore(path: String, line: String)
    /// A masked transcript's command line that its restore file does not hold (the transcript was edited, or the
    /// restore file is another transcript's).
    case restoreLacksLine(path: String, line: String)
    /// A masked transcript's command line, and the restore file beside it that is not one (not JSON): why.
    case invalidRestore(path: String, line: String, reason: String)
    /// `path:line`: the restore file's line for a masked command line does not mask to it (probe22 P22-17: another
    /// command put in its place): nothing of it is run.
    case restoreMismatch(path: String, line: Int, command: String, restore: String)
    /// A transcript line `kops check` will not replay (`ScriptPolicy.notReplayed`): `path:line`, the command, why.
    case notReplayed(path: String, line: Int, command: String, reason: String)
    /// `kops check` stopped at a replayed line that failed for a reason of where it ran, not of the transcript
    /// (`TranscriptChecker.environmentStatus`: no key, key rejected, API unreachable): `path:line`, the command, the
    /// failure's line (redacted) and its status. Nothing was compared and the transcript was not written.
    case environmentFailed(path: String, line: Int, command: String, cause: String, status: ExitStatus)
    /// Ctrl-C while `kops check` replayed the line at `path:line`: the check stops there and nothing is written
    /// (exit 130, as `kops run`).
    case checkInterrupted(path: String, line: Int, command: String)
    /// A transcript whose ```` ```kops ```` block at `path:line` has no closing fence (`TranscriptParser.unclosedBlock`):
    /// `next` is the line its closing fence belongs above, nil when the file ends inside it; `fence` is the block's
    /// (```` ``` ````, longer for output that holds backticks: `TranscriptFence`). Nothing ran or was written.
    case unclosedBlock(path: String, line: Int, command: String?, next: Int?, fence: String = "```")
    /// `kops check --allow-writes` of a transcript recorded against another API than the one configured now
    /// (`recorded` and `now` as the header labels them), with the base URL not given by `--base-url`: its writes would
    /// change another project's data (probe16 P16-13). Nothing was sent.
    case writesToOtherAPI(path: String, recorded: String, now: String, baseURL: String, kops: String = "kops")
    /// `kops check` of a transcript recorded with a profile this config.toml does not have: replayed on another, its
    /// output would be another project's (probe29 P29-4); `source` is where the recording's profile came from.
    case recordedProfileMissing(path: String, profile: String, source: String?)
    /// `kops check` of a transcript whose header's profile is no profile name (`Profile.isValidName`; shown escaped):
    /// someone else's file, edited, whose value must not become a suggested command line (tester58 AD1).
    case recordedProfileNotAName(path: String, profile: String)
    /// `kops check --allow-writes` of a transcript recorded on another project than the key's (`TranscriptChecker
    /// .otherProject` gives `reason`): its writes would change that project's data (probe42 P42-2).
    case writesToOtherProject(path: String, reason: String)

    /// `did you mean 'name'? (or set it with …)` when a variable of a close name is set (`Suggestion.advice`), else
    /// how to set it.
    static func unsetVariableAdvice(_ name: String, suggestion: String?) -> String {
        let fix = "set it with 'set \(name) VALUE' or 'kops run --var \(name)=VALUE'"
        return suggestion.map { Suggestion.advice($0, listing: "or " + fix) } ?? fix
    }

    public var message: String {
        switch self {
        case .unsetVariable(let name, let suggestion):
            "unset variable '\(name)'; " + Self.unsetVariableAdvice(name, suggestion: suggestion)
        case .unsetEnvironmentVariable(let name):
            "environment variable \(name) is not set; export \(name)=... before running kops"
        case .environmentNotUTF8(let name, let byte, let column):
            "environment variable \(name) holds the byte 0x\(String(byte, radix: 16, uppercase: true)) (column \(column) of its value), which is not "
                + "UTF-8 (set as Latin-1 or Windows-1252?); nothing of this line ran: export it as UTF-8"
        case .malformedInterpolation(let text):
            "malformed interpolation '\(text)'; write ${name} or ${env:NAME}, or quote it with '...'"
        case .writeRefused(let command, let unrun) where ScriptPolicy.sendsOffMachine.contains(command):
            "'\(command)' sends to a URL off this machine, which scripts do only with --allow-writes; run with --allow-writes to let it"
                + Self.unrunNote(unrun)
        case .sendOffMachineRefused(let command):
            "'\(command)' sends to a URL off this machine, which scripts do only with --allow-writes; run with --allow-writes to let it"
        case .writeRefused(let command, let unrun):
            "'\(command)' changes data and scripts are read-only; run with --allow-writes to let it" + Self.unrunNote(unrun)
        case .scriptNotFound(let path, let reason):
            "cannot read script '\(path)': \(reason); check the path"
        case .notUTF8(let path, let detail):
            "cannot read script '\(path)': \(detail)"
        case .danglingMarker:
            "'#! error' has no command after it, so it expects nothing to fail; put the command that must fail on the next "
                + "line, or remove the marker"
        case .unknownMarker(let marker):
            Self.unknownMarkerMessage(marker)
        case .expectedFailure(let line):
            "expected '\(line)' to fail (#! error) but it succeeded; fix the command or remove the marker"
        case .sourcedScriptFailed(let path, let line, true, _):
            "source: \(path) did not run: line \(line) is refused before any line runs; fix that line"
        case .sourcedScriptFailed(let path, let line, false, _):
            "source: \(path) stopped at line \(line); fix that line or 'set on_error continue'"
        case .sourcedScriptLinesFailed(let path, let lines, _):
            "source: \(path) ran to its end; \(lines.count) line\(lines.count == 1 ? "" : "s") failed ("
                + lines.prefix(10).map(String.init).joined(separator: ", ") + (lines.count > 10 ? ", …" : "") + ")"
        case .assertionFailed(let path, let op, let expected, let actual):
            "assert \(path) \(op)\(expected.isEmpty ? "" : " " + expected) failed: actual \(actual)"
        case .contradictedValue(let assertion, let reason):
            "assert \(assertion) held on the value, but failed: \(reason)"
        case .noResult(let command, let failed?, _):
            "\(command): '\(failed)' failed and left no result to read; fix it and run it again first"
        case .noResult(let command, nil, let dataless?):
            "\(command): the last command, '\(dataless)', returned no data to read; run a command that returns data first"
        case .noResult(let command, nil, nil):
            "\(command): no result to check yet; run a command that returns data first"
        case .maskedValue(let path, let isText, let reveal):
            "capture: \(path) \(isText ? "is a secret kops masks" : "holds a secret kops masks") in this result, so the variable would hold "
                + "the mask, not the value; "
                + (reveal.map { "run '\($0)' and capture it from that" } ?? "capture the fields you need around it")
        case .maskedComparison(let path, let actual, let reveal):
            "assert \(path) failed against the mask \(actual): it holds a secret kops masks in this result, not the value; "
                + (reveal.map { "run '\($0)' and assert on that" } ?? "assert on the fields around it")
        case .malformedPath(let path, let reason):
            "malformed path '\(path)': \(reason); write it like .data[0].id or .data | length"
        case .missingValue(let path):
            "capture: the last result has no value at \(path); check the path with 'output json'"
        case .recording(let text):
            text
        case .unwritableTranscript(let path, let reason):
            // `reason` names the culprit and what to do (`WriteProblem`): the file, its folder, its backup (probe22 P22-16).
            "cannot write transcript '\(path)': \(reason)"
        case .transcriptIncomplete(let path, let reason):
            "recording to '\(path)' stopped: writing it failed (\(reason)), so it ends part-way and lacks what followed; "
                + "free space, then record again to a new file"
        case .lineTooLong(let limit):
            "the line passed \(limit / 1024) KiB once its variables were replaced (the limit for one line); use smaller values"
        case .typedLineTooLong(let bytes, let limit):
            "the line is \(Self.size(bytes)), longer than \(Self.size(limit)) (the limit for one line), so it was not run; "
                + "keep large data in a file and give its path (e.g. 'verify --file')"
        case .variableTooLarge(let name, let limit):
            "set: the value of '\(name)' passes \(limit / 1024) KiB (the limit for one variable); keep large data in a file"
        case .sourceTooDeep(let path, let limit):
            "source: \(path) would nest scripts \(limit + 1) deep (the limit is \(limit)); source fewer levels"
        case .sourceLoop(let path):
            "source: \(path) is already running (it sources itself, directly or through another script); remove the loop"
        case .transcriptExists(let path):
            "'\(path)' already exists; add --append to continue it, --force to replace it, or pick another name"
        case .transcriptNotScript(let path, let kops):
            "'\(path)' is a kops transcript, not a script; replay it with '\(kops) check \(PosixWord.quoted(path))'"
        case .pipedTranscript:
            "the input is a kops transcript, not a script, so nothing ran; replay it from its file with 'kops check FILE'"
        case .unreadableTranscript(let path, let reason):
            "cannot read transcript '\(path)': \(reason)"
        case .notATranscript(let path, let line?):
            "'\(path)' is no kops transcript from its first line: one starts at line \(line) ('\(TranscriptHeader.title)'), "
                + "so it was left as it is; delete the \(line == 2 ? "line" : "\(line - 1) lines") above it (text after its "
                + "last block may stay), then use it again"
        case .notATranscript(let path, nil):
            // tester47 L10: "nothing was written" named no next step (and read oddly for a check, which writes nothing).
            "'\(path)' is not a kops transcript (no '\(TranscriptHeader.title)' first line), so it was left as it is; "
                + "transcripts are what 'record' writes, and a script of kops commands runs with 'kops run FILE'"
        case .notReplaced(let path):
            "'\(path)' exists and is not a kops transcript (no '\(TranscriptHeader.title)' first line): --force replaces "
                + "only a transcript, so it was left as it is; move it away or pick another name"
        case .restoreExists(let path):
            "'\(path)' already exists: the restore file of an earlier transcript of that name, which 'kops check' needs; "
                + "move it away or pick another name (--force replaces it)"
        case .unusableRestore(let path, let restorePath, let reason):
            "cannot record to '\(path)': its restore file '\(restorePath)'"
                + (reason.hasPrefix("it ") ? " " + reason.dropFirst(3) : ": " + reason) + " "
                + "(where a masked recording keeps the command lines that masking changed, for 'kops check'); move it away, "
                + "name another transcript, or add --keep-pii (nothing is masked, so no restore file is needed)"
        case .notARestore(let path):
            "'\(path)' exists and is not a kops restore file; recording would replace it with the masked lines, so move it away or pick another name"
        case .maskingDiffers(let path, true):
            "cannot append to '\(path)' with masking: it keeps personal data (recorded with --keep-pii); add --keep-pii to continue it, or record to a new file"
        case .maskingDiffers(let path, false):
            "cannot append to '\(path)' with --keep-pii: its header promises masked personal data; leave out --keep-pii to continue it masked, or record to a new file"
        case .missingRestore(let path, let line):
            "cannot replay '\(line)': it was masked and \(path) is missing; keep the restore file beside the transcript, or "
                + "record again in the shell with 'record FILE --keep-pii' (nothing masked, no restore file needed)"
        case .restoreLacksLine(let path, let line):
            "cannot replay '\(line)': it was masked and \(path) does not hold it (was the transcript edited, or is that "
                + "the restore file of another?); run the line yourself, or record again"
        case .invalidRestore(let path, let line, let reason):
            "cannot replay '\(line)': it was masked and \(path) is not a valid restore file (\(reason)); restore it from "
                + "where the transcript came from, or record again"
        case .restoreMismatch(let path, let line, let command, let restore):
            "\(path):\(line): the restore file's line for '\(command)' does not match it, so nothing of it was run; "
                + "\(restore) is not this transcript's restore file or was edited: record again"
        case .environmentFailed(let path, let line, let command, let cause, _):
            "\(path):\(line): check stopped at '\(Shortened.text(command))' (the transcript is unchanged): \(cause)"
        case .checkInterrupted(let path, let line, let command) where line == 0:
            // Before or after the lines ran: while `check` listed the project's numbers (`otherProject`, P42-2).
            "\(path): check stopped with Ctrl-C while it listed this project's numbers" + (command.isEmpty ? "" : " \(command)")
                + " (the transcript is unchanged)"
        case .checkInterrupted(let path, let line, let command):
            "\(path):\(line): check stopped with Ctrl-C at '\(Shortened.text(command))' (the transcript is unchanged)"
        case .writesToOtherAPI(let path, let recorded, let now, let baseURL, let kops):
            "\(path) was recorded against \(recorded) and --allow-writes would send its writes to \(now), another API "
                + "(nothing was sent); to send them there, run '\(kops) check \(PosixWord.quoted(path)) --allow-writes --base-url \(baseURL)', "
                + "or check without --allow-writes"
        case .writesToOtherProject(let path, let reason):
            "\(path) was recorded on another project (or its number left this one since): \(reason); --allow-writes would "
                + "send its writes to this project (nothing was sent); check it with the API key of the project it was "
                + "recorded on, or without --allow-writes"
        case .recordedProfileMissing(let path, let profile, let source):
            "\(path) was recorded with profile \(profile)" + (source.map { " (\($0))" } ?? "")
                + ", which this config.toml does not have, so nothing was replayed; add it ('profile add \(profile) --base-url URL "
                + "--key-env NAME') or replay on another with 'kops --profile NAME check \(PosixWord.quoted(path))'"
        case .recordedProfileNotAName(let path, let profile):
            "\(path)'s header names profile '\(Shortened.text(profile))', which is no profile name (letters, digits, '-' "
                + "and '_'), so nothing was replayed; correct its '- profile:' line, or replay on a profile you name with "
                + "'kops --profile NAME check \(PosixWord.quoted(path))'"
        case .unclosedBlock(let path, let line, let command, let next, let fence):
            "\(path):\(line): the \(fence)kops block" + (command.map { " of '\(Shortened.text($0))'" } ?? "")
                + " has no closing \(fence): "
                + (next.map { "the next block starts inside it; add a \(fence) line above line \($0)" }
                    ?? "the file ends inside it (cut off?); add a \(fence) line at its end, or record it again")
                + " (nothing was run or written)"
        case .notReplayed(let path, let line, let command, let reason):
            "\(path):\(line): check does not replay '\(Shortened.text(command))': \(reason); nothing was run. Remove the block if the transcript came from someone else, or run the line yourself"
        }
    }

    /// `'#!eror' is not a marker kops knows; did you mean '#! error'? …`: the marker as written (escaped, shortened), the
    /// one meant when its word is close to `error`, and what a comment looks like.
    static func unknownMarkerMessage(_ marker: String) -> String {
        let word = marker.dropFirst(2).trimmingWhitespace.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
        let shown = "'\(VisibleText.escaped(Shortened.text(marker)))' is not a marker kops knows"
        if Suggestion.closest(to: word, in: ["error"]) != nil {
            return shown + "; did you mean '\(ScriptLine.errorMarker)'? (the next command must fail; write it exactly so)"
        }
        return shown + ": the only one is '\(ScriptLine.errorMarker)' (the next command must fail); start a comment with '# '"
    }

    /// `9.5 MiB`, `1 MiB`, `700 KiB`, `12 bytes`: a length in the unit a reader takes in at once, to a tenth
    /// rounded up (so a line a few bytes past 1 MiB reads `1.1 MiB`, not the limit's `1 MiB`).
    static func size(_ bytes: Int) -> String {
        func tenths(_ unit: Int) -> String {
            let tenths = (bytes * 10 + unit - 1) / unit
            return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        }
        if bytes >= 1 << 20 { return tenths(1 << 20) + " MiB" }
        if bytes >= 1 << 10 { return tenths(1 << 10) + " KiB" }
        return "\(bytes) bytes"
    }

    /// ` (nothing ran: not the 2 commands before it either)` for `writeRefused`'s `unrun`.
    static func unrunNote(_ unrun: Int) -> String {
        unrun == 0 ? "" : " (nothing ran: not the \(unrun == 1 ? "command" : "\(unrun) commands") before it either)"
    }

    public var exitStatus: ExitStatus {
        switch self {
        case .danglingMarker, .unknownMarker: .usage
        case .unsetVariable, .unsetEnvironmentVariable, .environmentNotUTF8, .malformedInterpolation, .malformedPath, .notATranscript, .notReplaced,
            .transcriptNotScript, .pipedTranscript, .lineTooLong, .typedLineTooLong, .variableTooLarge, .sourceTooDeep, .sourceLoop:
            .usage
        case .missingRestore, .restoreLacksLine, .invalidRestore, .restoreMismatch: .noInput
        case .notReplayed, .unclosedBlock, .writesToOtherAPI, .writesToOtherProject, .recordedProfileMissing,
            .recordedProfileNotAName: .usage
        case .scriptNotFound, .notUTF8, .unreadableTranscript: .noInput
        case .sourcedScriptFailed(_, _, _, let status), .sourcedScriptLinesFailed(_, _, let status): status
        case .environmentFailed(_, _, _, _, let status): status
        case .checkInterrupted: .interrupted
        case .writeRefused, .sendOffMachineRefused, .expectedFailure, .assertionFailed, .contradictedValue, .noResult, .missingValue, .maskedValue, .maskedComparison,
            .recording, .unwritableTranscript, .transcriptIncomplete, .transcriptExists, .restoreExists, .notARestore, .unusableRestore, .maskingDiffers:
            .failure
        }
    }
}
