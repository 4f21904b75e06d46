import Foundation
import KopsTestSupport
import Testing

/// `kops run` and `kops check` as a user runs them, against the built `kapso-sim`.
@Suite struct KopsRunTests {
    /// The line `check` writes first when the transcript was recorded on another simulator than the one it replays on
    /// (each call of `kops` starts its own): its ports as `kops` shows them, `127.0.0.1:PORT`.
    static func otherAPINote(_ path: String) -> String {
        "\(path): recorded against 127.0.0.1:PORT, replaying on 127.0.0.1:PORT\n"
    }

    /// Writes `files` into a fresh folder, runs kops there with `arguments` (paths relative to it; `BASE_URL` is the
    /// simulator's base URL, for `--base-url`). Loopback ports in standard error read `127.0.0.1:PORT`.
    func kops(_ arguments: [String], files: [String: String] = [:], environment: [String: String] = [:])
        async throws -> (result: ProcessResult, files: [String: String])
    {
        try await offPool {
            let simulator = try SimulatorProcess()
            defer { simulator.stop() }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
            let absolute = arguments.map {
                $0 == "BASE_URL" ? simulator.baseURL : files[$0] != nil || $0.hasSuffix(".md") ? folder.appendingPathComponent($0).path : $0
            }
            var env = ["KAPSO_API_BASE_URL": simulator.baseURL, "KAPSO_API_KEY": simulator.apiKey]
            env.merge(environment) { _, new in new }
            var result = try ProcessRunner.run("kops", absolute, environment: env)
            var after: [String: String] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                // Decoded as is: a byte-order mark stays in the text.
                after[name] = (try? Data(contentsOf: folder.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
            }
            // Paths in messages are the folder's; show them relative.
            let strip = { (text: String) in text.replacingOccurrences(of: folder.path + "/", with: "") }
            (result.stdout, result.stderr) = (strip(result.stdout), strip(result.stderr).replacing(/127\.0\.0\.1:[0-9]+/, with: "127.0.0.1:PORT"))
            return (result, after)
        }
    }

    @Test func runsAScriptWithVariablesAndSummarises() async throws {
        let script = "# check a number\nuse ${number}\nhealth\nassert .status == ${want}\n"
        let (result, _) = try await kops(
            ["run", "t.kops", "--var", "number=100200300400501", "--var", "want=healthy"], files: ["t.kops": script])
        #expect(
            result.stdout.hasPrefix("using 100200300400501 (+1 415-555-0100, Support Line)\n100200300400501: healthy"))
        #expect(result.stderr == "ok: .status == healthy\n3 commands, 0 failed\n")
        #expect(result.status == 0)
    }

    /// Issue 20: the deterministic simulator's health limiter counts on the simulated clock and waits out a
    /// full window there, so ten checks in a row replay without a 429 however fast the machine is.
    @Test func tenHealthChecksReplayOnTheDeterministicSimulator() async throws {
        let script = "use 100200300400501\n" + String(repeating: "health\n", count: 10)
        let (result, _) = try await kops(["run", "t.kops"], files: ["t.kops": script])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasSuffix("11 commands, 0 failed\n"), "\(result.stderr)")
        #expect(!result.stdout.contains("429") && !result.stderr.contains("429"))
    }

    @Test func stopsAtTheFailingLineWithItsLocationAndStatus() async throws {
        let script = "numbers\n\nuse \\\n  ${env:KOPS_E2E_UNSET}\nstate\n"
        let (result, _) = try await kops(["run", "t.kops"], files: ["t.kops": script])
        #expect(
            result.stderr.hasSuffix(
                "t.kops:3: error: environment variable KOPS_E2E_UNSET is not set; export KOPS_E2E_UNSET=... before running kops\nnothing ran\n"
            ))
        #expect(result.stdout == "", "the whole script is checked before line 1 runs")
        #expect(result.status == 64)
    }

    @Test func refusesWritesWithoutAllowWrites() async throws {
        let script = "webhooks delete 3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70 --yes\n"
        let (result, _) = try await kops(["run", "t.kops"], files: ["t.kops": script])
        #expect(
            result.stderr == """
                t.kops:1: error: 'webhooks delete' changes data and scripts are read-only; run with --allow-writes to let it
                nothing ran

                """)
        #expect(result.status == 1)
    }

    /// `kops run --record` onto an existing file is refused with advice that works from the command line (it takes no
    /// --append or --force: probe16 P16-1), and the file is left as it was.
    @Test func recordOntoAnExistingFileNamesWhatWorksHere() async throws {
        let (result, files) = try await kops(
            ["run", "n.kops", "--record", "kept.md"], files: ["n.kops": "numbers\n", "kept.md": "# notes\n"])
        #expect(
            result.stderr
                == "error: 'kept.md' already exists and kops never overwrites a transcript; give --record another name, or move it away first\n")
        #expect(result.status == 1)
        #expect(files["kept.md"] == "# notes\n")
    }

    static let emptyRestore = #"{"kops restore": 1, "lines": {}}"# + "\n"

    /// Only the restore file of an earlier transcript is left (probe18 P18-7): the refusal names what `kops run` takes,
    /// not the shell's `record --force`.
    @Test func recordOntoALeftoverRestoreFileNamesWhatWorksHere() async throws {
        let (result, files) = try await kops(
            ["run", "n.kops", "--record", "rs.md"], files: ["n.kops": "numbers\n", "rs.md.restore": Self.emptyRestore])
        #expect(result.stderr.contains("rs.md.restore' already exists: the restore file of an earlier transcript"), "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; give --record another name, or move it away first\n"), "\(result.stderr)")
        #expect(!result.stderr.contains("--force"))
        #expect(result.status == 1)
        #expect(files["rs.md.restore"] == Self.emptyRestore)
    }

    /// `kops bundle FILE` onto an existing file offers the flags bundle takes, and `--force` works from the command line
    /// too (probe18 P18-7: it said "add --append", and `kops bundle FILE --force` was an unknown option).
    @Test func bundleOntoAnExistingFileOffersForceAndForceWorks() async throws {
        let (refused, kept) = try await kops(["bundle", "b.md"], files: ["b.md": "# notes\n"])
        #expect(refused.stderr.hasSuffix("b.md' already exists; add --force to replace it, or pick another name\n"), "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("error: bundle: '"))
        #expect(refused.status == 1)
        #expect(kept["b.md"] == "# notes\n")
        // `--force` replaces a transcript (an earlier bundle), never other notes (tester57 AB5).
        let (forced, replaced) = try await kops(["bundle", "b.md", "--force"], files: ["b.md": "# kops transcript\n\n# notes\n"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(replaced["b.md"]?.hasPrefix("# kops transcript\n") == true)
        let (misplaced, _) = try await kops(["run", "n.kops", "--force"], files: ["n.kops": "numbers\n"])
        #expect(misplaced.status == 64)
        #expect(misplaced.stderr.contains("--force goes with 'kops bundle FILE.md'"), "\(misplaced.stderr)")
    }

    /// probe18 P18-1: a script refused before line 1 ("nothing ran") leaves no header-only transcript behind to refuse
    /// the corrected run that records to the same name.
    @Test func aScriptRefusedBeforeLineOneLeavesNoTranscript() async throws {
        let (result, files) = try await kops(
            ["run", "bad.kops", "--record", "out.md"], files: ["bad.kops": "explain 131047\nmessages --contact x\n"])
        #expect(result.stderr.hasSuffix("nothing ran\n"), "\(result.stderr)")
        #expect(result.status == 64)
        #expect(files["out.md"] == nil, "\(files.keys.sorted())")
    }

    @Test func aMissingScriptIs66() async throws {
        let (result, _) = try await kops(["run", "/nonexistent/none.kops"])
        #expect(result.stderr == "error: cannot read script '/nonexistent/none.kops': no such file; check the path\n")
        #expect(result.status == 66)
    }

    @Test func recordsThenChecksATranscript() async throws {
        let script = "use 100200300400502\n#! error\nhealth\n#! error\nexplain 424242\n"
        let (recorded, files) = try await kops(["run", "t.kops", "--record", "out.md"], files: ["t.kops": script])
        #expect(recorded.status == 0)
        let transcript = try #require(files["out.md"])
        #expect(transcript.hasPrefix("# kops transcript\n\n- kops: "))
        #expect(
            transcript.contains(
                "```kops\nkops(default)> use 100200300400502\nusing 100200300400502 (+1 415-555-0101, Sales Line)\n```")
        )
        #expect(transcript.contains("kops(default:…0502)> explain 424242\nerror: unknown error code '424242'"))

        let (same, _) = try await kops(["check", "out.md"], files: ["out.md": transcript])
        #expect(same.stderr == Self.otherAPINote("out.md") + "out.md: 3 commands, output unchanged\n")
        #expect(same.status == 0)

        let edited = transcript.replacingOccurrences(of: "Sales Line", with: "Sales Lime")
        let (changed, _) = try await kops(["check", "out.md"], files: ["out.md": edited])
        #expect(changed.stdout.hasPrefix("diff: '-' lines are out.md as recorded, '+' lines are the replay now\n@@ line "))
        #expect(changed.stdout.contains("\n-using 100200300400502 (+1 415-555-0101, Sales Lime)\n"))
        #expect(changed.stdout.contains("\n+using 100200300400502 (+1 415-555-0101, Sales Line)\n"))
        // The recorded line, then the replay's, as the header names them and as `diff -u` prints (probe38 P38-15 e).
        #expect(
            changed.stdout.contains(
                "\n-using 100200300400502 (+1 415-555-0101, Sales Lime)\n+using 100200300400502 (+1 415-555-0101, Sales Line)\n"))
        #expect(
            changed.stderr == Self.otherAPINote("out.md") + "out.md: output changed; review the diff, then 'kops check out.md --update'\n")
        #expect(changed.status == 1)

        let (updated, after) = try await kops(["check", "out.md", "--update"], files: ["out.md": edited])
        #expect(updated.status == 0)
        #expect(after["out.md"] == transcript)
    }

    /// A transcript saved by an editor that adds a byte-order mark and CRLF line ends still replays; a file
    /// with a header and no commands is not reported as checked.
    @Test func checkReadsAnEditorsBOMAndCRLFAndRefusesAnEmptyTranscript() async throws {
        let (recorded, files) = try await kops(["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\n"])
        #expect(recorded.status == 0)
        let transcript = try #require(files["out.md"])
        let windows = "\u{FEFF}" + transcript.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let (check, _) = try await kops(["check", "out.md"], files: ["out.md": windows])
        #expect(check.stderr == Self.otherAPINote("out.md") + "out.md: 1 command, output unchanged\n")
        #expect(check.status == 0)

        let firstBlock = try #require(transcript.range(of: "```kops"))
        let header = String(transcript[..<firstBlock.lowerBound])
        let (empty, _) = try await kops(["check", "empty.md"], files: ["empty.md": header])
        #expect(
            empty.stderr == Self.otherAPINote("empty.md") + "empty.md: no commands recorded, so nothing was checked; record some with 'record FILE' "
                + "or 'kops run SCRIPT --record FILE'\n")
        #expect(empty.status == 64)
    }

    /// `check --update` of a file an editor saved with a byte-order mark and CRLF line ends writes it back so.
    @Test func checkUpdateKeepsTheFilesBOMAndCRLF() async throws {
        let (recorded, files) = try await kops(["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\n"])
        #expect(recorded.status == 0)
        let transcript = try #require(files["out.md"])
        let windows = { (text: String) in
            "\u{FEFF}" + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        }
        let edited = transcript.replacingOccurrences(of: "re-engagement", with: "re-engagment")
        #expect(edited != transcript)
        let (updated, after) = try await kops(["check", "out.md", "--update"], files: ["out.md": windows(edited)])
        #expect(updated.status == 0)
        #expect(after["out.md"] == windows(transcript))
    }

    /// A recorded send is not sent again by `check`: its block (the WAMID it sent, the ticket's evidence) is kept as
    /// recorded, also by `--update`, and the check names the line it did not replay.
    @Test func checkKeepsARecordedWriteAndSaysItWasNotReplayed() async throws {
        let script = "use 100200300400501\nreply --to +14155550142 \"check replay canary\"\nexplain 131047\n"
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md", "--allow-writes"], files: ["t.kops": script])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        #expect(transcript.contains("\nsent <message 1> to "))
        let line = try #require(
            transcript.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
                $0.hasSuffix("> reply --to +1 415 ••• 0142 \"<body 1>\"")
            })
        let note = "out.md:\(line + 1): not replayed: 'reply --to +1 415 ••• 0142 \"<body 1>\"' changes data; its recorded output "
            + "is kept ('kops check out.md --allow-writes --base-url http://127.0.0.1:PORT' sends it again)\n"
        let restore = try #require(files["out.md.restore"])
        let (check, _) = try await kops(["check", "out.md"], files: ["out.md": transcript, "out.md.restore": restore])
        #expect(check.stderr == Self.otherAPINote("out.md") + note + "out.md: 3 commands, output unchanged; 1 of them was not replayed (1 write)\n")
        #expect(check.status == 0)

        let edited = transcript.replacingOccurrences(of: "re-engagement", with: "re-engagment")
        let (updated, after) = try await kops(
            ["check", "out.md", "--update"], files: ["out.md": edited, "out.md.restore": restore])
        #expect(updated.status == 0)
        #expect(after["out.md"] == transcript, "the recorded send is kept")
    }

    /// The lines `check` does not replay are named in the file's order (the writes were listed first, then the rest);
    /// with `--allow-writes`, a write that may hold what an unsent line gave when recorded is not sent either (probe12
    /// P12-1: the update went to the recorded webhook), and the exit status says the replay was partial.
    @Test func checkNamesLinesNotReplayedInOrderAndAPartialReplayFails() async throws {
        let script = """
            use 100200300400501
            webhooks create --url https://new.example.test/hook --events whatsapp.message.received --secret-key whsec_e2e_0123456789abcdef
            capture .id as wh
            webhooks update ${wh} --url https://changed.example.test/hook

            """
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md", "--allow-writes"], files: ["t.kops": script])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        let number = { (prefix: String) in (lines.firstIndex { $0.contains("> " + prefix) } ?? -1) + 1 }
        let (create, capture, update) = (number("webhooks create"), number("capture"), number("webhooks update"))
        #expect(create > 0 && create < capture && capture < update)
        let notReplayed = { (stderr: String) in
            stderr.split(separator: "\n").filter { $0.contains(": not replayed: ") }
                .map { Int($0.dropFirst("out.md:".count).prefix { $0.isNumber }) ?? 0 }
        }
        var restored = ["out.md": transcript]
        restored["out.md.restore"] = files["out.md.restore"]
        let (plain, _) = try await kops(["check", "out.md"], files: restored)
        #expect(notReplayed(plain.stderr) == [create, capture, update], "\(plain.stderr)")
        #expect(plain.stderr.hasPrefix(Self.otherAPINote("out.md") + "out.md:\(create): not replayed: 'webhooks create --url https://new.example.test/hook --events whatsapp.message.received --secret-key <redacted>' changes data; its recorded output is kept (the --secret-key value was redacted when recorded, so it cannot be sent again)\n"), "\(plain.stderr)")
        #expect(
            plain.stderr.hasSuffix("out.md: 4 commands, output unchanged; 3 of them were not replayed (2 writes, 1 for another reason)\n"),
            "every line not replayed is counted (P40-11): \(plain.stderr)")
        #expect(plain.status == 0)

        // Each call runs its own simulator: the writes go to this one only when --base-url names it (probe16 P16-13).
        let (refused, _) = try await kops(["check", "out.md", "--allow-writes"], files: restored)
        #expect(refused.status == 64 && refused.stderr.hasPrefix("error: out.md was recorded against 127.0.0.1:PORT"), "\(refused.stderr)")
        let (writes, _) = try await kops(["--base-url", "BASE_URL", "check", "out.md", "--allow-writes"], files: restored)
        #expect(notReplayed(writes.stderr) == [create, capture, update], "\(writes.stderr)")
        #expect(writes.stderr.contains("out.md:\(create): not replayed: 'webhooks create --url ht…y <redacted>': the --secret-key value was redacted when recorded, so it cannot be sent again; its recorded output is kept\n"), "\(writes.stderr)")
        #expect(writes.stderr.contains(": uses ${wh} from line \(capture), which was not replayed; its recorded output is kept\n"), "\(writes.stderr)")
        #expect(
            writes.stderr.hasSuffix(
                "out.md: 4 commands, output unchanged; 3 of them were not replayed (2 writes, 1 for another reason); the replay was "
                    + "partial: 2 writes were not sent (named above)\n"), "\(writes.stderr)")
        #expect(writes.status == 1)
    }

    /// probe16 P16-2, as probe24 P24-1 left it: a webhook created with a `?token=` URL. The transcript shows the token
    /// redacted and no file keeps it (the restore file neither), so the create is not sent again, and the line naming
    /// the webhook by the id its capture gave is not run, not even as a read: its recorded output is kept.
    @Test func aTokenURLIsKeptNowhereAndItsCapturedIDIsNotRead() async throws {
        let script = """
            use 100200300400501
            webhooks create --url https://example.test/hook?token=SUPERSECRET99 --events whatsapp.message.received
            capture .id as wh
            webhooks get ${wh}

            """
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md", "--allow-writes"], files: ["t.kops": script])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        #expect(files["out.md.restore"]?.contains("SUPERSECRET99") != true, "the URL's token is kept nowhere")
        #expect(!transcript.contains("SUPERSECRET99"))
        #expect(transcript.contains("> webhooks create --url https://example.test/hook?token=<redacted> --events"))
        let lines = transcript.split(separator: "\n", omittingEmptySubsequences: false)
        let number = { (prefix: String) in (lines.firstIndex { $0.contains("> " + prefix) } ?? -1) + 1 }
        let (create, capture, get) = (number("webhooks create"), number("capture"), number("webhooks get"))

        let (alone, _) = try await kops(["--base-url", "BASE_URL", "check", "out.md", "--allow-writes"], files: ["out.md": transcript])
        #expect(
            alone.stderr == Self.otherAPINote("out.md")
                + "out.md:\(create): not replayed: 'webhooks create --url ht…age.received': the URL's token was redacted when "
                + "recorded, so it cannot be sent again; its recorded output is kept\n"
                + "out.md:\(capture): not replayed: 'capture .id as wh': it reads the result of line \(create) ('webhooks create "
                + "--url ht…age.received'), which was not replayed; its recorded output is kept\n"
                + "out.md:\(get): not replayed: 'webhooks get 00000000-00…000000000002': uses ${wh} from line \(capture), which was not "
                + "replayed; its recorded output is kept\n"
                + "out.md: 4 commands, output unchanged; 3 of them were not replayed (1 write, 2 for other reasons); the replay was "
                + "partial: 1 write was not sent (named above)\n")
        #expect(alone.status == 1)

        let (reads, _) = try await kops(["check", "out.md"], files: ["out.md": transcript])
        #expect(reads.stderr.contains("out.md:\(get): not replayed: 'webhooks get 00000000-00…000000000002': uses ${wh} from line \(capture)"))
        #expect(reads.stderr.contains("(the URL's token was redacted when recorded, so it cannot"), "\(reads.stderr)")
        #expect(
            reads.stderr.hasSuffix("out.md: 4 commands, output unchanged; 3 of them were not replayed (1 write, 2 for other reasons)\n"),
            "\(reads.stderr)")
        #expect(reads.status == 0)
    }

    /// A transcript recorded on a real API is replayed on what that API holds now: the first line says so.
    @Test func checkOnALiveAPISaysSoFirst() async throws {
        let (recorded, files) = try await kops(["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\n"])
        #expect(recorded.status == 0)
        let transcript = try #require(files["out.md"])
        #expect(transcript.contains("- api kind: simulator\n"))
        let live = transcript.replacingOccurrences(of: "- api kind: simulator", with: "- api kind: Kapso API")
        let (check, _) = try await kops(["check", "out.md"], files: ["out.md": live])
        #expect(check.stderr.hasPrefix("out.md: replaying on 127.0.0.1, a live API: differences show what changed since it was recorded ("))
        #expect(check.stderr.hasSuffix("out.md: 1 command, output unchanged\n"))
    }

    /// Tester48's notes: a transcript whose every command failed for "no API key", checked without a key, was headed
    /// "replaying on …, a live API" and ended "output unchanged", though nothing was sent.
    @Test func checkWithoutAKeySaysNothingWasSent() async throws {
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md"], files: ["t.kops": "numbers\n"], environment: ["KAPSO_API_KEY": ""])
        #expect(recorded.status != 0)
        let transcript = try #require(files["out.md"])
        let live = transcript.replacingOccurrences(of: "- api kind: simulator", with: "- api kind: Kapso API")
        let (check, _) = try await kops(["check", "out.md"], files: ["out.md": live], environment: ["KAPSO_API_KEY": ""])
        #expect(!check.stderr.contains("a live API"), "\(check.stderr)")
        #expect(check.stderr.hasPrefix("out.md: no API key, so nothing is sent to 127.0.0.1"), "\(check.stderr)")
        #expect(check.stderr.hasSuffix("output unchanged; nothing was sent (no API key), so this checks no answer of 127.0.0.1\n"),
            "\(check.stderr)")
        // Not 0, which a script reads as "replayed and matched": 64, as the command refused for the key exits.
        #expect(check.status == 64, "\(check.stderr)")
    }

    /// A transcript of commands that need no API, checked without a key, did check everything: 0, and no "nothing was sent".
    @Test func checkWithoutAKeyOfOfflineCommandsStillPasses() async throws {
        let (recorded, files) = try await kops(
            ["run", "t.kops", "--record", "out.md"], files: ["t.kops": "explain 131047\n"], environment: ["KAPSO_API_KEY": ""])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let transcript = try #require(files["out.md"])
        let live = transcript.replacingOccurrences(of: "- api kind: simulator", with: "- api kind: Kapso API")
        let (check, _) = try await kops(["check", "out.md"], files: ["out.md": live], environment: ["KAPSO_API_KEY": ""])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("1 command, output unchanged\n"), "\(check.stderr)")
    }

    @Test func withoutASubcommandKopsStillRunsCommands() async throws {
        let (result, _) = try await kops(["-c", "explain 131047"])
        #expect(result.stdout.contains("131047"))
        #expect(result.status == 0)
    }

    /// `--var` is checked in every mode (probe18 P18-14: `kops --var X -c …` and `kops --var X < input` crashed with
    /// "Index out of range"): one usage line, exit 64, nothing run, and the value never shown.
    @Test(arguments: [
        (["--var", "X", "-c", "explain 131047"], "", "Error: invalid --var 'X': no '='; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"),
        (["--var", "X"], "explain 131047\n", "Error: invalid --var 'X': no '='; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"),
        (["--var", "whsec_NOTSHOWN_1234", "-c", "set"], "", "Error: invalid --var: no '='; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"),
        (["--var", "=1", "-c", "set"], "", "Error: invalid --var '=…': the NAME before '=' is empty; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"),
        (["--var", "a b=1", "-c", "set"], "", "Error: invalid --var name 'a b'; expected letters, digits, '_', '-' or '.' before '='"),
        (["--var", "X", "run", "x.kops"], "", "Error: invalid --var 'X': no '='; expected NAME=VALUE, e.g. --var hook=3d4e5f6a"),
        // tester47 L15: a NAME given twice with different values ran with the last, without a word; never shown.
        (
            ["--var", "number=NOTSHOWN1", "--var", "number=NOTSHOWN2", "-c", "set"], "",
            "Error: --var number is given twice with different values; nothing ran: give it once"
        ),
        // probe42 P42-3: a value copied from kops's output, refused as `set` refuses it.
        (
            ["--var", "hook_secret=whsec_…23", "-c", "set"], "",
            "Error: --var: the value of 'hook_secret' is 'whsec_…23', the masked form kops prints, not the value it stands for; "
                + "nothing was set; set it to the value in full ('webhooks get ID --reveal-secret' shows a webhook's secret)"
        ),
    ])
    func aMalformedVarIsOneUsageLineInEveryMode(arguments: [String], stdin: String, expected: String) throws {
        let result = try ProcessRunner.run("kops", arguments, environment: ["XDG_CONFIG_HOME": "/nonexistent-kops"], stdin: stdin)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(expected), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("NOTSHOWN"))
    }
}
