import Foundation
import Testing
@testable import KapsoSimulator

@Suite struct ControlEndpointTests {
    private let numbers = "\(platform)/whatsapp/phone_numbers"

    @Test func faults_SetReadAndClearOverHTTP() async throws {
        let (set, read, faulted, spent, cleared, healthy) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("POST", "/__sim/faults", body: #"{"faults":"503:times=1"}"#),
                    try client.request("GET", "/__sim/faults"),
                    try client.request("GET", numbers).status,
                    try client.request("GET", "/__sim/faults"),
                    try client.request("POST", "/__sim/faults", body: #"{"faults":["latency=1ms","html"]}"#),
                    try client.request("DELETE", "/__sim/faults")
                )
            }
        }
        #expect(set.status == 200)
        #expect(set.json == ["data": ["faults": "503:times=1"]])
        #expect(read.json == set.json)
        #expect(faulted == 503)
        #expect(spent.json == ["data": ["faults": ""]])
        #expect(cleared.json == ["data": ["faults": "latency=1ms,html"]])
        #expect(healthy.json == ["data": ["faults": ""]])
    }

    /// A `times=N` fault is listed with the strikes it has left and no longer once spent (P20-13: it stayed listed).
    @Test func faults_ListWhatStillApplies() async throws {
        let reads = try await withSimulator { simulator in
            try await requests(to: simulator) { client -> [LoopbackClient.Response] in
                _ = try client.request("POST", "/__sim/faults", body: #"{"faults":"latency=1ms,503:times=2,429:times=1"}"#)
                var reads = [try client.request("GET", "/__sim/faults")]
                for _ in 0..<3 {
                    _ = try client.request("GET", numbers)
                    reads.append(try client.request("GET", "/__sim/faults"))
                }
                return reads
            }
        }
        #expect(reads.map { $0.json["data"]?["faults"] } == [
            "latency=1ms,503:times=2,429:retry-after=1:times=1", "latency=1ms,503:times=1,429:retry-after=1:times=1",
            "latency=1ms,429:retry-after=1:times=1",
            "latency=1ms",
        ])
    }

    @Test func controlEndpoints_AreNeverFaultedNorCounted() async throws {
        let (counters, inProcess) = try await withSimulator(faults: try SimulatorFaults(spec: "reset")) { simulator in
            let counters = try await requests(to: simulator) { client -> LoopbackClient.Response in
                _ = try client.request("GET", "/__sim/faults")
                return try client.request("GET", "/__sim/counters")
            }
            return (counters, await simulator.counters())
        }
        #expect(counters.status == 200)
        #expect(counters.json["data"]?["requests"] == 0)
        #expect(counters.json["data"]?["connections"] == 1)
        #expect(counters.json["data"]?["deliveries"] == 0)
        #expect(inProcess.requests == 0)
    }

    @Test(arguments: ["/__sim/counters", "/__sim/faults", "/__sim/clock"])
    func controlEndpoints_NeedTheAPIKey(_ path: String) async throws {
        let response = try await withSimulator { try await get($0, path, apiKey: "wrong") }
        #expect(response.status == 401)
        #expect(response.json == ["error": "Invalid API key"])
    }

    @Test func clockAdvance_MovesNowAndValidates() async throws {
        let (before, advanced, negative, missing, malformed, textBody) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("GET", "/__sim/clock"),
                    try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": 90.5}"#),
                    try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": -1}"#),
                    try client.request("POST", "/__sim/clock/advance", body: #"{}"#),
                    try client.request("POST", "/__sim/clock/advance", body: #"{"seconds": "#),
                    try client.request("POST", "/__sim/clock/advance", body: "seconds=1", contentType: "text/plain")
                )
            }
        }
        #expect(before.json["data"]?["now"] == "2026-11-21T12:00:00Z")
        #expect(before.json["data"]?["now_micros"] == .int(1_795_262_400_000_000))
        #expect(before.json["data"]?["fixed"] == true)
        #expect(advanced.status == 200)
        #expect(advanced.json["data"]?["now"] == "2026-11-21T12:01:30Z")
        #expect(advanced.json["data"]?["now_micros"] == .int(1_795_262_490_500_000))
        for response in [negative, missing] {
            #expect(response.status == 422)
            #expect(response.json["errors"]?["seconds"] != nil)
        }
        // An unreadable body is 422 like the Platform writes; a body declared as another type stays 400.
        #expect(malformed.status == 422)
        #expect(textBody.status == 400)
        for response in [malformed, textBody] {
            #expect(response.json["error"]?.stringValue != nil)
        }
    }

    @Test func badFaultSpecs_Return422NamingTheClause() async throws {
        let (spec, type) = try await withSimulator { simulator in
            try await requests(to: simulator) { client in
                (
                    try client.request("POST", "/__sim/faults", body: #"{"faults":"latency=100ms,explode"}"#),
                    try client.request("POST", "/__sim/faults", body: #"{"faults":42}"#)
                )
            }
        }
        #expect(spec.status == 422)
        #expect(spec.json["error"]?.stringValue?.contains("explode") == true)
        #expect(type.status == 422)
    }

    @Test(arguments: [("PATCH", "/__sim/counters", 405), ("GET", "/__sim/nothing", 404), ("GET", "/__sim", 404)])
    func unknownControlRoutes_AnswerJSON(_ method: String, _ path: String, _ status: Int) async throws {
        let response = try await withSimulator { simulator in
            try await requests(to: simulator) { try $0.request(method, path) }
        }
        #expect(response.status == status)
        #expect(response.header("content-type") == "application/json")
        #expect(response.json["error"]?.stringValue != nil)
    }
}
