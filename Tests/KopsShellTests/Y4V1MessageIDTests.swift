import Testing

/// tester67 Y4: the `message.id` of a v1 payload (Kapso's own UUID of the message; its WAMID is `whatsapp_message_id`
/// beside it) was "not … of this project …; if it is a Kapso id, it belongs to another project" to `whois`, and "was not
/// found" to `trace` and `message`, although kops's own `payload sample … --v1` prints it for the demo's message. Both
/// now name the v1 field and the WAMID to trace instead; `whois` no longer concludes "another project".
@Suite struct Y4V1MessageIDTests {
    /// The v1 sample's `message.id` and `whatsapp_message_id`, read from kops's own output.
    static func sampleIDs() async throws -> (id: String, wamid: String) {
        let run = try await runDemo(["payload sample whatsapp.message.received --v1"], number: nil)[0]
        let json = try #require(run.out.split(separator: "\n").first { $0.hasPrefix("{\"message\":{\"id\":\"") })
        let id = try #require(json.dropFirst("{\"message\":{\"id\":\"".count).split(separator: "\"").first)
        let wamid = try #require(json.firstRange(of: "\"whatsapp_message_id\":\"").map { json[$0.upperBound...].prefix { $0 != "\"" } })
        return (String(id), String(wamid))
    }

    @Test func traceAndMessageNameTheV1Field() async throws {
        let (id, wamid) = try await Self.sampleIDs()
        #expect(id.count == 36 && wamid.hasPrefix("wamid."))
        let runs = try await runDemo(["trace \(id)", "message \(id)", "trace \(wamid)"], number: "100200300400501")
        for run in runs.prefix(2) {
            #expect(run.status != 0)
            #expect(run.err.contains("message \(id) was not found; if it is a v1 webhook payload's message.id, it is Kapso's own id "
                + "of the message, which the API does not look messages up by: trace the payload's whatsapp_message_id (the WAMID) instead"),
                "\(run.err)")
        }
        // The WAMID the fix names is the message, and trace follows it.
        #expect(runs[2].status == 0, "\(runs[2].err)")
    }

    @Test func whoisNamesTheV1FieldBeforeAnotherProject() async throws {
        let (id, _) = try await Self.sampleIDs()
        let run = try await runDemo(["whois \(id)"], number: nil)[0]
        #expect(run.err.contains("if it is a v1 webhook payload's message.id, it is Kapso's own id of the message"), "\(run.err)")
        #expect(!run.err.contains("if it is a Kapso id, it belongs to another project"), "\(run.err)")
    }
}
