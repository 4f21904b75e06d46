import Foundation
import KapsoClient
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `replay` of files an editor touched, re-signing with the delivery's own header, and Ctrl-C counts (probe2 F6,
/// F19, F20); each against a loopback handler that verifies signatures on the raw bytes.
@Suite struct ReplayCommandTests {
    static let secret = "whsec_replay_test_4321"
    static let body = #"{"message":{"id":"wamid.R1","text":{"body":"Olá"}},"phone_number_id":"100200300400501"}"#

    /// A saved Kapso delivery as `listen --save` writes it, signed with `secret`.
    static func saved(lineEnd: String = "\r\n", after: String = "") -> String {
        let bytes = Array(body.utf8)
        let signature = WebhookSignature.hmacSHA256Hex(key: Array(secret.utf8), message: bytes)
        return ["POST /hook HTTP/1.1", "content-type: application/json", "x-webhook-event: whatsapp.message.received",
                "x-idempotency-key: 0a1b2c3d-0000-4000-8000-000000000001", "x-webhook-signature: \(signature)",
                "content-length: \(bytes.count)", "", ""].joined(separator: lineEnd) + body + after
    }

    static func folder(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kops-replay-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        return folder
    }

    static func replay(_ words: [String], interrupted: Bool = false) throws
        -> (handler: HostileServer, status: KopsShell.ExitStatus, out: String, err: String)
    {
        let handler = try WebhookFireTests.verifyingHandlerFor(secret: secret)
        let (shell, output) = try handler.shell()
        if interrupted { shell.context.interrupted = { true } }
        let status = shell.run(words: ["replay"] + words + ["--to", handler.baseURL + "/hook"])
        return (handler, status, output.out, output.err)
    }

    @Test func aNewlineAnEditorAddedIsDropped_AndLFHeadsAreRead() async throws {
        try await offPool {
            let folder = try Self.folder([
                "a.http": Self.saved(after: "\n"), "b.http": Self.saved(lineEnd: "\n", after: "\n"), "c.http": Self.saved(after: "\r\n"),
            ])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try Self.replay([folder])
            #expect(run.status == .ok, "\(run.err)")
            #expect(run.handler.requests.map(\.body) == Array(repeating: Array(Self.body.utf8), count: 3))
            #expect(run.err.contains(
                "a.http: 1 byte of line ends after the saved body (content-length \(Self.body.utf8.count)) dropped: an editor adds a newline on save\n"))
            #expect(run.err.contains("b.http: LF line ends in the head (an editor converted them); read as CRLF\n"))
            #expect(run.err.contains("all 3 accepted"))
        }
    }

    @Test func anEditedBodyIsSentAsItIs_WithTheReasonItFails() async throws {
        try await offPool {
            let folder = try Self.folder(["e.http": Self.saved().replacingOccurrences(of: "Olá", with: "Hola!")])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try Self.replay([folder])
            #expect(run.status == .failure)
            let saved = Self.body.utf8.count
            #expect(run.err.contains("e.http: body is \(saved + 1) bytes, saved content-length \(saved): the file was edited, so the saved signature will not match (re-sign with --secret)\n"))
        }
    }

    /// A Kapso delivery re-signed with --meta-secret keeps its own header: it never carries both.
    @Test func theOtherPlatformsFlagReSignsTheDeliverysOwnHeader() async throws {
        try await offPool {
            let folder = try Self.folder(["k.http": Self.saved().replacingOccurrences(of: "x-webhook-signature: ", with: "x-webhook-signature: 00")])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try Self.replay([folder, "--meta-secret", Self.secret])
            #expect(run.status == .ok, "\(run.err)")
            let request = try #require(run.handler.requests.first)
            #expect(request.header("X-Hub-Signature-256") == nil)
            #expect(request.header("X-Webhook-Signature") != nil)
            #expect(run.err.contains(
                "k.http is a Kapso delivery: --meta-secret re-signs its X-Webhook-Signature (no X-Hub-Signature-256 is added)\n"))
            #expect(!(run.out + run.err).contains(Self.secret))
        }
    }

    /// probe15 P15-5: a Meta delivery saved with only the legacy X-Hub-Signature is Meta's (the rule `listen` and
    /// `verify` share), and re-signing gives both of Meta's headers the new secret's values.
    @Test func aLegacySHA1DeliveryIsMetasAndBothOfItsHeadersAreReSigned() {
        let body = Array(#"{"object":"whatsapp_business_account"}"#.utf8)
        let headers = [("Content-Type", "application/json"), ("X-Hub-Signature", "sha1=00")]
        #expect(ReplayCommand.signedByMeta(headers) == true)
        let key = Secret("app_secret_replay")
        let resigned = ReplayCommand.resigned(headers, body: body, secret: nil, metaSecret: key)
        #expect(resigned.first { $0.name == "X-Hub-Signature" }?.value
            == "sha1=" + WebhookSignature.hmacSHA1Hex(key: Array("app_secret_replay".utf8), message: body))
        #expect(resigned.first { $0.name == "x-hub-signature-256" }?.value
            == "sha256=" + WebhookSignature.hmacSHA256Hex(key: Array("app_secret_replay".utf8), message: body))
        #expect(!resigned.contains { $0.name.lowercased() == "x-webhook-signature" })
    }

    @Test func ctrlCSaysHowManyWereNeverSent() async throws {
        try await offPool {
            let folder = try Self.folder(["1.http": Self.saved(), "2.http": Self.saved(), "3.http": Self.saved()])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let run = try Self.replay([folder], interrupted: true)
            #expect(run.status == .failure)
            #expect(run.handler.requests.count == 1)
            #expect(run.err.contains("stopped by Ctrl-C after 1 of 3: 1 accepted, 2 not sent\n"))
        }
    }

    @Test func ctrlCInAFireScenarioSaysHowManyWereNeverSent() async throws {
        try await offPool {
            let handler = try WebhookFireTests.verifyingHandlerFor(secret: Self.secret)
            let (shell, output) = try handler.shell()
            shell.context.interrupted = { true }
            let status = shell.run(words: ["webhooks", "fire", "message-lifecycle", "--secret", Self.secret, "--to", handler.baseURL + "/hook"])
            #expect(status == .failure)
            #expect(output.err.contains("stopped by Ctrl-C after 1 of 4: 1 accepted, 3 not sent\n"))
        }
    }

    @Test(arguments: [(1, 1, 5, "stopped by Ctrl-C after 1 of 5: 1 not accepted, 4 not sent"),
                      (3, 1, 3, "stopped by Ctrl-C after 3 of 3: 2 accepted, 1 not accepted")])
    func stoppedSummary(sent: Int, failed: Int, total: Int, text: String) {
        #expect(HandlerCall.stoppedSummary(sent: sent, failed: failed, total: total) == text)
    }
    /// A saved or forwarded delivery's credential headers are sent as they came and shown by `--verbose` as
    /// `<redacted>` (probe27 P27-13: `replay --verbose` printed `authorization: Bearer sk_live_…`); a signature header
    /// and an ordinary one stay as they are.
    @Test func credentialHeadersOfADeliveryAreSentButNotShown() {
        let headers: [(name: String, value: String)] = [
            ("authorization", "Bearer sk_live_LISTENSECRET123456"), ("X-Api-Key", "kapso_live_LISTENKEY1234567890"),
            ("Cookie", "session=COOKIEsecret777"), ("X-Custom-Auth", "c4ustom"), ("X-Hub-Signature-256", "sha256=ab12"),
            ("Content-Type", "application/json"), ("Content-Length", "2"),
        ]
        let request = HandlerCall.request(Array("{}".utf8), headers: headers, to: "http://127.0.0.1:1/hook")
        #expect(request.headers.map(\.redactedLine) == [
            "authorization: <redacted>", "X-Api-Key: <redacted>", "Cookie: <redacted>", "X-Custom-Auth: <redacted>",
            "X-Hub-Signature-256: sha256=ab12", "Content-Type: application/json",
        ])
        let sent = request.headers.map { header -> String in
            switch header.value {
            case .text(let text): text
            case .secret(let secret): secret.revealed
            }
        }
        #expect(sent == headers.dropLast().map(\.value))
    }
}
