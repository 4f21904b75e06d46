import KopsShell
import Testing

/// A new user's `kops help` typed at the shell's prompt (the session 63 PTY try) got "unknown command 'kops'; did you mean
/// 'logs'?". The shell says it is kops already and what to type instead.
@Suite struct KopsInShellTests {
    @Test(arguments: ["kops help", "kops numbers", "kops"])
    func kopsTypedInTheShellSaysItIsTheShell(line: String) {
        let offline = OfflineShell()
        #expect(offline.shell.run(line: line) == .usage)
        #expect(offline.output.err == "error: 'kops' is the shell you are in: type the command alone, e.g. 'help' or 'numbers' ('exit' leaves)\n", "\(offline.output.err)")
    }
}
