import Testing
@testable import KapsoSimulator

@Suite struct PhoneNumberRouteTests {
    @Test func listMatchesFixture_WithPageMetaAndHeaders() async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/phone_numbers") }
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/json")
        #expect(response.header("x-total") == "2")
        #expect(response.header("x-total-pages") == "1")
        try expectShape(of: response.json, like: "phone_numbers.list.json")
        #expect(response.json == (try Fixtures.json("phone_numbers.list.json")))
    }

    @Test func listFiltersByName() async throws {
        let response = try await withSimulator {
            try await get($0, "\(platform)/whatsapp/phone_numbers?name_contains=sales&per_page=1")
        }
        let ids = response.json["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == ["100200300400502"])
        #expect(response.json["meta"]?["per_page"] == 1)
    }

    @Test(arguments: ["page=0", "page=x", "per_page=0", "per_page=101", "per_page=2.5"])
    func badPageParameters_Return400(_ query: String) async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/phone_numbers?\(query)") }
        #expect(response.status == 400)
        #expect(response.json["error"]?.stringValue?.hasPrefix("Invalid") == true)
    }

    @Test func getOne_WrapsInData() async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/phone_numbers/100200300400501") }
        #expect(response.status == 200)
        #expect(response.json["data"]?["name"] == "Support Line")
    }

    @Test func unknownNumber_Returns404WithFixtureBody() async throws {
        let responses = try await withSimulator { simulator in
            [
                try await get(simulator, "\(platform)/whatsapp/phone_numbers/200300400500601"),
                try await get(simulator, "\(platform)/whatsapp/phone_numbers/200300400500601/health"),
                try await get(simulator, "\(platform)/whatsapp/phone_numbers/200300400500601/webhooks"),
            ]
        }
        for response in responses {
            #expect(response.status == 404)
            #expect(response.json == (try Fixtures.json("platform_error.404.json")))
        }
    }

    @Test func health_IsBareObjectLikeFixtures() async throws {
        let (healthy, degraded) = try await withSimulator { simulator in
            (
                try await get(simulator, "\(platform)/whatsapp/phone_numbers/100200300400501/health"),
                try await get(simulator, "\(platform)/whatsapp/phone_numbers/100200300400502/health")
            )
        }
        #expect(healthy.status == 200 && degraded.status == 200)
        try expectShape(of: healthy.json, like: "health.healthy.json")
        try expectShape(of: degraded.json, like: "health.degraded.json")
        #expect(healthy.json["status"] == "healthy")
        #expect(healthy.json["timestamp"] == "2026-11-21T12:00:00Z")
        #expect(degraded.json["status"] == "degraded")
        #expect(degraded.json["checks"]?["messaging_health"]?["overall_status"] == "LIMITED")
        #expect(degraded.json["checks"]?["webhook_verified"]?["passed"] == false)
        #expect(healthy.header("x-health-ratelimit-minute-limit") == "60")
    }
}
