import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// `webhooks probe`: three deliveries to the webhook's own URL tell whether its handler verifies raw bytes.
@Suite struct WebhookProbeTests {
    static let secret = "whsec_probe_test_9876"

    enum Handler: Sendable { case strict, acceptsAnything, hashesReserialisedJSON, failsEverything }

    static func server(_ kind: Handler) throws -> HostileServer {
        try HostileServer { request in
            let signature = request.header("X-Webhook-Signature") ?? ""
            let hashed: [UInt8]
            switch kind {
            case .acceptsAnything: return .json(#"{"ok":true}"#)
            case .failsEverything: return .json(status: 500, #"{"error":"boom"}"#)
            case .strict: hashed = request.body
            case .hashesReserialisedJSON:
                hashed = (try? JSONValue.parse(request.body)).map { Array(SignatureCheck.metaEscaped($0).utf8) } ?? []
            }
            let valid = WebhookSignature.verify(body: hashed, secret: Secret(secret), signature: signature, meta: false) == .valid
            return valid ? .json(#"{"ok":true}"#) : .json(status: 401, #"{"error":"bad signature"}"#)
        }
    }

    static func probe(_ kind: Handler) async throws -> Ran {
        let handler = try server(kind)
        let runs = try await runDemo([
            "webhooks create --url \(handler.baseURL)/hook --events whatsapp.message.received --secret-key \(secret)",
            "webhooks --per-page 1",
            "webhooks probe",
        ])
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect(handler.requests.count == 3)
        #expect(!(runs[2].out + runs[2].err).contains(secret))
        return runs[2]
    }

    /// Probing and firing at a loopback handler changes nothing in Kapso and sends nothing off the machine: a
    /// read-only script runs them; a non-loopback URL is refused with that reason (probe2 F11).
    @Test func readOnlyScriptsProbeAndFireLoopbackButNotOffMachine() async throws {
        let handler = try Self.server(.strict)
        let (statuses, err) = try await withSimulator { fixture -> ([KopsShell.ExitStatus], String) in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400502")
            let created = shell.run(
                line: "webhooks create --url \(handler.baseURL)/hook --events whatsapp.message.received --secret-key \(Self.secret)")
            shell.readOnly = true
            return ([created] + [
                "webhooks probe",
                "webhooks fire whatsapp.message.received --to \(handler.baseURL)/hook --secret \(Self.secret)",
                "webhooks fire whatsapp.message.received --to https://handler.example.test/hook",
                "webhooks probe 5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92",
            ].map { shell.run(line: $0) }, output.err)
        }
        #expect(statuses == [.ok, .ok, .ok, .failure, .failure], "\(err)")
        #expect(handler.requests.count == 4)
        #expect(err.contains(
            "error: 'webhooks fire' sends to a URL off this machine, which scripts do only with --allow-writes; run with --allow-writes to let it\n"))
        #expect(err.contains(
            "error: 'webhooks probe' sends to a URL off this machine, which scripts do only with --allow-writes; run with --allow-writes to let it\n"))
    }

    /// The probe's deliveries are about the webhook's own number, so a handler that routes by phone_number_id
    /// serves them (probe2 F33): Sales Line's webhook gets Sales Line's ids, in v2 and v1.
    @Test(arguments: ["v2", "v1"])
    func probeDeliveriesCarryTheWebhooksOwnNumber(version: String) async throws {
        let handler = try Self.server(.strict)
        let (statuses, err) = try await withSimulator { fixture -> ([KopsShell.ExitStatus], String) in
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400502")
            return ([
                "webhooks create --url \(handler.baseURL)/hook --events whatsapp.message.received --secret-key \(Self.secret) --payload-version \(version)",
                "webhooks probe",
            ].map { shell.run(line: $0) }, output.err)
        }
        #expect(statuses == [.ok, .ok], "\(err)")
        #expect(handler.requests.count == 3)
        for request in handler.requests {
            let body = try JSONValue.parse(request.body)
            if version == "v1" {
                #expect(body["whatsapp_config"]?["phone_number_id"]?.string == "100200300400502")
                #expect(body["whatsapp_config"]?["name"]?.string == "Sales Line")
                #expect(body["conversation"]?["whatsapp_config_id"]?.string == body["whatsapp_config"]?["id"]?.string)
            } else {
                #expect(body["phone_number_id"]?.string == "100200300400502")
                #expect(body["conversation"]?["phone_number_id"]?.string == "100200300400502")
            }
            #expect(!String(decoding: request.body, as: UTF8.self).contains("100200300400501"))
        }
    }

    @Test func aStrictHandlerPasses() async throws {
        let run = try await Self.probe(.strict)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("signed, ASCII body → 200 in "))
        #expect(run.out.contains("signed, non-ASCII body → 200 in "))
        #expect(run.out.contains("wrong signature → 401 in "))
        #expect(run.out.contains("a wrong signature was rejected (401) while correctly signed ones were accepted\n"))
        #expect(run.out.contains("correctly signed deliveries were accepted, ASCII and not\n"))
    }

    @Test func aHandlerThatAcceptsABadSignatureIsAnError() async throws {
        let run = try await Self.probe(.acceptsAnything)
        #expect(run.status == 1)
        #expect(run.out.contains("error: the handler accepted a wrong signature: anyone can post events to it; verify X-Webhook-Signature\n"))
    }

    /// A handler that answers 500 to everything shows nothing about its signature check (probe2 F10).
    @Test func aHandlerThatFailsEverythingIsNotSaidToRejectTheWrongSignature() async throws {
        let run = try await Self.probe(.failsEverything)
        #expect(run.status == 1)
        #expect(!run.out.contains("rejected"))
        #expect(run.out.contains("wrong signature → 500, like the signed ones: cannot tell whether the handler verifies signatures\n"))
        #expect(run.out.contains("error: a correctly signed delivery was not accepted: Kapso's deliveries to it fail and are retried\n"))
    }

    @Test func aHandlerThatHashesReserialisedJSONIsNamed() async throws {
        let run = try await Self.probe(.hashesReserialisedJSON)
        #expect(run.status == 1)
        #expect(run.out.contains("signed, non-ASCII body → 401 in "))
        #expect(run.out.contains(
            "error: the ASCII body passed but the non-ASCII one got 401: the handler hashes re-serialised JSON or the text in a wrong "
                + "text encoding (e.g. read as UTF-8, written as Latin-1), not the raw bytes\n"))
    }
}
