import Foundation
import KapsoClient
import KapsoSimulator
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// probe40: `trace` matches Kapso's deliveries to the other WhatsApp-id form of a contact's number (P40-1); a 401 that is
/// not Kapso's is no rejected key (P40-4); a Pipedream hook host followed by punctuation is masked (P40-3).
@Suite struct Probe40ShellTests: PrintedLines {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file(name) }

    // MARK: - P40-1

    /// Support Line's contacts: a US control, a Brazilian mobile written with its ninth digit (`5531987654321`, inbound
    /// and an outbound reply) and a Mexican one with the `1` (`5215512345678`); Kapso's deliveries name the WhatsApp-id
    /// form (`553187654321`, `525512345678`), one second after each event. Each trace lists its deliveries and never
    /// sends the user to Kapso support with "Kapso skipped this one" (before: all three but the control did).
    @Test func aDeliveryNamingTheOtherFormOfTheNumberIsTheMessagesOwn() async throws {
        let ids = [
            "wamid.HBgLMTQxNTU1NTEzMDEVAgASGBQ0OTRFMzEwMDAwMDAwMDAwMDAwMAA=",
            "wamid.HBgNNTUzMTk4NzY1NDMyMRUCABIYFDQ5NEUzMjAwMDAwMDAwMDAwMDAwAA==",
            "wamid.HBgNNTIxNTUxMjM0NTY3OBUCABIYFDQ5NEUzMzAwMDAwMDAwMDAwMDAwAA==",
            "wamid.HBgNNTUzMTk4NzY1NDMyMRUCABIYFDRGNTU1NDMyMDAwMDAwMDAwMDAwAA==",
        ]
        let runs = try await runDemo(
            ids.map { "trace \($0)" }, number: "100200300400501", seed: Self.seed("probe40-forms.seed.json"), width: 2_000)
        for (index, run) in runs.enumerated() {
            #expect(run.status == 0, "\(index): \(run.err)")
            #expect(!run.out.contains("Kapso skipped"), "\(index): \(run.out)")
            #expect(!run.out.contains("Kapso recorded no delivery"), "\(index): \(run.out)")
            let deliveries = Self.line("webhook deliveries:", in: run.out)
            #expect(deliveries.hasPrefix("webhook deliveries: ") && !deliveries.hasPrefix("webhook deliveries: none"), "\(index): \(run.out)")
        }
        // The inbound ones have their one received delivery; the reply its sent, delivered and read.
        for index in 0..<3 { #expect(Self.line("webhook deliveries:", in: runs[index].out) == "webhook deliveries: 1", "\(runs[index].out)") }
        #expect(Self.line("webhook deliveries:", in: runs[3].out) == "webhook deliveries: 3", "\(runs[3].out)")
    }

    // MARK: - P40-4

    /// Runs `numbers` against the simulator with every phone-number list answered `status` with `headers` and `body`.
    static func numbers(status: Int = 401, headers: [(name: String, value: String)], body: String) async throws -> (status: KopsShell.ExitStatus, err: String) {
        try await withSimulator(seed: .demo) { fixture in
            let plain = try fixture.client()
            let answer = HTTPResponse(status: status, headers: headers, body: Array(body.utf8))
            let transport = Probe26ShellTests.AnsweringTransport(base: plain.transport, answer: answer) { $0.url.contains("/phone_numbers") }
            let client = KapsoClient(baseURL: fixture.baseURL, apiKey: Secret(fixture.apiKey), transport: transport)
            let context = ShellContext(session: Session(baseURL: client.baseURL), client: client, registry: .standard)
            context.now = { SimulatorFixture.deterministicNow }
            let output = BufferOutput()
            let shell = Shell(context: context, renderer: Renderer(), output: output)
            return (shell.run(line: "numbers"), output.err)
        }
    }

    static let nginx = "<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"

    /// A proxy asking for HTTP Basic auth, a web app's sign-in page, a plain "Unauthorized": the server at the base URL
    /// answered, not Kapso; kops names it and exits 1, not 77 ("the API key was rejected").
    @Test(arguments: [
        ([("WWW-Authenticate", "Basic realm=\"Restricted\""), ("Content-Type", "text/html")], nginx, "asked for HTTP Basic credentials"),
        ([("Content-Type", "text/html; charset=utf-8")], "<!DOCTYPE html><html><body>You need to sign in or sign up before continuing.</body></html>",
         "answered 401 with an HTML page"),
        ([], "Unauthorized", "answered 401 with a body that is not JSON"),
        ([("WWW-Authenticate", "Basic realm=\"api\"")], #"{"error":"Unauthorized"}"#, "asked for HTTP Basic credentials"),
    ])
    func a401ThatIsNotKapsosIsNoRejectedKey(headers: [(String, String)], body: String, says: String) async throws {
        let ran = try await Self.numbers(headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
        #expect(ran.status == .failure, "\(ran.err)")
        #expect(ran.err.contains(says), "\(ran.err)")
        #expect(ran.err.contains("check the base URL"), "\(ran.err)")
        #expect(!ran.err.contains("was rejected"), "\(ran.err)")
    }

    /// Kapso's own 401 (its JSON error, kapso-api.md §1.5) stays the key: exit 77. (Graph's OAuth 401 at a Kapso
    /// endpoint is read earlier as the base URL pointing at Graph, not as Kapso's verdict on the key.)
    @Test(arguments: [
        ([(String, String)](), #"{"error":"Invalid API key"}"#),
        ([(String, String)](), #"{"error":"Missing API key"}"#),
    ])
    func kapsosOwn401StaysTheKey(headers: [(String, String)], body: String) async throws {
        let ran = try await Self.numbers(headers: headers.map { (name: $0.0, value: $0.1) }, body: body)
        #expect(ran.status == .noPermission, "\(ran.err)")
        #expect(ran.err.contains("was rejected"), "\(ran.err)")
    }

    // MARK: - P40-3

    /// `webhooks check`'s headline and `logs search --problems`' what column put punctuation right after a Pipedream URL
    /// that is its host alone; the key in the host is masked there as in every other view.
    @Test(arguments: [
        ("error: aaaaaaaa-0000-4000-8000-000000000092 (https://eo1a2b3c4d5e6f7.m.pipedream.net): 1 of 1 deliveries failed",
         "error: aaaaaaaa-0000-4000-8000-000000000092 (https://<redacted>.m.pipedream.net): 1 of 1 deliveries failed"),
        ("    1  delivery  whatsapp.message.received to https://eo1a2b3c4d5e6f7.m.pipedream.net: HTTP 401 (1 attempt)",
         "    1  delivery  whatsapp.message.received to https://<redacted>.m.pipedream.net: HTTP 401 (1 attempt)"),
        ("sent to https://eo1a2b3c4d5e6f7.m.pipedream.net.", "sent to https://<redacted>.m.pipedream.net."),
        ("(https://eo1a2b3c4d5e6f7.m.pipedream.net/hook);", "(https://<redacted>.m.pipedream.net/hook);"),
    ])
    func aPipedreamHostBeforePunctuationIsMasked(text: String, masked: String) {
        #expect(ShapedCredentialsTests.scan(text))
        #expect(Redactor().redact(text) == masked)
    }
}
