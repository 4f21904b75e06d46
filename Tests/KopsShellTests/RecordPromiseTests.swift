import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// What `record` promises about the files it writes beside a user's: one masking promise per transcript
/// (probe9 P9-16), and a restore file is never overwritten without `--force` (probe9 P9-7).
@Suite struct RecordPromiseTests {
    /// What a run in a fresh folder left: the shell's stderr, each line's status, and the files named.
    struct Run: Sendable {
        var statuses: [KopsShell.ExitStatus]
        var err: String
        /// Each line's stdout, in order.
        var outs: [String] = []
        var files: [String: String]
        /// The diff of each `kops check` asked for, in order.
        var diffs: [[String]] = []
    }

    /// Runs each of `sessions` in a shell of its own on one demo simulator, in a fresh folder (`$D` in a line is
    /// that folder), after `prepare`; returns the text of the folder's files named in `read` (missing ones left out),
    /// then replays each transcript named in `check` (a name again checks it again) in a shell of its own.
    private func run(
        _ sessions: [[String]], read: [String], check: [String] = [], prepare: @escaping @Sendable (String) throws -> Void = { _ in }
    ) async throws -> Run {
        try await withSimulator { fixture in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-promise-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try prepare(folder)
            var statuses: [KopsShell.ExitStatus] = []
            var outs: [String] = []
            var err = ""
            // One machine: every shell keeps kops's look-ups in the same journal, as separate `kops` runs do.
            let journal = folder + "/state/own-lookups"
            for lines in sessions {
                let (shell, output) = try fixture.shell()
                shell.context.ownLookups = OwnLookups(path: journal)
                for line in lines {
                    let mark = output.out.count
                    statuses.append(shell.run(line: line.replacingOccurrences(of: "$D", with: folder)))
                    outs.append(String(output.out.dropFirst(mark)))
                }
                err += output.err
            }
            var files: [String: String] = [:]
            for name in read {
                files[name] = (try? String(contentsOfFile: folder + "/" + name, encoding: .utf8))
            }
            var diffs: [[String]] = []
            for name in check {
                let path = folder + "/" + name
                let shell = try fixture.shell().shell
                shell.context.ownLookups = OwnLookups(path: journal)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                diffs.append(
                    try TranscriptChecker(expected: text, path: path, restore: TranscriptRestore.load(besides: path))
                        .replay(on: shell).diff)
            }
            return Run(statuses: statuses, err: err, outs: outs, files: files, diffs: diffs)
        }
    }

    private static let masked = ["record $D/ap.md", "use 100200300400501", "message \(Demo.danaInbound)", "record stop"]
    private static let kept = ["record $D/ap.md --keep-pii", "use 100200300400501", "message \(Demo.danaInbound)", "record stop"]

    /// probe9 P9-16: `record --append --keep-pii` onto a masked transcript wrote the contact's WAMID, name and body
    /// in clear under "personal data: masked". It is refused with the flag to use, and nothing is written.
    @Test func anAppendKeepingPersonalDataToAMaskedTranscriptIsRefused() async throws {
        let appended = Self.kept.map { $0.replacingOccurrences(of: "--keep-pii", with: "--append --keep-pii") }
        let once = try await run([Self.masked], read: ["ap.md", "ap.md.restore"])
        let twice = try await run([Self.masked, appended], read: ["ap.md", "ap.md.restore"])
        #expect(twice.statuses[4] == .failure)
        #expect(
            twice.err.contains(
                "/ap.md' with --keep-pii: its header promises masked personal data; leave out --keep-pii to continue it masked, or record to a new file\n"),
            "\(twice.err)")
        // Its lines as typed; the value hashes' salt is each recording's own (`PIIMasker+ValueHashes`).
        func typedLines(_ text: String?) -> String? { text?.components(separatedBy: "\"salt\"").first }
        #expect(typedLines(twice.files["ap.md.restore"]) == typedLines(once.files["ap.md.restore"]))
        let file = try #require(twice.files["ap.md"])
        #expect(!file.contains("<!-- appended") && !file.contains("wamid.") && !file.contains("- personal data: kept"), "\(file)")
    }

    /// The reverse mix: a masked part under "personal data: kept" never checked clean. Refused too.
    @Test func aMaskedAppendToATranscriptThatKeepsPersonalDataIsRefused() async throws {
        let appended = Self.masked.map { $0.replacingOccurrences(of: "ap.md", with: "ap.md --append") }
        let once = try await run([Self.kept], read: ["ap.md", "ap.md.restore"])
        let twice = try await run([Self.kept, appended], read: ["ap.md", "ap.md.restore"])
        #expect(twice.statuses[4] == .failure)
        #expect(
            twice.err.contains("/ap.md' with masking: it keeps personal data (recorded with --keep-pii); add --keep-pii to continue it"),
            "\(twice.err)")
        #expect(!(twice.files["ap.md"] ?? "<!-- appended").contains("<!-- appended"))
        #expect(twice.files["ap.md.restore"] == nil && once.files["ap.md.restore"] == nil)
        // With the flag it names, the file continues as it began, and still replays.
        let fine = Self.kept.map { $0.replacingOccurrences(of: "--keep-pii", with: "--append --keep-pii") }
        let continued = try await run([Self.kept, fine], read: ["ap.md"])
        #expect(continued.statuses[4] == .ok)
        let parts = (continued.files["ap.md"] ?? "").components(separatedBy: "<!-- appended:")
        #expect(parts.count == 2 && parts.allSatisfy { $0.contains(Demo.danaInbound) }, "two parts, both clear")
    }

    /// probe9 P9-7: the user moved `evidence.md` into a ticket and kept `evidence.md.restore`; the next
    /// `record evidence.md` replaced it, so the ticket's transcript could never be checked again.
    @Test func anotherTranscriptsRestoreFileIsKeptUnlessForced() async throws {
        let earlier = try await run([Self.masked], read: ["ap.md", "ap.md.restore"])
        let restore = try #require(earlier.files["ap.md.restore"])
        let again = ["record $D/ap.md", "use 100200300400501", "message \(Demo.leeFailedReply)", "record stop"]
        let kept = try await run(
            [again], read: ["ap.md", "ap.md.restore"],
            prepare: { try Data(restore.utf8).write(to: URL(fileURLWithPath: $0 + "/ap.md.restore")) })
        #expect(kept.statuses[0] == .failure)
        #expect(
            kept.err.contains(
                "/ap.md.restore' already exists: the restore file of an earlier transcript of that name, which 'kops check' needs; "
                    + "move it away or pick another name (--force replaces it)\n"), "\(kept.err)")
        #expect(kept.files["ap.md.restore"] == restore)
        #expect(kept.files["ap.md"] == nil, "nothing recorded")
        // --force replaces it with this recording's lines only.
        let forced = try await run(
            [again.map { $0.replacingOccurrences(of: "ap.md", with: "ap.md --force") }], read: ["ap.md.restore"],
            prepare: { try Data(restore.utf8).write(to: URL(fileURLWithPath: $0 + "/ap.md.restore")) })
        #expect(forced.statuses[0] == .ok, "\(forced.err)")
        let lines = try #require(forced.files["ap.md.restore"])
        #expect(lines.contains(Demo.leeFailedReply) && !lines.contains(Demo.danaInbound), "\(lines)")
        // With --keep-pii nothing is written there: the file is left as it was, and recording goes on.
        let clear = try await run(
            [Self.kept], read: ["ap.md.restore"],
            prepare: { try Data(restore.utf8).write(to: URL(fileURLWithPath: $0 + "/ap.md.restore")) })
        #expect(clear.statuses[0] == .ok)
        #expect(clear.files["ap.md.restore"] == restore)
    }

    /// Any other file there, or one a link there points to, is never replaced (not even with --force), and its
    /// mode stays: before, the restore JSON went through the link into the file and made it 0600.
    @Test(arguments: ["", " --force", " --append"])
    func aFileThatIsNotARestoreFileIsNeverReplaced(flags: String) async throws {
        let result = try await run(
            [["record $D/s.md\(flags)", "message \(Demo.danaInbound)", "record stop"]], read: ["victim.txt", "s.md"],
            prepare: { folder in
                try Data("victim content\n".utf8).write(to: URL(fileURLWithPath: folder + "/victim.txt"))
                chmod(folder + "/victim.txt", 0o644)
                try FileManager.default.createSymbolicLink(atPath: folder + "/s.md.restore", withDestinationPath: folder + "/victim.txt")
            })
        #expect(result.statuses[0] == .failure)
        #expect(
            result.err.contains(
                "/s.md.restore' exists and is not a kops restore file; recording would replace it with the masked lines, so move it away or pick another name\n"),
            "\(result.err)")
        #expect(result.files["victim.txt"] == "victim content\n")
        #expect(result.files["s.md"] == nil)
    }

    /// A WAMID of no message: `message` asks Kapso for it by id, which answers 404 (a look-up of kops's).
    /// Not found: asked as typed, one of kops's own look-ups each time (its other padding form is looked for in a listing,
    /// which leaves no 404: tester60 AH12).
    static let mistyped = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA="

    /// probe9 P9-6: each replay's own 404 joined the API log, so "1 of kops's own look-ups left out" became 2, 3…
    /// and a transcript running `errors` after a failed look-up never checked clean on the API it was made on.
    @Test func errorsAfterALookUpReplaysUnchangedHoweverOftenItIsChecked() async throws {
        let result = try await run(
            [["record $D/t.md", "use 100200300400501", "message \(Self.mistyped)", "errors", "record stop"]],
            read: ["t.md"], check: ["t.md", "t.md", "t.md"])
        let transcript = try #require(result.files["t.md"])
        #expect(
            transcript.contains(
                "1 of kops's own look-ups this session left out: not failures (kops's look-ups of earlier runs are left out too)\n"),
            "\(transcript)")
        for diff in result.diffs { #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))") }
        // A look-up made before `record` is not the transcript's: it is not counted there, nor on replay.
        let later = try await run(
            [["use 100200300400501", "message \(Self.mistyped)", "record $D/t.md", "errors", "record stop"]],
            read: ["t.md"], check: ["t.md"])
        #expect(!(later.files["t.md"] ?? "look-ups").contains("look-ups"), "\(later.files["t.md"] ?? "")")
        #expect(later.diffs == [[]], "\(later.diffs)")
    }

    /// A part appended by another session counts its own look-ups, not the first part's, when recorded and replayed.
    @Test func anAppendedPartCountsItsOwnLookUps() async throws {
        let result = try await run(
            [
                ["record $D/t.md", "use 100200300400501", "message \(Self.mistyped)", "errors", "record stop"],
                ["record $D/t.md --append", "use 100200300400501", "errors", "message \(Self.mistyped)", "errors", "record stop"],
            ], read: ["t.md"], check: ["t.md", "t.md"])
        let parts = try #require(result.files["t.md"]).components(separatedBy: "<!-- appended:")
        #expect(parts.count == 2)
        #expect(parts[1].components(separatedBy: "1 of kops's own look-ups this session").count == 2, "only after its own look-up: \(parts[1])")
        for diff in result.diffs { #expect(diff.isEmpty, "\(diff.joined(separator: "\n"))") }
    }

    /// One promise of where it ran: a live Kapso API's transcript is not continued on a simulator (`kops check` replays
    /// every part on one API, the one its header names).
    @Test func anAppendFromAnotherAPIThanALiveOnesIsRefused() async throws {
        let live = "# kops transcript\n\n- kops: 0.1.0\n- recorded: 2026-11-21T12:00:00Z\n- profile: default\n"
            + "- api: api.kapso.ai\n- api kind: Kapso API\n- phone number id: none\n- personal data: masked\n\n"
            + "```kops\nkops(default)> explain 131047\nerror: x\n```\n\n"
        let result = try await run(
            [["record $D/live.md --append", "explain 131047", "record stop"]], read: ["live.md"],
            prepare: { try Data(live.utf8).write(to: URL(fileURLWithPath: $0 + "/live.md")) })
        #expect(result.statuses[0] == .failure)
        #expect(result.err.contains("/live.md': it was recorded on api.kapso.ai (profile default) and this session uses 127.0.0.1:"), "\(result.err)")
        #expect(result.files["live.md"] == live)
    }

    /// probe24 P24-4: a simulator transcript of another profile's host (staging after prod) was continued without a word,
    /// and `kops check` then advised an --update over the other host's evidence.
    @Test func anAppendFromAnotherProfilesHostIsRefused() async throws {
        let other = "# kops transcript\n\n- kops: 0.1.0\n- recorded: 2026-11-21T12:00:00Z\n- profile: prod\n"
            + "- api: 127.0.0.1:1\n- api kind: simulator\n- phone number id: none\n- personal data: masked\n\n"
            + "```kops\nkops(prod)> explain 131047\nerror: x\n```\n\n"
        let result = try await run(
            [["record $D/other.md --append", "explain 131047", "record stop"]], read: ["other.md"],
            prepare: { try Data(other.utf8).write(to: URL(fileURLWithPath: $0 + "/other.md")) })
        #expect(result.statuses[0] == .failure)
        #expect(
            result.err.contains("/other.md': it was recorded on 127.0.0.1:1 (profile prod) and this session uses 127.0.0.1:"),
            "\(result.err)")
        #expect(result.files["other.md"] == other)
    }

    /// probe40 P40-7: the same profile on another API host (another port, another project's data) was continued
    /// without a word, and `kops check --update` on the header's API then replaced that part's evidence.
    @Test func anAppendFromAnotherHostOfTheSameProfileIsRefused() async throws {
        let other = "# kops transcript\n\n- kops: 0.1.0\n- recorded: 2026-11-21T12:00:00Z\n- profile: default\n"
            + "- api: 127.0.0.1:1\n- api kind: simulator\n- phone number id: none\n- personal data: masked\n\n"
            + "```kops\nkops(default)> explain 131047\nerror: x\n```\n\n"
        let result = try await run(
            [["record $D/other.md --append", "explain 131047", "record stop"]], read: ["other.md"],
            prepare: { try Data(other.utf8).write(to: URL(fileURLWithPath: $0 + "/other.md")) })
        #expect(result.statuses[0] == .failure)
        #expect(
            result.err.contains(
                "/other.md': it was recorded on 127.0.0.1:1 (profile default) and this session uses 127.0.0.1:"),
            "\(result.err)")
        #expect(result.files["other.md"] == other)
    }

    /// `overview`'s failed calls leave out every run's look-ups of kops, and its note counts this session's only: counting
    /// only this session's had made the earlier runs' 404s count as the project's failures.
    @Test func overviewLeavesOutEarlierRunsLookUpsAndCountsThisSessions() async throws {
        let result = try await run(
            [
                ["use 100200300400501", "overview --output json"],
                ["use 100200300400501", "message \(Self.mistyped)", "message \(Self.mistyped)"],
                ["use 100200300400501", "message \(Self.mistyped)", "overview --output json", "overview"],
            ], read: [])
        let failed = { (out: String) in try JSONValue.parse(Array(out.utf8))["api_calls"]?["failed"]?.int }
        #expect(try failed(result.outs[1]) != nil)
        #expect(try failed(result.outs[7]) == failed(result.outs[1]), "\(result.outs[7])")
        #expect(
            result.outs[8].contains("(kops's own calls noted in its state folder not counted; 1 of kops's own look-ups this session left out: not failures"),
            "\(result.outs[8])")
    }
}
