import Foundation
import KapsoClient
import KapsoDiagnostics
import KopsHTTP
@testable import KopsShell
import KopsTestSupport
import Testing

/// `webhooks fire`: signed deliveries reach a loopback handler, which verifies them with its secret.
@Suite struct WebhookFireTests {
    static let secret = "whsec_fire_test_5678"

    /// A handler that verifies Kapso's (or Meta's) signature on the raw bytes: 200 when valid, 401 otherwise.
    static func verifyingHandler(status: Int = 200) throws -> HostileServer {
        try verifyingHandlerFor(secret: secret, status: status)
    }

    static func verifyingHandlerFor(secret: String, status: Int = 200) throws -> HostileServer {
        try HostileServer { request in
            let kapso = request.header("X-Webhook-Signature")
            let meta = request.header("X-Hub-Signature-256")
            guard let signature = kapso ?? meta,
                WebhookSignature.verify(body: request.body, secret: Secret(secret), signature: signature, meta: kapso == nil)
                    == .valid
            else { return .json(status: 401, #"{"error":"bad signature"}"#) }
            return .json(status: status, status == 200 ? #"{"ok":true}"# : #"{"error":"handler broke"}"#)
        }
    }

    static func fire(_ words: [String], handler: HostileServer) throws -> (status: KopsShell.ExitStatus, out: String, err: String) {
        let (shell, output) = try handler.shell()
        let status = shell.run(words: ["webhooks", "fire"] + words + ["--to", handler.baseURL + "/hook"])
        return (status, output.out, output.err)
    }

    @Test(arguments: FirePlan.scenarios.map(\.name))
    func everyScenarioReachesTheHandlerAndVerifies(scenario: String) async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire([scenario, "--secret", Self.secret], handler: handler)
            let events = try #require(FirePlan.scenarios.first { $0.name == scenario }).events
            #expect(result.status == .ok, "\(result.err)")
            #expect(handler.requests.count == events.count)
            #expect(handler.requests.map { $0.header("X-Webhook-Event") ?? "" } == events)
            #expect(result.out.split(separator: "\n").count == events.count)
            #expect(result.out.split(separator: "\n").allSatisfy { $0.contains("→ 200 in ") })
            #expect(!(result.out + result.err).contains(Self.secret))
            let keys = handler.requests.compactMap { $0.header("X-Idempotency-Key") }
            #expect(Set(keys).count == events.count, "a new idempotency key per delivery")
        }
    }

    @Test func bufferedBatchSendsTheBatchShape() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["buffered-batch", "--secret", Self.secret, "--batch", "5"], handler: handler)
            #expect(result.status == .ok)
            let request = try #require(handler.requests.first)
            #expect(request.header("X-Webhook-Batch") == "true")
            #expect(request.header("X-Batch-Size") == "5")
            let body = try JSONValue.parse(request.body)
            #expect(body["data"]?.array?.count == 5)
            #expect(body["batch_info"]?["size"] == 5)
            #expect(result.out.contains("(batch of 5) → 200"))
        }
    }

    /// Each item of a batch has its own well-formed ids, as real batches do: a handler that dedupes by WAMID (or by
    /// v1's whatsapp_message_id) keeps every item, and whois-style readers take each id (probe2 F37).
    @Test(arguments: [("--v2", "id"), ("--v1", "whatsapp_message_id")])
    func batchItemsHaveDistinctWellFormedIDs(version: String, key: String) async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["whatsapp.message.received", "--batch", "3", version, "--secret", Self.secret], handler: handler)
            #expect(result.status == .ok, "\(result.err)")
            let body = try JSONValue.parse(try #require(handler.requests.first).body)
            let items = try #require(body["data"]?.array)
            let wamids = items.compactMap { $0["message"]?[key]?.string }
            #expect(wamids.count == 3)
            #expect(Set(wamids).count == 3, "\(wamids)")
            for wamid in wamids {
                #expect((try? WAMID.canonical(wamid).get()) == wamid, "\(wamid) is a WAMID as Meta spells it")
                #expect((try? WAMID.contactNumber(in: wamid).get()) == "14155550142")
            }
            let ids = items.compactMap { $0["message"]?["id"]?.string }
            #expect(Set(ids).count == 3)
            if version == "--v1" { #expect(ids.allSatisfy { UUID(uuidString: $0) != nil }, "\(ids)") }
            if version == "--v2" { #expect(items.last?["conversation"]?["kapso"]?["last_message_id"]?.string == ids.last) }
        }
    }

    @Test func setChangesAFieldThatExistsAndIsSigned() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(
                ["whatsapp.message.received", "--secret", Self.secret, "--set", "message.text.body=Hola, ¿qué tal?",
                 "--set", "is_new_conversation=true"], handler: handler)
            #expect(result.status == .ok, "\(result.err)")
            let body = try JSONValue.parse(try #require(handler.requests.first).body)
            #expect(body["message"]?["text"]?["body"] == "Hola, ¿qué tal?")
            #expect(body["is_new_conversation"] == true)
        }
    }

    /// A bare number typed for a text field is that text: Kapso never sends a numeric message body (probe2 F5).
    @Test func aNumberForATextFieldIsSentAsText() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(
                ["whatsapp.message.received", "--secret", Self.secret, "--set", "message.text.body=1042"], handler: handler)
            #expect(result.status == .ok, "\(result.err)")
            let body = try JSONValue.parse(try #require(handler.requests.first).body)
            #expect(body["message"]?["text"]?["body"] == "1042")
        }
    }

    @Test(arguments: [
        ("message.txt.body=x", "error: webhooks: invalid --set path for whatsapp.message.received 'message.txt.body'; expected a path in its payload: no 'txt' in 'message'; keys there: id, timestamp, type, from, text, kapso\n"),
        ("message.text.body.x=1", "error: webhooks: invalid --set path for whatsapp.message.received 'message.text.body.x'; expected a path in its payload: 'message.text.body' is a string, not an object\n"),
        ("message.text=Hola", "error: webhooks: invalid --set value for whatsapp.message.received 'message.text=Hola'; expected a value of the payload's type: 'message.text' is an object (keys: body); set a field inside it, e.g. message.text.body=...\n"),
        ("is_new_conversation=1", "error: webhooks: invalid --set value for whatsapp.message.received 'is_new_conversation=1'; expected a value of the payload's type: 'is_new_conversation' is a boolean in this payload; give true or false\n"),
        ("message.kapso.has_media=no", "error: webhooks: invalid --set value for whatsapp.message.received 'message.kapso.has_media=no'; expected a value of the payload's type: 'message.kapso.has_media' is a boolean in this payload; give true or false\n"),
        ("nothing", "error: webhooks: invalid value for --set 'nothing'; expected PATH=VALUE, e.g. message.text.body=\"Hola\" or data[0].message.id=wamid.X\n"),
    ])
    func badOverridesStopTheRunBeforeAnythingIsSent(set: String, expected: String) async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["message-lifecycle", "--secret", Self.secret, "--set", set], handler: handler)
            #expect(result.status == .usage)
            #expect(result.err == expected)
            #expect(handler.requests.isEmpty)
        }
    }

    @Test func aFailingHandlerIsReportedWithItsBody() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler(status: 500)
            let result = try Self.fire(["failed-131047", "--secret", Self.secret], handler: handler)
            #expect(result.status == .failure)
            #expect(result.out.contains("1/1 whatsapp.message.failed → 500 in "))
            #expect(result.out.contains(#"(Kapso retries anything but 200): {"error":"handler broke"}"#))
        }
    }

    /// probe42 P42-8: a handler that answers 204 is not "accepted": Kapso documents 200, and `webhooks check` reads such
    /// deliveries as failed; the line says so and fire exits 1, as for any delivery Kapso would count failed.
    /// probe42 P42-8, probe43 P43-12: a 204 is said not to be the 200 Kapso documents, with a warning; it is not called
    /// "not accepted", as `webhooks test` and `deliveries` show such an answer recorded as delivered.
    @Test func aHandlerAnswering204IsWarnedOf() async throws {
        try await offPool {
            let handler = try HostileServer { _ in .http(status: 204, body: []) }
            let result = try Self.fire(["failed-131047", "--secret", Self.secret], handler: handler)
            #expect(result.status == .ok, "\(result.out)\(result.err)")
            #expect(result.out.contains("→ 204 in "), "\(result.out)")
            #expect(result.out.contains(
                ": 204, not 200: Kapso documents that the endpoint \"must return 200 OK within 10 seconds\" "
                    + "(docs.kapso.ai/docs/platform/webhooks) and does not say how it counts another 2xx"), "\(result.out)")
            #expect(result.err.contains("all 1 accepted"), "\(result.err)")
        }
    }

    @Test func unsignedDeliveriesAreRejectedByAVerifyingHandler() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["whatsapp.message.read"], handler: handler)
            #expect(result.status == .failure)
            #expect(result.err.contains("unsigned: no --secret"))
            #expect(result.out.contains("→ 401 in "))
        }
    }

    @Test func metaPayloadsAreSignedTheMetaWay() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["whatsapp.message.received", "--meta", "--secret", Self.secret], handler: handler)
            #expect(result.status == .ok, "\(result.err)")
            let request = try #require(handler.requests.first)
            #expect(request.header("X-Hub-Signature-256")?.hasPrefix("sha256=") == true)
            #expect(request.header("X-Webhook-Signature") == nil)
            #expect(request.header("X-Idempotency-Key") == WebhookSignature.sha256Hex(request.body))
            let body = try JSONValue.parse(request.body)
            #expect(body["object"] == "whatsapp_business_account")
        }
    }

    @Test func unknownTargetsSuggestAName() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let result = try Self.fire(["message-lifecyle"], handler: handler)
            #expect(result.status == .usage)
            #expect(
                result.err.hasSuffix(
                    "unknown event or scenario 'message-lifecyle'; did you mean 'message-lifecycle'? (scenarios: "
                        + FirePlan.scenarios.map(\.name).joined(separator: ", ") + "; events: 'payload sample' lists them)\n"),
                "\(result.err)")
            #expect(handler.requests.isEmpty)
        }
    }

    @Test func aHandlerThatIsNotRunningIsOneLine() async throws {
        try await offPool {
            let handler = try Self.verifyingHandler()
            let (shell, output) = try handler.shell()
            let closed = try HostileServer { _ in .json("{}") }
            let url = closed.baseURL + "/hook"
            closed.stop()
            let status = shell.run(words: ["webhooks", "fire", "whatsapp.message.sent", "--to", url])
            #expect(status == .unavailable)
            #expect(output.out.contains("1/1 whatsapp.message.sent → no answer: nothing accepts connections at 127.0.0.1:"))
        }
    }

    @Test func firingOffThisMachineIsAWrite() async throws {
        try await offPool {
            #expect(ScriptPolicy.isWrite(["webhooks", "fire", "message-lifecycle", "--to", "https://hooks.example.com/x"], registry: .standard))
            #expect(!ScriptPolicy.isWrite(["webhooks", "fire", "message-lifecycle", "--to", "http://127.0.0.1:3000/x"], registry: .standard))
        }
    }
}
