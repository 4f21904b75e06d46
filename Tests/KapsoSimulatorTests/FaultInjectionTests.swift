import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct FaultInjectionTests {
    private let numbers = "\(platform)/whatsapp/phone_numbers"

    @Test(arguments: [
        ("latency=100ms", "latency=100ms"), ("latency=1.5s", "latency=1500ms"), ("latency=250", "latency=250ms"),
        ("rate=0.2:500", "rate=0.2:500"), ("429:retry-after=1", "429:retry-after=1"), ("429", "429:retry-after=1"),
        ("reset", "reset"), ("truncate", "truncate"), ("html", "html"), ("503:times=2", "503:times=2"),
        ("latency=100ms, rate=0.5:reset ,html", "latency=100ms,rate=0.5:reset,html"), ("", ""),
    ])
    func specs_ParseToCanonicalForm(_ spec: String, _ canonical: String) throws {
        let faults = try SimulatorFaults(spec: spec)
        #expect(faults.description == canonical)
        #expect(try SimulatorFaults(spec: canonical) == faults)
    }

    @Test(arguments: [
        "latency=fast", "latency=61s", "rate=0:500", "rate=1.5:500", "rate=0.2", "bogus", "200", "600",
        "reset:retry-after=1", "500:times=0", "500:whatever=1",
    ])
    func badSpecs_AreRefusedNamingTheClause(_ spec: String) {
        #expect(throws: SimulatorError.self) { try SimulatorFaults(spec: spec) }
    }

    @Test func repeatedSpecs_Combine() throws {
        let faults = try SimulatorFaults(spec: "latency=50ms").adding(try SimulatorFaults(spec: "reset,latency=10ms"))
        #expect(faults.description == "latency=50ms,reset")
    }

    @Test func html_Answers502Page() async throws {
        let response = try await withSimulator(faults: try SimulatorFaults(spec: "html")) { try await get($0, numbers) }
        #expect(response.status == 502)
        #expect(response.header("content-type")?.hasPrefix("text/html") == true)
        #expect(response.text.contains("<h1>502 Bad Gateway</h1>"))
    }

    @Test func status429_CarriesRetryAfterAndContractBody() async throws {
        let response = try await withSimulator(faults: try SimulatorFaults(spec: "429:retry-after=3")) {
            try await get($0, numbers)
        }
        #expect(response.status == 429)
        #expect(response.header("retry-after") == "3")
        #expect(response.header("x-ratelimit-remaining") == "0")
        try expectShape(of: response.json, like: "platform_error.429.json")
    }

    /// On the Meta proxy an injected status is a Graph error object with the code Graph uses for it (probe2 F42).
    @Test(arguments: [("429:retry-after=1", 429, 4), ("500:times=1", 500, 1), ("503", 503, 2), ("400", 400, 100)])
    func statusFault_OnTheProxy_IsAGraphError(_ spec: String, _ status: Int, _ code: Int) async throws {
        let response = try await withSimulator(faults: try SimulatorFaults(spec: spec)) {
            try await get($0, "/meta/whatsapp/v24.0/200300400500601/message_templates")
        }
        #expect(response.status == status)
        let error = response.json["error"]
        #expect(error?["code"] == .int(code))
        #expect(error?["message"]?.stringValue?.hasPrefix("(#\(code)) ") == true)
        #expect(error?["type"]?.stringValue != nil)
        #expect(error?["fbtrace_id"]?.stringValue != nil)
        #expect(error?["error_data"]?["details"]?.stringValue?.contains("(simulated fault)") == true)
        #expect(error?["is_transient"] == (status == 400 ? nil : .bool(true)))
        if status == 429 { #expect(response.header("retry-after") == "1") }
    }

    @Test func reset_ClosesWithoutAnyResponse() async throws {
        let received = try await withSimulator(faults: try SimulatorFaults(spec: "reset")) { simulator in
            try await requests(to: simulator) { try $0.exchangeUntilClosed("GET", numbers) }
        }
        #expect(received.isEmpty)
    }

    @Test func truncate_PromisesMoreBytesThanItSends() async throws {
        let received = try await withSimulator(faults: try SimulatorFaults(spec: "truncate")) { simulator in
            try await requests(to: simulator) { try $0.exchangeUntilClosed("GET", numbers) }
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let length = parts[0].components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        #expect(parts[0].hasPrefix("HTTP/1.1 200"))
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        #expect(!body.isEmpty)
        #expect(try #require(length) > body.utf8.count)
    }

    @Test func times_LimitsAClauseToTheNextRequests() async throws {
        let statuses = try await withSimulator(faults: try SimulatorFaults(spec: "503:times=2")) { simulator in
            try await requests(to: simulator) { client in try (0..<4).map { _ in try client.request("GET", numbers).status } }
        }
        #expect(statuses == [503, 503, 200, 200])
    }

    @Test func rate_StrikesAFractionOfRequests_Reproducibly() async throws {
        func run() async throws -> [Int] {
            try await withSimulator(faults: try SimulatorFaults(spec: "rate=0.3:500")) { simulator in
                try await requests(to: simulator) { client in try (0..<60).map { _ in try client.request("GET", numbers).status } }
            }
        }
        let first = try await run()
        #expect(Set(first) == [200, 500])
        #expect(first.filter { $0 == 500 }.count < 40)
        #expect(try await run() == first)
    }

    @Test func faultedRequests_AreCountedButNotLogged() async throws {
        let (counters, logs) = try await withSimulator(faults: try SimulatorFaults(spec: "500:times=3")) { simulator in
            let logs = try await requests(to: simulator) { client -> [JSONValue] in
                for _ in 0..<3 { _ = try client.request("GET", numbers) }
                return try client.request("GET", "\(platform)/api_logs?limit=5").json["data"]?.arrayValue ?? []
            }
            return (await simulator.counters(), logs)
        }
        #expect(counters.requests == 4)
        #expect(logs.allSatisfy { $0["response_status"] != 500 })
    }

    @Test func latency_DelaysEachAnswer() async throws {
        let elapsed = try await withSimulator(faults: try SimulatorFaults(spec: "latency=150ms")) { simulator in
            try await requests(to: simulator) { client -> Duration in
                let clock = ContinuousClock()
                let start = clock.now
                _ = try client.request("GET", numbers)
                return clock.now - start
            }
        }
        #expect(elapsed >= .milliseconds(150))
    }

    /// Four delayed requests on four connections are all inside the server at once: the fourth is admitted
    /// before the first is answered, so concurrent requests take one round trip, not four.
    @Test func latency_DoesNotHoldBackOtherConnections() async throws {
        let (admittedTogether, statuses) = try await withSimulator(faults: try SimulatorFaults(spec: "latency=3s")) {
            simulator in
            let answered = Locked(0)
            let port = simulator.port
            async let statuses = withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await offPool {
                            let status = try LoopbackClient(port: port).request("GET", numbers).status
                            answered.withLock { $0 += 1 }
                            return status
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            var admittedTogether = false
            while !admittedTogether, answered.withLock({ $0 }) == 0 {
                admittedTogether = await simulator.counters().requests == 4 && answered.withLock { $0 } == 0
                try await Task.sleep(for: .milliseconds(5))
            }
            return (admittedTogether, try await statuses)
        }
        #expect(admittedTogether)
        #expect(statuses == [200, 200, 200, 200])
    }

    @Test func setFaults_InProcess_ChangesAndClears() async throws {
        let statuses = try await withSimulator { simulator in
            await simulator.setFaults(try SimulatorFaults(spec: "html"))
            let faulted = try await get(simulator, numbers).status
            #expect(await simulator.faults().description == "html")
            await simulator.setFaults(.none)
            return [faulted, try await get(simulator, numbers).status]
        }
        #expect(statuses == [502, 200])
    }
}
