@testable import KopsShell
import KopsTestSupport
import Testing

/// tester46 F4: a WAMID or number kops's table cut (`…`) pasted into `trace` or `use` is named as kops's own cut.
@Suite struct ShortenedIDShellTests {
    @Test(arguments: [("trace", "wamid.HBgLMTQx…MTcyOAA="), ("use", "1002003…0501")])
    func aCutIdIsNamedAsKopssOwnCut(command: String, id: String) {
        let ran = OfflineShell.run(command, id)
        #expect(ran.status == .usage)
        #expect(ran.err.contains("it was shortened by kops's table (the '…'); press Tab to complete it"), "\(ran.err)")
        #expect(!ran.err.contains("not base64") && !ran.err.contains("ASCII letters"), "\(ran.err)")
    }
}
