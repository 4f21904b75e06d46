import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// `history`, `refresh` and `COMMAND --help` through the real shell loop on the demo seed.
@Suite struct ShellMannersTests {
    @Test func historyListsTheSessionsLinesNumbered() async throws {
        let output = try await withSimulator { fixture -> String in
            let (shell, output) = try fixture.shell()
            let reader = ScriptedLineReader(["state", " output table", "history", "history 1", "history x"])
            _ = shell.loop(reader: reader)
            return output.combined
        }
        #expect(output.hasSuffix("""
            1  state
            2   output table
            3  history
            error: history: invalid count 'x'; expected a whole number above 0

            """))
    }

    // P10-8: piped input and the prompt join a `\` line with the next, as a script does, and a `\` inside a
    // comment does not continue (it used to be "dangling backslash" at the prompt and a swallowed line in scripts).
    @Test func aBackslashContinuesAtThePromptButNotInsideAComment() async throws {
        let (status, output, prompts, variables) = try await withSimulator {
            fixture -> (KopsShell.ExitStatus, String, [String], [String: String]) in
            let (shell, output) = try fixture.shell()
            let reader = PromptLog(["help \\", "  state", "set a 1 # C:\\", "set b 2", "state \\", "more"])
            let status = shell.loop(reader: reader, source: "<stdin>")
            return (status, output.combined, reader.prompts, shell.context.session.variables)
        }
        #expect(output.hasPrefix("usage: state"))
        #expect(output.hasSuffix("<stdin>:5: error: state: unexpected argument 'more'; usage: state\n"))
        #expect(prompts.map { $0 == "... " } == [false, true, false, false, false, true])
        #expect(variables["a"] == "1" && variables["b"] == "2")
        #expect(status == .usage)
    }

    // P24-12: Ctrl-D at the `... ` prompt (or piped input that ends after a `\`) ran the unfinished command, a webhook
    // test sent before its `--event` was typed; now nothing runs and one line says why, at the prompt and when piped.
    @Test(arguments: [nil, "<stdin>"])
    func endOfInputAfterABackslashRunsNothing(source: String?) async throws {
        let (status, output) = try await withSimulator { fixture -> (KopsShell.ExitStatus, String) in
            let (shell, output) = try fixture.shell()
            let status = shell.loop(reader: PromptLog(["explain 131047", "numbers \\"]), source: source)
            return (status, output.combined)
        }
        #expect(output.contains("131047"))
        #expect(!output.contains("100200300400501"))
        #expect(output.hasSuffix((source.map { "\($0):2: " } ?? "") + "error: " + ScriptCheck.unfinishedLastLine + "; nothing ran\n"))
        #expect(status == (source == nil ? .ok : .usage))
    }

    // P20-16: a piped line past 1 MiB gets one line at its number, is not kept in the history, and the input goes on.
    @Test func aLineTooLongIsRefusedAndNotKept() async throws {
        let (status, output, history) = try await withSimulator { fixture -> (KopsShell.ExitStatus, String, [String]) in
            let (shell, output) = try fixture.shell()
            shell.context.session.variables["on_error"] = "continue"
            let long = "explain " + String(repeating: "1", count: Interpolation.maxLineBytes)
            let status = shell.loop(reader: ScriptedLineReader(["state", long, "explain 131047"]), source: "<stdin>")
            return (status, output.combined, shell.context.history)
        }
        #expect(output.contains("""
            <stdin>:2: error: the line is 1.1 MiB, longer than 1 MiB (the limit for one line), so it was not run; keep \
            large data in a file and give its path (e.g. 'verify --file')

            """))
        #expect(!output.contains("1111111111"))
        #expect(output.contains("131047"))
        #expect(history == ["state", "explain 131047"])
        #expect(status == .usage)
    }

    @Test func refreshFillsTheCompletionCacheWithoutAList() async throws {
        let (text, ids) = try await withSimulator { fixture -> (String, [String]) in
            let (shell, output) = try fixture.shell()
            shell.run(line: "refresh")
            return (output.out, shell.context.ids[.phoneNumber])
        }
        #expect(text == "completion knows 2 phone numbers and 6 webhooks\n")
        #expect(ids == ["100200300400502", "100200300400501"])
    }

    @Test func dashDashHelpShowsTheCommandsHelp() async throws {
        let (viaFlag, viaHelp) = try await withSimulator { fixture -> (String, String) in
            let (first, firstOutput) = try fixture.shell()
            first.run(line: "webhooks create --help")
            let (second, secondOutput) = try fixture.shell()
            second.run(line: "help webhooks")
            return (firstOutput.combined, secondOutput.combined)
        }
        #expect(viaFlag == viaHelp)
        #expect(viaFlag.hasPrefix("usage: webhooks"))
    }

    /// A flag with many choices (`payload --type`) stands on lines of its own, broken after a `|`; the other flags'
    /// descriptions line up after the short labels, not at column 200 (piped, where nothing wraps).
    @Test func aLongFlagLabelNeitherWidensItsLineNorPadsTheOthers() async throws {
        let text = try await withSimulator { fixture -> String in
            let (shell, output) = try fixture.shell()
            shell.run(line: "help payload")
            return output.combined
        }
        let flags = text.split(separator: "\n").drop { $0 != "flags:" }.dropFirst().prefix { $0.hasPrefix("  ") }
        #expect(flags.first == "  --v2  the current payload format (default)")
        #expect(flags.contains("  --type text|image|video|voice|document|sticker|location|contacts|"))
        #expect(flags.allSatisfy { $0.count <= 80 }, "\(flags.filter { $0.count > 80 })")
        #expect(flags.last == "        whatsapp.message.received only: the message's shape")
    }
}

/// Scripted lines that also keep the prompts they were read with.
final class PromptLog: LineReader {
    private var lines: [String]
    private(set) var prompts: [String] = []

    init(_ lines: [String]) {
        self.lines = lines
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfInput : .line(lines.removeFirst())
    }

    func remember(_ line: String) {}
}
