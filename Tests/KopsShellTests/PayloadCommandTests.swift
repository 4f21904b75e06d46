import KapsoClient
import KapsoDiagnostics
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

@Suite struct PayloadCommandTests {
    @Test func v2MessageReceivedIsTheFixtureByteForByte() throws {
        let sample = try #require(PayloadSamples.sample("whatsapp.message.received", version: "v2"))
        let fixture = Array(try Fixtures.data("webhook.v2.message_received.json"))
        #expect(Array(sample.bodyText.utf8) == fixture)
        let signature = String(decoding: try Fixtures.data("webhook.v2.message_received.signature.txt"), as: UTF8.self)
        #expect(WebhookSignature.hmacSHA256Hex(key: Array("whsec_demo_123".utf8), message: fixture) == signature)
    }

    @Test func v2MessageFailedIsTheFixtureCompacted() throws {
        let sample = try #require(PayloadSamples.sample("whatsapp.message.failed", version: "v2"))
        #expect(sample.body == (try Fixtures.json("webhook.v2.message_failed.json")))
    }

    @Test(arguments: PayloadSamples.events)
    func everySampleIsSignedAndShapedForItsVersion(event: String) throws {
        for version in PayloadSamples.versions(of: event) {
            let sample = try #require(PayloadSamples.sample(event, version: version), "\(event) \(version)")
            let headers = Dictionary(uniqueKeysWithValues: sample.headers.map { ($0.name, $0.value) })
            #expect(
                sample.headers.map(\.name) == [
                    "Content-Type", "X-Webhook-Event", "X-Webhook-Signature", "X-Idempotency-Key",
                    "X-Webhook-Payload-Version",
                ])
            #expect(headers["X-Webhook-Payload-Version"] == version)
            let signature = try #require(headers["X-Webhook-Signature"])
            let verdict = WebhookSignature.verify(
                body: Array(sample.bodyText.utf8), secret: Secret("whsec_example"), signature: signature, meta: false)
            #expect(verdict == .valid)
            #expect(headers["X-Idempotency-Key"]?.count == 36)
            #expect(try JSONValue.parse(Array(sample.bodyText.utf8)) == sample.body)
            let text = sample.bodyText
            if version == "v2" {
                #expect(!text.contains("whatsapp_config"), "\(event)")
            } else if WebhookEvents.scope(of: event) == .phoneNumber {
                #expect(sample.body["whatsapp_config"] != nil, "\(event)")
                #expect(sample.body["message"]?["kapso"] == nil, "\(event)")
            }
            if event.hasPrefix("whatsapp.") { #expect(!text.contains(event), "a body never names its event") }
        }
    }

    @Test func v1MessageReceivedPrintsHeadersBodyAndHints() {
        let result = OfflineShell.run("payload", "sample", "whatsapp.message.received", "--v1")
        #expect(result.status == .ok)
        #expect(result.out == Self.v1Received)
        #expect(
            result.err == """
                X-Webhook-Signature is computed with the placeholder secret 'whsec_example'; real deliveries are signed with the webhook's own secret_key
                v1 shapes are reconstructed from Kapso's legacy docs; fields may differ in detail
                \(PayloadCommand.versionHint)

                """)
        #expect(result.requests == 0)
    }

    /// An agent run's sample body has "event": the hint must not say a v2 body never names its event.
    @Test(arguments: ["kapso_agent.run.failed", "kapso_agent.run.completed"])
    func aBodyThatNamesItsEventIsNotSaidNeverTo(event: String) {
        let result = OfflineShell.run("payload", "sample", event)
        #expect(result.status == .ok)
        #expect(result.out.contains("\"event\":\"\(event)\""))
        #expect(!result.err.contains("never in a v2 body"))
        #expect(result.err.contains(PayloadCommand.versionHintBodyNamesEvent))
    }

    @Test func v1PhoneNumberCreatedIsTheLegacyConfigEvent() {
        let result = OfflineShell.run("payload", "sample", "whatsapp.phone_number.created", "--v1")
        #expect(result.status == .ok)
        #expect(result.out.contains("X-Webhook-Event: whatsapp.config.created\n"))
        #expect(
            result.err.contains(
                "v1 webhooks get the legacy whatsapp.config.created instead of whatsapp.phone_number.created\n"))
    }

    @Test func unknownEventListsTheCatalog() {
        let result = OfflineShell.run("payload", "sample", "whatsapp.nothing")
        #expect(result.status == .usage)
        #expect(result.out == "")
        #expect(result.err == "error: payload: unknown event 'whatsapp.nothing'; Kapso's events: " + WebhookEvents.all.joined(separator: ", ") + "\n")
    }

    @Test func reconstructedShapesSaySo() {
        let documented = OfflineShell.run("payload", "sample", "whatsapp.contact.marketing_preference_changed")
        #expect(documented.status == .ok)
        #expect(documented.out.contains(#""marketing_preference":{"status":"stopped""#))
        #expect(!documented.err.contains("reconstructed"))
        let reconstructed = OfflineShell.run("payload", "sample", "project.event")
        #expect(reconstructed.status == .ok)
        #expect(
            reconstructed.err.contains(
                "shape reconstructed: Kapso names project.event but publishes no sample payload; fields may differ\n"))
    }

    @Test func newerEventsHaveNoV1Form() {
        let result = OfflineShell.run("payload", "sample", "whatsapp.contact.identity_changed", "--v1")
        #expect(result.status == .usage)
        #expect(
            result.err == "error: payload: invalid version for whatsapp.contact.identity_changed 'v1'; "
                + "expected --v2 (Kapso sends whatsapp.contact.identity_changed in v2 payloads only)\n")
    }

    @Test func legacyEventHasNoV2Form() {
        let result = OfflineShell.run("payload", "sample", "whatsapp.config.created", "--v2")
        #expect(result.status == .usage)
        #expect(
            result.err == "error: payload: invalid version for whatsapp.config.created 'v2'; "
                + "expected --v1 (v2 webhooks get whatsapp.phone_number.created instead)\n")
    }

    @Test func jsonOutputCarriesHeadersAndBody() throws {
        let offline = OfflineShell()
        offline.shell.run(line: "output json; payload sample whatsapp.conversation.inactive")
        let json = try JSONValue.parse(Array(offline.output.out.utf8))
        #expect(json["payload_version"] == "v2")
        #expect(json["headers"]?["X-Webhook-Event"] == "whatsapp.conversation.inactive")
        #expect(json["body"]?["inactivity"]?["minutes"] == 60)
    }

    // The signature was checked with `openssl dgst -sha256 -hmac whsec_example`.
    static let v1Received = """
        Content-Type: application/json
        X-Webhook-Event: whatsapp.message.received
        X-Webhook-Signature: 65f2d6d6dd4b6ba40c3b82ea66d425dd95e3669c22ac41449593a7566142f9e4
        X-Idempotency-Key: 1d12379c-275e-4697-8a32-df038f3ee2b8
        X-Webhook-Payload-Version: v1

        {"message":{"id":"6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e","whatsapp_message_id":"wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA=","message_type":"text","content":"Hi, order A-1042 still hasn't arrived","direction":"inbound","status":"received","origin":"cloud_api","created_at":"2026-11-20T14:30:05Z"},"conversation":{"id":"d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678","phone_number":"+14155550142","status":"active","last_active_at":"2026-11-20T14:30:05Z","created_at":"2026-11-06T10:12:00Z","updated_at":"2026-11-20T14:30:05Z","metadata":{},"whatsapp_config_id":"a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012"},"whatsapp_config":{"id":"a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012","name":"Support Line","phone_number_id":"100200300400501","business_account_id":"200300400500601","display_phone_number":"+1 415-555-0100"},"is_new_conversation":false}

        """
}
