import KopsShell
import KopsTestSupport
import Testing

/// `whois` and `use` given two ids joined by a comma name them as the path reading does (`IDResolver.joinedParts`),
/// not the generic "only digits, spaces, …" line (session 32).
@Suite struct JoinedIDsArgumentTests {
    @Test(arguments: [
        ("whois 100200300400501,100200300400502",
         "whois: cannot read '100200300400501,1002003…' as an id: it is two ids joined by ',' (100200300400501 and "
            + "100200300400502); give one: whois 100200300400501"),
        ("use 100200300400501, 100200300400502",
         "use: cannot read '100200300400501, 100200…' as an id: it is two ids joined by ',' (100200300400501 and "
            + "100200300400502); give one: use 100200300400501"),
        ("whois 1,2,3", "whois: cannot read '1,2,3' as an id: it is three ids joined by ',' (1, 2, 3); give one: whois 1"),
    ])
    func joinedIDsAreNamed(line: String, message: String) async throws {
        let ran = try await runDemo(line)
        #expect(ran.status == 64, "\(ran.err)")
        #expect(ran.err == "error: " + message + "\n", "\(ran.err)")
    }

    /// Anything else keeps its own reason.
    @Test func aCommaThatJoinsNoIDsIsNotNamedSo() async throws {
        let ran = try await runDemo("whois 100200300400501,abc")
        #expect(!ran.err.contains("joined"), "\(ran.err)")
    }
}
