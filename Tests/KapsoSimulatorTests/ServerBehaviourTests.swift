import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct ServerBehaviourTests {
    @Test(arguments: [nil, "wrong-key"])
    func missingOrWrongKey_Returns401(_ key: String?) async throws {
        let response = try await withSimulator { try await get($0, "\(platform)/whatsapp/phone_numbers", apiKey: key) }
        #expect(response.status == 401)
        #expect(response.header("content-type") == "application/json")
        #expect(response.json == ["error": "Invalid API key"])
    }

    @Test(arguments: ["/platform/v1/nothing/here", "/", "/platform/v2/whatsapp/phone_numbers"])
    func unknownRoute_Returns404JSON(_ path: String) async throws {
        let response = try await withSimulator { try await get($0, path) }
        #expect(response.status == 404)
        #expect(response.json == ["error": "Not found"])
    }

    @Test func keptAliveRequests_UseOneConnection() async throws {
        let counters = try await withSimulator { simulator in
            let statuses = try await requests(to: simulator) { client in
                try (0..<200).map { _ in try client.request("GET", "\(platform)/whatsapp/phone_numbers").status }
            }
            #expect(statuses.allSatisfy { $0 == 200 })
            return await simulator.counters()
        }
        #expect(counters.connections == 1)
        #expect(counters.requests == 200)
        // The TCP_NODELAY effect (≈ 44 ms per kept-alive request without it) is measured by scripts/bench.
    }

    @Test func stop_IsPromptWithKeptAliveClient() async throws {
        let simulator = try KapsoSimulator(options: SimulatorOptions(apiKey: "test-key"))
        try await simulator.start()
        let port = simulator.port
        let client = try await offPool { () -> UncheckedBox<LoopbackClient> in
            let client = LoopbackClient(port: port)
            _ = try client.request("GET", "\(platform)/whatsapp/phone_numbers")
            return UncheckedBox(client)
        }
        await simulator.stop()
        // Stopping closes the kept-alive connection instead of waiting for the client to leave.
        let reused = try await offPool { Result { try client.value.request("GET", "\(platform)/whatsapp/phone_numbers") } }
        #expect(throws: (any Error).self) { try reused.get() }
        client.value.close()
    }

    @Test func deterministicSimulators_AnswerIdenticalBytes() async throws {
        let targets = [
            "GET \(platform)/whatsapp/phone_numbers", "GET \(platform)/whatsapp/phone_numbers/100200300400502/health",
            "POST \(platform)/whatsapp/webhooks", "GET \(platform)/whatsapp/webhooks?per_page=3",
            "GET \(platform)/webhook_deliveries?period=30d&limit=50", "GET \(platform)/api_logs",
            "GET \(platform)/whatsapp/messages?limit=100", "GET \(platform)/whatsapp/conversations",
        ]
        let body = #"{"whatsapp_webhook":{"url":"https://example.test/hook","events":["project.event"]}}"#
        func run() async throws -> [Data] {
            try await withSimulator(deterministic: true) { simulator in
                try await requests(to: simulator) { client in
                    try targets.map { target in
                        let parts = target.split(separator: " ", maxSplits: 1).map(String.init)
                        let response = try client.request(parts[0], parts[1], body: parts[0] == "POST" ? body : nil)
                        return response.body
                    }
                }
            }
        }
        let first = try await run()
        let second = try await run()
        #expect(first == second)
        #expect(String(decoding: first[2], as: UTF8.self).contains("00000000-0000-4000-8000-"))
    }

    @Test func startBlocking_FromPlainThread() async throws {
        let status = try await offPool { () -> Int in
            let running = try KapsoSimulator.startBlocking(options: SimulatorOptions(apiKey: "test-key"))
            defer { running.stop() }
            #expect(running.baseURL == "http://127.0.0.1:\(running.port)")
            return try LoopbackClient(port: running.port).request("GET", "\(platform)/whatsapp/phone_numbers").status
        }
        #expect(status == 200)
    }

    @Test func seedArguments_Parse() {
        #expect(SimulatorSeed(argument: "demo") == .demo)
        #expect(SimulatorSeed(argument: "empty") == .empty)
        #expect(SimulatorSeed(argument: "zoo") == .zoo)
        #expect(SimulatorSeed(argument: "scale:100000") == .scale(100_000))
        #expect(SimulatorSeed(argument: "/tmp/seed.json") == .file("/tmp/seed.json"))
        #expect(SimulatorSeed(argument: "scale:x") == nil)
        #expect(SimulatorSeed(argument: "nope") == nil)
    }

    @Test func scaleSeed_ServesCursorPages() async throws {
        let response = try await withSimulator(seed: .scale(2_000)) {
            try await get($0, "\(platform)/webhook_deliveries?period=30d&limit=100")
        }
        #expect(response.json["data"]?.arrayValue?.count == 100)
        #expect(response.json["paging"]?["next"]?.stringValue != nil)
    }

    @Test func emptySeed_HasNoNumbers() async throws {
        let response = try await withSimulator(seed: .empty) { try await get($0, "\(platform)/whatsapp/phone_numbers") }
        #expect(response.json["meta"]?["total_count"] == 0)
    }
}

/// Carries a non-Sendable value across one hop in a test where only one thread uses it at a time.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
