import KapsoClient
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe38 P38-15: first-run papercuts around names, flags and messages. `record "   "` and the `kops` side are pinned
/// by `FirstRunPapercutsBinaryTests`; `check`'s diff order by `LineDiffTests` and `KopsRunTests`.
@Suite struct FirstRunPapercutsTests {
    /// a) A file name of only spaces (or none) is refused before anything is read or written, as one line that says
    /// what to do, for every command that takes a file.
    @Test(arguments: [
        (["source", "   "], "error: source: the file name is only spaces; name a file; usage: source FILE.kops [--allow-writes]\n"),
        (["source", ""], "error: source: the file name is empty; name a file; usage: source FILE.kops [--allow-writes]\n"),
        (["replay", "\t ", "--to", "https://h.test/x"], "error: replay: the file name is only spaces; name a file; usage: "),
        (["verify", "--secret", "s3cr3t-value-1", "--signature", String(repeating: "a", count: 64), "--file", "  "],
         "error: verify: the file name after --file is only spaces; name a file; usage: "),
    ])
    func aBlankFileNameIsRefused(words: [String], said: String) {
        let ran = OfflineShell.run(words)
        #expect(ran.status == .usage)
        #expect(ran.err.hasPrefix(said), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
    }

    /// c) Every unknown name says "did you mean" in the same words: the question ends its clause, a list of the names
    /// that exist follows in parentheses (`KOPS_PROFILE=ACME` read `did you mean 'acme'?; profiles: acme`).
    @Test func oneWordingForEveryUnknownName() {
        #expect(Suggestion.advice("acme", listing: "profiles: acme") == "did you mean 'acme'? (profiles: acme)")
        #expect(Suggestion.advice(nil, listing: "profiles: acme") == "profiles: acme")
        #expect(Suggestion.advice("--color", otherwise: "see 'help'") == "did you mean '--color'?")
        #expect(
            ConfigError.unknownProfile(name: "ACME", known: ["acme", "eagle"]).message
                == "unknown profile 'ACME'; did you mean 'acme'? (profiles: acme, eagle)")
        #expect(
            StartProblem.unknownProfile("ACME", source: "env KOPS_PROFILE", known: ["acme"]).problem
                == "unknown profile 'ACME' (env KOPS_PROFILE); did you mean 'acme'? (profiles: acme)")
        for line in [OfflineShell.run("webhoks").err, OfflineShell.run("numbers", "--per-pag", "3").err] {
            #expect(line.contains("; did you mean '") && line.hasSuffix("'?\n"), "\(line)")
        }
    }

    /// c) A variable typed with a slip names the one set, and still says how to set the one typed.
    @Test func anUnsetVariableNamesTheCloseOne() throws {
        #expect(throws: ScriptError.unsetVariable(name: "hoook", suggestion: "hook")) {
            try Interpolation.expand("webhooks get ${hoook}", variables: ["hook": "3d4e", "number": "1"], environment: [:])
        }
        #expect(
            ScriptError.unsetVariable(name: "hoook", suggestion: "hook").message
                == "unset variable 'hoook'; did you mean 'hook'? (or set it with 'set hoook VALUE' or 'kops run --var hoook=VALUE')")
        // Nothing close, or a name too short to guess from: how to set it, as before.
        #expect(throws: ScriptError.unsetVariable(name: "zz", suggestion: nil)) {
            try Interpolation.expand("use ${zz}", variables: ["za": "1"], environment: [:])
        }
    }

    /// f) `webhooks update` says each field it changed with its new value, as the API answered; a secret is never
    /// shown, headers by name only.
    @Test func anUpdateSaysWhatChangedAndToWhat() {
        let sent: JSONObject = [
            "active": false, "events": .array([.string("whatsapp.message.received"), .string("whatsapp.message.sent")]),
            "secret_key": .string("s3cr3t-new-value"), "headers": .object(["X-Token": .string("abc123secret")]),
            "max_buffer_size": .number("50"),
        ]
        let now: JSONObject = ["active": false, "max_buffer_size": .number("40"), "secret_key": .string("s3cr3t-new-value")]
        #expect(
            WebhookFields.changeSummary(sent: sent, now: now)
                == "active: false; events: whatsapp.message.received, whatsapp.message.sent; secret_key: replaced (not shown); "
                + "headers: X-Token (values not shown); max_buffer_size: 40")
    }

    /// g) A `[y/N]` question wraps at words to the terminal's width as other output does: its lines but the last on
    /// standard error, the last asked on, with room for the answer.
    @Test func aQuestionWrapsAtTheTerminalsWidth() {
        let offline = OfflineShell()
        offline.shell.errorWidth = { 40 }
        var asked: [String] = []
        offline.shell.context.confirm = { asked.append($0); return false }
        let question = "delete webhook 3d4e5f6a-1b2c-4d3e-8f9a-0b1c2d3e4f5a (https://hooks.acme.test/in/whatsapp)? "
            + "deliveries to it stop at once [y/N] "
        #expect(!offline.shell.context.confirm(question))
        let lines = offline.output.err.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) + asked
        #expect(lines.count > 2, "\(lines)")
        #expect(lines.allSatisfy { TextWidth.displayWidth($0) <= 40 }, "\(lines)")
        #expect(lines.joined(separator: " ") == question, "every word, in order, none cut: \(lines)")
        #expect(asked.last?.hasSuffix("[y/N] ") == true)
        // Scripts' own question (`confirmWrites`) is shown the same way.
        let script = OfflineShell()
        script.shell.errorWidth = { 40 }
        var writesAsked = ""
        script.shell.context.confirmWrites = { writesAsked = $0; return false }
        _ = script.shell.context.confirmWrites?("t.kops changes data (line 3: webhooks delete 3d4e5f6a-1b2c-4d3e); run it? [y/N] ")
        #expect(!script.output.err.isEmpty && TextWidth.displayWidth(writesAsked) <= 40, "\(script.output.err)|\(writesAsked)")
    }

    /// g) Without a terminal width (a pipe) the question is asked as one line, as before.
    @Test func aQuestionWithoutATerminalIsOneLine() {
        let offline = OfflineShell()
        var asked = ""
        offline.shell.context.confirm = { asked = $0; return true }
        let question = String(repeating: "word ", count: 30) + "[y/N] "
        #expect(offline.shell.context.confirm(question))
        #expect(asked == question && offline.output.err.isEmpty)
    }
}
