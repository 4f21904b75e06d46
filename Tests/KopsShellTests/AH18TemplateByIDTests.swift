import KopsTestSupport
import Testing

/// tester60 AH18: `template 780100200300403` said "no template named … (a send would fail with 132001)" though the id is
/// order_update's, which `whois` knew: `template` finds a template by its id too; `reply --template` says what the id
/// is and how to send it by name.
@Suite struct AH18TemplateByIDTests {
    @Test func templateTakesAnID() async throws {
        let run = try await runDemo(["template 780100200300403"], number: "100200300400501")[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("order_update"), "\(run.out)")
        #expect(!(run.out + run.err).contains("132001"), "\(run.out + run.err)")
        #expect((run.out + run.err).contains("780100200300403 is the id of the template order_update (en_US)"), "\(run.out + run.err)")
    }

    @Test func replyTemplateWithAnIDSaysTheName() async throws {
        let run = try await runDemo(["reply --to +14155550142 --template 780100200300403 --dry-run"], number: "100200300400501")[0]
        #expect(run.status != 0)
        #expect((run.out + run.err).contains("780100200300403 is the id of the template order_update (en_US)"), "\(run.out + run.err)")
        #expect(run.err.contains("--template order_update --language en_US"), "\(run.err)")
        #expect(!run.err.contains("132001"), "\(run.err)")
    }
}
