import Testing
@testable import KapsoSimulator

@Suite struct WebhookRouteTests {
    private let support = "\(platform)/whatsapp/phone_numbers/100200300400501/webhooks"

    @Test func numberList_MatchesFixture() async throws {
        let response = try await withSimulator { try await get($0, support) }
        #expect(response.status == 200)
        try expectShape(of: response.json, like: "webhooks.list.json")
        #expect(response.json["meta"]?["total_count"] == 3)
    }

    @Test func numberList_Filters() async throws {
        let (meta, inactive, byURL) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(support)?kind=meta"),
                try await get(simulator, "\(support)?active=false"),
                try await get(simulator, "\(support)?url_contains=hooks.acme")
            )
        }
        #expect(meta.json["data"]?.arrayValue?.first?["id"] == "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f")
        #expect(meta.json["meta"]?["total_count"] == 1)
        #expect(inactive.json["data"]?.arrayValue?.count == 1)
        #expect(byURL.json["data"]?.arrayValue?.first?["secret_key"] == "whsec_demo_123")
    }

    @Test func projectList_IncludesBothScopes() async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/webhooks") }
        let items = response.json["data"]?.arrayValue ?? []
        #expect(items.count == 6)
        #expect(items.contains { $0["phone_number_id"] == .null })
        #expect(items.contains { $0["payload_version"] == "v1" })
        try expectShape(of: response.json, like: "webhooks.list.json")
    }

    @Test func getOne_ChecksScope() async throws {
        let id = "4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a81"
        let (project, wrongNumber, unknown) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/whatsapp/webhooks/\(id)"),
                try await get(simulator, "\(support)/\(id)"),
                try await get(simulator, "\(platform)/whatsapp/webhooks/00000000-0000-4000-8000-00000000dead")
            )
        }
        #expect(project.status == 200)
        #expect(project.json["data"]?["payload_version"] == "v1")
        #expect(wrongNumber.status == 404)
        #expect(unknown.status == 404)
        #expect(unknown.json["error"] == "Webhook not found")
    }
}
