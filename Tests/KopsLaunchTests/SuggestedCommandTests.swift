import ArgumentParser
import Foundation
import KapsoDiagnostics
import KopsShell
import Testing

@testable import kops

/// A `kops …` line kops suggests repeats the launch flags given, so it pastes back and does the same thing:
/// `kops --output json explain 131047` suggested `kops -c 'explain 131047'`, which printed a table.
@Suite struct SuggestedCommandTests {
    /// Words as a POSIX shell splits them: spaces, single quotes, and `'\''` inside them.
    private func posixWords(_ line: String) -> [String] {
        var words: [String] = []
        var current: String?
        var quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "'" { quoted = false } else { current!.append(character) }
            } else if character == "'" {
                quoted = true
                current = current ?? ""
            } else if character == "\\", let next = characters.popFirst() {
                current = (current ?? "") + String(next)
            } else if character == " " {
                if let word = current { words.append(word) }
                current = nil
            } else {
                current = (current ?? "") + String(character)
            }
        }
        if let word = current { words.append(word) }
        return words
    }

    @Test(arguments: [
        (["--output", "json", "explain", "131047"], "kops --output json -c 'explain 131047'"),
        (["explain", "--output", "json", "131047"], "kops --output json -c 'explain 131047'"),
        (["explain", "131047"], "kops -c 'explain 131047'"),
        (["--demo", "--no-color", "numbers"], "kops --demo --no-color -c numbers"),
        (
            ["--profile", "acme", "--timeout", "5", "--verbose", "whois", "+1 415 555 0100"],
            #"kops --profile acme --timeout 5 --verbose -c 'whois "+1 415 555 0100"'"#
        ),
        (["--base-url", "http://127.0.0.1:8080", "--var", "n=1", "-c", "numbers", "health"], "kops --base-url http://127.0.0.1:8080 --var n=1 -c numbers -c health"),
        (["--allow-writes", "webhooks", "delete", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "--yes"], "kops --allow-writes -c 'webhooks delete 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --yes'"),
        // Session 26: the command's own flags were dropped (`--yes`: the line could not delete), and a write typed as
        // kops's arguments was meant to run, which a -c line does only with --allow-writes.
        (["webhooks", "delete", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "--yes"], "kops --allow-writes -c 'webhooks delete 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --yes'"),
        (["--profile", "acme", "webhooks", "--yes", "delete", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"], "kops --profile acme --allow-writes -c 'webhooks --yes delete 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'"),
        (["explain", "131047", "--output", "json", "--verbose"], "kops --output json --verbose -c 'explain 131047'"),
    ])
    func aShellCommandGivenAsArgumentsIsSuggestedWithTheFlagsGiven(arguments: [String], suggested: String) throws {
        let line = refusal(arguments)
        // The shell command is the last -c of the suggestion; its first word is the verb named.
        let verb = String(suggested.components(separatedBy: " -c ").last?.drop { $0 == "'" }.prefix { $0 != " " && $0 != "'" } ?? "")
        #expect(line.hasPrefix("Error: '\(verb)' is a shell command: run it with \(suggested), or type it in the shell"), "\(line)")
        // Pasted back, the suggestion launches with the same flags, and the words as its -c commands.
        let pasted = try #require(line.range(of: "run it with ").map { String(line[$0.upperBound...]) }?.components(separatedBy: ", or ").first)
        let words = posixWords(pasted)
        #expect(words.first == "kops")
        let again = try #require(try Kops.parseAsRoot(Array(words.dropFirst())) as? Kops)
        #expect(again.commands.last?.hasPrefix(verb) == true, "\(again.commands)")
        #expect(again.output == (arguments.contains("json") ? "json" : nil))
        #expect(again.profile == (arguments.contains("acme") ? "acme" : nil))
        #expect(again.demo == arguments.contains("--demo"))
        #expect(again.noColor == arguments.contains("--no-color"))
        #expect(again.verbose == arguments.contains("--verbose"))
        #expect(again.script.allowWrites == (arguments.contains("--allow-writes") || arguments.contains("delete")))
        // The shell command's own words, its flags included, in the order typed.
        let typed = arguments.drop { $0 != verb }.filter { !["--output", "json", "--verbose", "--profile", "acme"].contains($0) }
        #expect(again.commands.last == typed.map(ShellWord.quoted).joined(separator: " "), "\(again.commands)")
        #expect(again.script.variables == (arguments.contains("n=1") ? ["n=1"] : []))
        #expect(again.timeout == (arguments.contains("5") ? 5 : 30))
    }

    /// Session 33: a suggested line must run as typed. A delete without --yes got a -c line that `-c` refuses ("missing
    /// --yes (not at a terminal…)"), a probe one without --allow-writes, and words the shell refuses (`delete x`: no UUID)
    /// a line that could only fail.
    @Test(arguments: [
        // The delete -c cannot ask about gets --yes, said so; the shell, which asks, is offered beside it.
        (["webhooks", "delete", "W1"], "run it with kops --allow-writes -c 'webhooks delete W1 --yes' (--yes: it deletes without asking), or type it in the shell ('kops'), which asks first"),
        (["--demo", "webhooks", "probe", "W1"], "run it with kops --demo --allow-writes -c 'webhooks probe W1', or type it in the shell ('kops --demo')"),
        (["webhooks", "fire", "message-lifecycle", "--to", "https://hooks.example.com/k"], "run it with kops --allow-writes -c 'webhooks fire message-lifecycle --to https://hooks.example.com/k', or"),
        // Flags the subcommand does not take: the shell's own words for it, not a line that fails the same way.
        (["webhooks", "--scope", "project", "delete", "W1", "--yes"], "as typed the shell refuses it too (webhooks: invalid flag for 'delete' '--scope'; expected --yes)"),
        (["webhooks", "delete", "x", "--yes"], "as typed the shell refuses it too (webhooks: invalid webhook id 'x'; expected a UUID such as"),
        (["--profile", "acme", "whois", "12ab"], "as typed the shell refuses it too (whois: "),
    ])
    func aSuggestedLineRunsAsTyped(arguments: [String], expected: String) throws {
        let arguments = arguments.map { $0 == "W1" ? "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d" : $0 }
        let line = refusal(arguments)
        #expect(line.contains(expected.replacingOccurrences(of: "W1", with: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")), "\(line)")
        // A line the shell refuses is not offered to paste: only the shell to type it into, with the flags given.
        if expected.contains("refuses") {
            #expect(!line.contains(" -c '"), "\(line)")
            #expect(line.contains("type it in the shell ('kops\(arguments.contains("acme") ? " --profile acme" : "")')"), "\(line)")
        }
    }

    @Test func checkSuggestionsStartWithTheFlagsGivenAndKeepSecretsOut() throws {
        let kops = try #require(
            try Kops.parseAsRoot(["--profile", "acme", "--var", "hook=3d4e", "--var", "key=whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0", "run", "t.kops"]) as? Kops)
        // The shell line repeats the variables, a secret's value left out.
        let prefix = Launch(kops).suggestionPrefix(for: .shell)
        #expect(prefix == "kops --profile acme --var hook=3d4e --var key=…")
        #expect(!prefix.contains("whsec_"))
        // A check line repeats neither --var nor --output, which `kops check` refuses (probe27 P27-21).
        #expect(Launch(kops).suggestionPrefix(for: .check) == "kops --profile acme")
        let output = try #require(try Kops.parseAsRoot(["--output", "json", "-c", "bundle b.md"]) as? Kops)
        #expect(Launch(output).suggestionPrefix(for: .check) == "kops")
        #expect(refusal(["--var", "hook=3d4e", "check", "t.md"]).contains("--var goes with 'kops run'"))
        #expect(Launch(try #require(try Kops.parseAsRoot(["check", "t.md"]) as? Kops)).suggestionPrefix(for: .check) == "kops")
        let demo = try #require(try Kops.parseAsRoot(["--demo", "--no-color", "--timeout", "2.5", "check", "t.md"]) as? Kops)
        #expect(Launch(demo).suggestionPrefix(for: .check) == "kops --demo --timeout 2.5")
        #expect(PosixWord.quoted("it's here") == #"'it'\''s here'"#)
        #expect(posixWords(PosixWord.quoted("it's here")) == ["it's here"])
    }
}
