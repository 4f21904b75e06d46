import KapsoDiagnostics
import KopsShell
import Testing

/// tester51 N5: `explain 13104 7` (a code split by a pasted space) explained two unknown codes and exited 0, while
/// `explain 139999` alone exits 1. Several codes none of which kops knows are one line and status 1; when together
/// they make a known code, the line names it.
@Suite struct ExplainSplitCodeTests {
    @Test func aCodeSplitByASpaceIsOneLineNamingTheJoinedCode() {
        let run = OfflineShell.run("explain", "13104", "7")
        #expect(run.status == .failure, "\(run.out)")
        #expect(run.out.isEmpty, "\(run.out)")
        #expect(
            run.err == "error: unknown error codes '13104', '7': none is in kops's catalogue, but together they are 131047 "
                + "(\(ErrorCatalog.entry(for: "131047")?.name ?? "?")): a code split by a space? write explain 131047\n")
    }

    @Test func severalUnknownCodesFailAsOneDoes() {
        let run = OfflineShell.run("explain", "139999", "139998")
        #expect(run.status == .failure && run.out.isEmpty, "\(run.out)")
        #expect(run.err.hasPrefix("error: unknown error codes '139999', '139998': none is in kops's catalogue; look them up"))
    }

    /// A list with a code kops knows is still explained, each code (tester47 L12).
    @Test func aListWithAKnownCodeIsStillExplained() {
        let run = OfflineShell.run("explain", "131047", "139999")
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("2 errors in what was pasted") && run.out.contains("code 139999: not in kops's catalogue"))
    }

    @Test(arguments: [
        (["13104", "7"], "131047"), (["1310", "47"], "131047"), (["131047", "131026"], nil), (["13104", "x7"], nil),
        (["131047"], nil),
    ] as [([String], String?)])
    func splitCodeIsTheJoinOfUnknownDigitWords(words: [String], joined: String?) {
        #expect(PastedError.splitCode(words)?.code == joined)
    }
}
