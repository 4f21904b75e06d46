import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// tester64b U10: a 402 (`402:path=/webhooks` fault) on `webhooks create` of a phone-number webhook for
/// whatsapp.message.received was told "drop … 'webhooks update ID --remove-events project.event'": the call held no
/// project.event and there was no webhook ID yet; `webhooks update` (whose look-up got the 402) got no reading at all.
@Suite struct U10PlanRefusalUnmatchedTests {
    @Test func aCreateWithoutProjectEventIsNotToldToRemoveIt() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            try fixture.setFaults("402:path=/webhooks")
            let status = shell.run(
                line: "webhooks create --url https://z.example.test/a --events whatsapp.message.received --secret-key whsec_zzzzzzzzzzzzzzzzzzzzzzzz")
            #expect(status != .ok)
            let err = output.err
            #expect(!err.contains("--remove-events"), "\(err)")
            #expect(err.contains("but this webhook holds no project.event"), "\(err)")
            #expect(err.contains("nothing was created"), "\(err)")
        }
    }

    @Test func anUpdateWhoseLookUpGets402IsRead() async throws {
        try await withSimulator { fixture in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            try fixture.setFaults("402:path=/webhooks")
            let status = shell.run(line: "webhooks update 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d --url https://z.example.test/b")
            #expect(status != .ok)
            let err = output.err
            #expect(err.contains("the API rejected the request (402): "), "\(err)")
            #expect(err.contains("; Kapso plan (unclear): Kapso documents 402 for writes that need a paid plan, not for reading webhooks"), "\(err)")
            #expect(!err.contains("--remove-events"), "\(err)")
        }
    }

    @Test func anUpdateOfAWebhookWithProjectEventNamesItsID() {
        let advice = PlanRefusal.advice(method: "PATCH", events: ["project.event", "whatsapp.message.received"], webhookID: "W1")
        #expect(advice.contains("'webhooks update W1 --remove-events project.event'"), "\(advice)")
        let create = PlanRefusal.advice(method: "POST", events: ["project.event"], webhookID: nil)
        #expect(create.contains("create it without project.event"), "\(create)")
        #expect(!create.contains("webhooks update"), "\(create)")
    }
}
