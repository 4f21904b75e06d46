/// The demo story (`DESIGN.md` §8, `fixtures/README.md`), with the fixtures' ids.
///
/// Support Line (…501) is healthy; Sales Line (…502) is degraded. Webhooks show the usual mistakes: a
/// project-scoped webhook subscribed to message events (never fires), one on v1 payloads, one whose
/// receiver fails with 500s and timeouts, and a paused one. Lee Park's reply failed with 131047 because he
/// last wrote 26 hours earlier; a history sync keeps getting 404s for the WABA id used as a number id.
enum DemoSeed {
    static let support = "100200300400501"
    static let sales = "100200300400502"
    static let waba = "200300400500601"
    static let supportConfig = "a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012"
    static let projectID = "5b0e7c1a-2f4d-4e8a-9c3b-7d6e5f4a3b21"

    /// Webhook ids and what each demonstrates.
    enum Webhook {
        /// Support: kapso v2 message events, signed with `whsec_demo_123` (the main integration).
        static let supportMessages = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
        /// Support: conversation events; paused (`active: false`) after its receiver timed out.
        static let supportConversations = "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"
        /// Support: meta-kind forwarder of raw Meta payloads.
        static let supportMetaForwarder = "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f"
        /// Project scope subscribed to message events: those only go to number webhooks, so it never fires.
        static let projectCRM = "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70"
        /// Sales: legacy `payload_version: "v1"`.
        static let salesLegacy = "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"
        /// Sales: receiver answers 500 or times out; deliveries fail after 4 attempts.
        static let salesAnalytics = "5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b92"
    }

    static func make(now: Timestamp) -> SeedData {
        finish(story(now: now))
    }

    /// The story written so far, for seeds that add to it (`ZooSeed`).
    static func story(now: Timestamp) -> StoryBuilder {
        var story = StoryBuilder(now: now)
        story.phoneNumber(salesLine(story), health: salesHealth(story))
        story.phoneNumber(supportLine(story), health: supportHealth(story))
        for webhook in webhooks(story) { story.webhook(webhook) }
        addConversations(to: &story)
        addDeliveries(to: &story)
        addAPILogs(to: &story)
        // Last, so the story's earlier random draws (ids, times) stay as they were.
        addMarisol(to: &story)
        // Templates draw nothing random.
        addTemplates(to: &story)
        return story
    }

    /// The seed data of a finished story, with the demo's project id and receiver outcomes.
    static func finish(_ story: StoryBuilder) -> SeedData {
        var data = story.build()
        data.projectID = projectID
        data.receiverOutcomes = [
            "https://analytics.acme-demo.test/ingest/whatsapp": .failed(status: 500),
            "https://ops.acme-demo.test/kapso/conversations": .failed(status: nil),
        ]
        return data
    }

    static func supportLine(_ story: StoryBuilder) -> JSONObject {
        [
            "id": .string(support), "internal_id": .string(supportConfig), "phone_number_id": .string(support),
            "name": "Support Line", "business_account_id": .string(waba), "is_coexistence": false,
            "inbound_processing_enabled": true, "calls_enabled": false,
            "webhook_verified_at": .string(story.at("2026-10-02T08:14:31Z").iso),
            "created_at": .string(story.at("2026-10-02T08:00:00Z").iso),
            "updated_at": .string(story.at("2026-11-19T22:10:05Z").iso),
            "customer_id": "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456", "display_name": "Acme Demo Support",
            "display_phone_number": "+1 415-555-0100", "display_phone_number_normalized": "14155550100",
            "verified_name": "Acme Demo Co", "quality_rating": "GREEN", "code_verification_status": "VERIFIED",
            "name_status": "APPROVED", "status": "CONNECTED", "throughput_tier": "TIER_250",
            "whatsapp_business_manager_messaging_limit": "TIER_1K", "is_official_business_account": false,
            "is_pin_enabled": true,
        ]
    }

    private static func salesLine(_ story: StoryBuilder) -> JSONObject {
        [
            "id": .string(sales), "internal_id": "b2d3f4a5-1c2e-4f3a-9b4c-6d7e8f901234",
            "phone_number_id": .string(sales), "name": "Sales Line", "business_account_id": .string(waba),
            "is_coexistence": true, "inbound_processing_enabled": true, "calls_enabled": false,
            "webhook_verified_at": .null, "created_at": .string(story.at("2026-11-12T17:40:00Z").iso),
            "updated_at": .string(story.at("2026-11-20T07:02:19Z").iso),
            "customer_id": "c3e4a5b6-2d3f-4a4b-8c5d-7e8f90123456", "display_name": "Acme Demo Sales",
            "display_phone_number": "+1 415-555-0101", "display_phone_number_normalized": "14155550101",
            "verified_name": "Acme Demo Co", "quality_rating": "YELLOW", "code_verification_status": "VERIFIED",
            "name_status": "PENDING_REVIEW", "status": "CONNECTED", "throughput_tier": "TIER_250",
            "whatsapp_business_manager_messaging_limit": "TIER_250", "is_official_business_account": false,
            "is_pin_enabled": false,
        ]
    }

    static func webhooks(_ story: StoryBuilder) -> [JSONObject] {
        func hook(
            _ id: String, _ url: String, kind: String = "kapso", events: [JSONValue], active: Bool = true,
            created: String, updated: String? = nil, number: String?, secret: String?, headers: JSONValue = [:],
            inactivity: Int? = 60, version: String? = "v2"
        ) -> JSONObject {
            [
                "id": .string(id), "url": .string(url), "kind": .string(kind), "events": .array(events),
                "active": .bool(active), "created_at": .string(story.at(created).iso),
                "updated_at": .string(story.at(updated ?? created).iso), "project_id": .string(projectID),
                "phone_number_id": JSONValue(number), "secret_key": JSONValue(secret), "headers": headers,
                "buffer_enabled": false, "buffer_window_seconds": .null, "max_buffer_size": .null,
                "buffer_events": [], "inactivity_minutes": JSONValue(inactivity), "payload_version": JSONValue(version),
            ]
        }
        let messageEvents: [JSONValue] = [
            "whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered",
            "whatsapp.message.read", "whatsapp.message.failed",
        ]
        return [
            hook(
                Webhook.supportMessages, "https://hooks.acme-demo.test/kapso/whatsapp", events: messageEvents,
                created: "2026-10-02T09:00:00Z", updated: "2026-11-03T12:30:00Z", number: support,
                secret: "whsec_demo_123", headers: ["X-Acme-Env": "prod"]),
            hook(
                Webhook.supportConversations, "https://ops.acme-demo.test/kapso/conversations",
                events: ["whatsapp.conversation.created", "whatsapp.conversation.ended", "whatsapp.conversation.inactive"],
                active: false, created: "2026-10-15T10:00:00Z", updated: "2026-11-20T06:47:00Z", number: support,
                secret: "whsec_ops_456", inactivity: 30),
            hook(
                Webhook.supportMetaForwarder, "https://legacy.acme-demo.test/meta-forward", kind: "meta", events: [],
                created: "2026-10-02T09:05:00Z", number: support, secret: "whsec_meta_789", inactivity: nil,
                version: nil),
            hook(
                Webhook.projectCRM, "https://crm.acme-demo.test/kapso/events",
                events: ["whatsapp.message.received", "whatsapp.message.sent", "whatsapp.phone_number.created"],
                created: "2026-11-10T15:20:00Z", number: nil, secret: "whsec_crm_321"),
            hook(
                Webhook.salesLegacy, "https://sales.acme-demo.test/webhooks/kapso",
                events: ["whatsapp.message.received", "whatsapp.message.sent"], created: "2026-11-12T18:00:00Z",
                number: sales, secret: "whsec_sales_654", version: "v1"),
            hook(
                Webhook.salesAnalytics, "https://analytics.acme-demo.test/ingest/whatsapp",
                events: ["whatsapp.message.received", "whatsapp.message.sent", "whatsapp.message.delivered"],
                created: "2026-11-13T09:30:00Z", number: sales, secret: "whsec_analytics_987"),
        ]
    }
}
