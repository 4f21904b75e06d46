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
