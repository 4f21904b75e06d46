import KopsShell
import Testing

/// Tester finding: `completions bash` inside the shell was an unknown command; it points to `kops completions SHELL`,
/// which writes the script for the login shell, without a request.
@Suite struct CompletionsCommandTests {
    @Test(arguments: [
        ("bash", "kops completions bash > /etc/bash_completion.d/kops"),
        ("zsh", #"kops completions zsh > "${fpath[1]}/_kops""#),
        ("fish", "kops completions fish > ~/.config/fish/completions/kops.fish"),
    ])
    func pointsToTheCommandLineVerb(shell: String, line: String) {
        let ran = OfflineShell.run("completions", shell)
        #expect(ran.status == .ok)
        #expect(ran.out == "completions are for your login shell, not this one: run '\(line)' there\n")
        #expect(ran.err == "")
        #expect(ran.requests == 0)
    }

    @Test func anotherShellIsAUsageError() {
        let ran = OfflineShell.run("completions", "tcsh")
        #expect(ran.status == .usage)
        #expect(ran.err == "error: completions: invalid shell 'tcsh'; expected bash, zsh or fish\n")
    }
}
