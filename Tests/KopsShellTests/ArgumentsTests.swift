import KopsShell
import Testing

@Suite struct ArgumentsTests {
    @Test func separatesPositionalsFlagsAndSwitches() throws {
        let arguments = try Arguments(command: WebhooksCommand.self, words: ["list", "--scope=project", "--kind", "meta"])
        #expect(arguments.positionals == ["list"])
        #expect(arguments.value("--scope") == "project")
        #expect(arguments.value("--kind") == "meta")
    }

    @Test(arguments: [
        (["--scop", "project"], "webhooks: unknown flag '--scop'; did you mean '--scope'?"),
        (["--colour"], "webhooks: unknown flag '--colour'; see 'help webhooks'"),
        (["--scope"], "webhooks: missing value for --scope (number|project); usage: \(WebhooksCommand.usage)"),
        (["--scope", "team"], "webhooks: invalid value for --scope 'team'; expected 'number', 'project'"),
        (["get", "a", "b"], "webhooks: unexpected argument 'b'; usage: \(WebhooksCommand.usage)"),
        (["--per-page", "0"], "webhooks: invalid value for --per-page '0'; expected a whole number from 1 to 100"),
        (["--per-page", "abc"], "webhooks: invalid value for --per-page 'abc'; expected a whole number from 1 to 100"),
        (["--per-page", "7"], nil),
    ])
    func reportsBadInputInOneLine(words: [String], message: String?) {
        do {
            _ = try Arguments(command: WebhooksCommand.self, words: words)
            #expect(message == nil, "expected an error for \(words)")
        } catch {
            #expect(error.message == message)
            #expect(error.exitStatus == .usage)
        }
    }

    /// A choice is read in any case, as it is listed: `templates --status paused` is `PAUSED`.
    @Test func choicesAreReadInAnyCase() throws {
        let arguments = try Arguments(command: TemplatesCommand.self, words: ["--status", "paused", "--category=Utility"])
        #expect(arguments.value("--status") == "PAUSED")
        #expect(arguments.value("--category") == "UTILITY")
        #expect(try Arguments(command: WebhooksCommand.self, words: ["--scope", "PROJECT"]).value("--scope") == "project")
    }

    @Test func doubleDashEndsFlags() throws {
        let arguments = try Arguments(command: UseCommand.self, words: ["--", "--scope"])
        #expect(arguments.positionals == ["--scope"])
    }
}

@Suite struct CommandRegistryTests {
    @Test(arguments: [
        ("helth", "unknown command 'helth'; did you mean 'health'?"),
        ("webhoks", "unknown command 'webhoks'; did you mean 'webhooks'?"),
        ("frobnicate", "unknown command 'frobnicate'; type 'help' for the list"),
    ])
    func suggestsTheClosestCommand(name: String, message: String) {
        #expect(throws: ShellError.self) { try CommandRegistry.standard.command(named: name) }
        do {
            _ = try CommandRegistry.standard.command(named: name)
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func aliasesResolve() throws {
        #expect(try CommandRegistry.standard.command(named: "quit").name == "exit")
    }
}
