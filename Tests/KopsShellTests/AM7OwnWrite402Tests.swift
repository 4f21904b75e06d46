import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester62b AM7: `webhooks create --scope project … --events project.event` answered 402 (a `402:path=/webhooks` fault)
/// said only "error: the API rejected the request (402): Payment Required (simulated fault)", while `logs --errors` read
/// the same call "Kapso plan: … drop … project.event … or move the project to a paid plan". And a send
/// (`POST …/messages`) answered 402 "Subscribing to project.event requires a paid plan" got the webhook advice: the text
/// won over the call. Now kops's own webhook write reads its 402 as the log does, and a send's 402 is the credits, with
/// a word that its text names a plan.
@Suite struct AM7OwnWrite402Tests {
    @Test func aWebhookWrite402IsReadAsThePlan() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell()
            try fixture.setFaults("402:path=/webhooks")
            let status = shell.run(
                line: "webhooks create --scope project --url https://hooks.example.test/p --events project.event --secret-key whsec_abcdef_AM7")
            #expect(status != .ok)
            let err = output.err
            #expect(err.contains("the API rejected the request (402): "), "\(err)")
            #expect(err.contains("; Kapso plan: the project's Kapso plan does not include what the call asked for"), "\(err)")
            #expect(err.split(separator: "\n").count == 1, "\(err)")
        }
    }

    @Test func aSend402NamingAPlanIsTheCreditsWithTheTextNoted() throws {
        let refusal = try #require(
            APIRefusal(
                status: 402, text: "Subscribing to project.event requires a paid plan",
                path: "/meta/whatsapp/v24.0/100200300400501/messages", method: "POST"))
        #expect(refusal.code == "insufficient_credits")
        let advice = try #require(refusal.advice)
        #expect(advice.hasPrefix("Kapso billing: "), "\(advice)")
        #expect(advice.contains("its text names a plan"), "\(advice)")
        #expect(!advice.contains("--remove-events"), "\(advice)")
    }
}
