import KapsoClient
import KapsoDiagnostics
import KopsShell
import KopsTestSupport
import Testing

/// kops's own look-ups (probe F3, F3b; probe2 F4): a `trace`'s marketing-preference read, `whois`'s UUID
/// probes, a dry run's preference check and a mistyped WAMID leave 404s in Kapso's API log; `errors`,
/// `logs --errors`, `overview` and `whois` leave them out and say how many.
@Suite struct OwnLookupsTests {
    static let tour = "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRCOTRFMkQ3QTE2QzAzRjU4RTkyMgA="

    /// The failures `errors --output json` counts, and its groups' paths.
    static func failures(_ ran: Ran) throws -> (count: Int?, paths: String) {
        let json = try JSONValue.parse(Array(ran.out.utf8))
        return (json["failures"]?.int, json["groups"].map { $0.serialized() } ?? "")
    }

    @Test func lookUpsOfTraceWhoisAndDryRunsAreNotFailures() async throws {
        let runs = try await runDemo(
            [
                "errors --output json", "overview --output json",
                "trace \(Self.tour)", "whois 12345678-1234-4123-8123-123456789abc", "whois ffffffff-0000-4000-8000-000000000000",
                "message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA=",
                "reply --dry-run --to 14155550163 --template spring_promo --header-media https://x.test/a.png --param 20% --param May",
                "errors --output json", "errors", "logs --errors", "overview --output json", "overview",
            ], number: "100200300400502")
        let before = try Self.failures(runs[0])
        let after = try Self.failures(runs[7])
        #expect(after.count == before.count, "the same failures as before kops looked anything up")
        for path in ["marketing_preferences", "12345678-1234", "ffffffff-0000", "RaWlpaWl"] {
            #expect(!after.paths.contains(path), "\(path) in \(after.paths)")
            #expect(!runs[8].out.contains(path) && !runs[9].out.contains(path), "\(path)")
        }
        let own = try JSONValue.parse(Array(runs[7].out.utf8))["left_out"]?["own_lookups"]?.int
        // whois's probes list messages (no 404): only the trace's and the dry run's preference reads and the mistyped
        // message are 404s to leave out; the message is asked once, as typed (tester60 AH12: its other padding form is
        // looked for in a listing, which leaves no 404).
        #expect(own == 3, "marketing preference, one message, one dry-run preference check")
        #expect(runs[8].err.contains("3 of kops's own look-ups this session left out: not failures"), "\(runs[8].err)")
        #expect(runs[9].err.contains("3 of kops's own look-ups this session left out: not failures"), "\(runs[9].err)")
        let overviewBefore = try JSONValue.parse(Array(runs[1].out.utf8))
        let overviewAfter = try JSONValue.parse(Array(runs[10].out.utf8))
        #expect(overviewAfter["api_calls"]?["failed"] == overviewBefore["api_calls"]?["failed"])
        #expect(overviewAfter["next"] == overviewBefore["next"], "no 'whois' of kops's own probes among the next steps")
        #expect(runs[11].out.contains("3 of kops's own look-ups this session left out"))
    }

    /// probe3 F17: `logs search --problems` leaves kops's own look-ups out as `errors` does, and says so.
    @Test func logSearchProblemsLeaveOutKopsOwnLookUps() async throws {
        let runs = try await runDemo(
            [
                "whois 12345678-1234-4123-8123-123456789abc", "message wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA=",
                "logs search --problems --source external_api_log --period 24h --output json",
                "logs search --problems --source external_api_log --period 24h",
                "logs search --problems --source external_api_log --period 24h --flat",
            ], number: "100200300400502")
        let json = try JSONValue.parse(Array(runs[2].out.utf8))
        // The mistyped message, as typed (its other padding form is looked for in a listing: tester60 AH12); whois left no 404.
        #expect(json["left_out"]?["own_lookups"]?.int == 1, "the mistyped message: \(runs[2].out)")
        for path in ["12345678-1234", "RaWlpaWl"] {
            #expect(!(json["groups"].map { $0.serialized() } ?? "").contains(path), "\(path)")
            #expect(!runs[3].out.contains(path) && !runs[4].out.contains(path), "\(path): \(runs[3].out)")
        }
        #expect(runs[3].err.contains("1 of kops's own look-ups this session left out: not failures"), "\(runs[3].err)")
        #expect(runs[4].err.contains("of kops's own look-ups this session left out: not failures"), "\(runs[4].err)")
    }

    /// probe4: on another machine (no journal of this one's look-ups), `errors` after `whois` of ids of every kind
    /// that needs a probe sees the same failures as before: whois lists, it does not GET an id that may not exist.
    @Test func whoisLeavesNoFailureForAnotherMachine() async throws {
        let ids = [
            "12345678-1234-4123-8123-123456789abc", "a7c8e9f0-6b7d-4e8f-9a01-234567890123",
            "wamid.HBgLMTQxNTU1NTAxNTcVAgASGBRaWlpaWlpaWlpaWlpaWlpaWgA=", Self.tour,
            "wamid.HBgXVVMuNDgyMTA5Mzc1NjEwMjkzODQ3NTYVAgASGBQ0RDQxNTI1MzQ5NTM0RjRDMzAzMwA=", "US.48210937561029384756",
            "14155550199", "999999999999999",
        ]
        try await withSimulator { fixture in
            let (other, output) = try fixture.shell(phoneNumberID: "100200300400502")
            func failures() throws -> (count: Int?, notFound: Int?) {
                func json(_ line: String) throws -> JSONValue {
                    let mark = output.out.count
                    _ = other.run(line: line)
                    return try JSONValue.parse(Array(String(output.out.dropFirst(mark)).utf8))
                }
                let errors = try json("errors --output json")
                let notFound = try json("logs --status-code 404 --period 30d --limit 100 --output json")
                return (errors["failures"]?.int, notFound["data"]?.array?.count)
            }
            let before = try failures()
            let (mine, _) = try fixture.shell(phoneNumberID: "100200300400502")
            for id in ids { _ = mine.run(line: "whois \(id)") }
            let after = try failures()
            #expect(after.count == before.count, "another machine's errors")
            #expect(before.notFound != nil && after.notFound == before.notFound, "no new 404 in the project's API log")
        }
    }

    /// probe5 P5-4: `conversation`, `webhooks get`, `messages --conversation` and `deliveries --webhook` sent the typed
    /// id to the API, leaving 400s and 404s that another machine's `errors` counted as the project's failures (48 → 57).
    /// A non-UUID is named by the resolver before any request; a UUID is looked for in lists.
    @Test func idCommandsLeaveNoFailureForAnotherMachine() async throws {
        let lines = [
            "conversation 100200300400501", "conversation 14155550142", "conversation a1c2e3f4-0b1d-4e2f-8a3b-5c6d7e8f9012",
            "conversation 12345678-1234-4123-8123-123456789abc", "webhooks get 100200300400501",
            "webhooks get d4f5b6c7-3e4a-4b5c-9d6e-8f9012345678", "webhooks get 12345678-1234-4123-8123-123456789abc",
            "messages --conversation 100200300400501", "messages --conversation \(Self.tour)",
            "deliveries --webhook 100200300400501", "deliveries stats --webhook 14155550142",
            "webhooks check 100200300400501", "webhooks probe 12345678-1234-4123-8123-123456789abc",
        ]
        let (before, after, runs) = try await withSimulator { fixture in
            let (other, output) = try fixture.shell(phoneNumberID: "100200300400501")
            func failures() throws -> [Int?] {
                func json(_ line: String) throws -> JSONValue {
                    let mark = output.out.count
                    _ = other.run(line: line)
                    return try JSONValue.parse(Array(String(output.out.dropFirst(mark)).utf8))
                }
                return try [
                    json("errors --output json")["failures"]?.int,
                    json("logs --status-code 404 --period 30d --limit 100 --output json")["data"]?.array?.count,
                    json("logs --status-code 400 --period 30d --limit 100 --output json")["data"]?.array?.count,
                ]
            }
            let before = try failures()
            let (mine, mineOutput) = try fixture.shell(phoneNumberID: "100200300400501")
            let runs = lines.map { line in
                let mark = mineOutput.err.count
                let status = mine.run(line: line)
                return (status.rawValue, String(mineOutput.err.dropFirst(mark)))
            }
            return (before, try failures(), runs)
        }
        #expect(before.allSatisfy { $0 != nil } && after == before, "another machine's errors, 404s and 400s: \(before) → \(after)")
        for (line, run) in zip(lines, runs) { #expect(run.0 != 0, "\(line): \(run.1)") }
        let flagged = ["messages --conversation 100200300400501": "--conversation: ", "deliveries --webhook 100200300400501": "--webhook: "]
        for (line, flag) in flagged {
            let err = runs[lines.firstIndex(of: line)!].1
            #expect(err.contains(flag + "100200300400501 is the phone-number id of Support Line"), "\(line): \(err)")
        }
        #expect(runs[0].1.contains("not a conversation id"), "\(runs[0].1)")
        #expect(runs[4].1.contains("not a webhook id"), "\(runs[4].1)")
    }

    @Test func whoisCountsNoneOfKopsOwnCalls() async throws {
        let runs = try await runDemo(["whois 12345678-1234-4123-8123-123456789abc", "whois 12345678-1234-4123-8123-123456789abc",
            "whois 100200300400502"], number: nil)
        #expect(runs[1].status == 1)
        #expect(!runs[1].err.contains("API calls:"), "kops's own probe of the id is no call of the project: \(runs[1].err)")
        #expect(!runs[2].out.contains("from key kapso-sim") || !runs[2].out.contains("404"), "\(runs[2].out)")
    }

    /// probe6 P6-10: kops's own template reads of a WABA (`whois TEMPLATE-ID`: a 200 with the WABA id in the path) are
    /// not counted among the project's calls with that id, so `whois WABA`'s count does not grow as kops is used;
    /// a 200 note never hides a failure.
    @Test func whoisDoesNotCountKopsOwnTemplateReads() async throws {
        let runs = try await runDemo(
            ["whois 200300400500601 --output json", "whois 780100200300401", "whois 780100200300401",
             "whois 200300400500601 --output json"], number: nil)
        let before = try JSONValue.parse(Array(runs[0].out.utf8))["api_calls"]
        let after = try JSONValue.parse(Array(runs[3].out.utf8))["api_calls"]
        #expect(before?["count"]?.int != nil && after?["count"] == before?["count"], "\(runs[3].out)")
        #expect((after?["own_lookups_left_out"]?.int ?? 0) >= 2, "the template reads: \(runs[3].out)")
        let notes = OwnLookups(path: nil)
        notes.note(method: "GET", host: "http://h", path: "/x/200300400500601/message_templates", time: 1_000, status: 200)
        let failed = try APILog(json: [
            "id": "f", "endpoint": "/x/200300400500601/message_templates", "http_method": "GET", "response_status": 404,
            "created_at": "1970-01-01T00:16:40Z",
        ])
        #expect(notes.ownLogIDs(in: [failed], host: "http://h", answered: true).isEmpty)
    }

    @Test func anIntegrationsNoPreferenceAnswerIsNotAFailure() throws {
        let log = try APILog(json: [
            "id": "l1", "endpoint": "/platform/v1/whatsapp/contacts/14155550142/marketing_preferences/100200300400501",
            "http_method": "GET", "response_status": 404, "error_message": "Marketing preference not found",
            "created_at": "2026-11-21T10:00:00Z", "api_key_name": "inbox-backend",
        ])
        var triage = ErrorTriage()
        triage.addAPILogs([log])
        #expect(triage.entries.isEmpty)
        #expect(triage.normalAnswers == 1)
    }

    @Test func notesMatchOneLogEachWithinTheirWindow() throws {
        let own = OwnLookups(path: nil)
        own.note(method: "GET", host: "http://h", path: "/platform/v1/whatsapp/messages/wamid.A%3D?x=1", time: 1_000)
        func log(_ id: String, _ at: String, path: String = "/platform/v1/whatsapp/messages/wamid.A=") throws -> APILog {
            try APILog(json: ["id": .string(id), "endpoint": .string(path), "http_method": "GET", "response_status": 404, "created_at": .string(at)])
        }
        let logs = [try log("a", "1970-01-01T00:16:40Z"), try log("b", "1970-01-01T00:16:40Z"), try log("c", "1970-01-01T00:26:40Z")]
        #expect(own.ownLogIDs(in: logs, host: "http://h").ids == ["a"], "one note, one entry; the path is compared decoded")
        #expect(own.ownLogIDs(in: logs, host: "http://other").isEmpty, "another API's notes do not count")
        #expect(own.ownLogIDs(in: [try log("d", "1970-01-01T00:26:40Z")], host: "http://h").isEmpty, "ten minutes later is not it")
    }

    /// probe10 P10-11: a look-up through a mistyped base URL (`--base-url http://h/platform/v1/whatsapp`) is logged by
    /// Kapso under the whole path; it is kops's own call, matched whatever base URL `errors` later runs with.
    @Test func aLookUpThroughABaseURLWithAPathIsKopsOwn() throws {
        let own = OwnLookups(path: nil)
        own.note(method: "GET", host: "http://h:8/platform/v1/whatsapp", path: "/platform/v1/whatsapp/phone_numbers", time: 1_000)
        let log = try APILog(json: [
            "id": "a", "endpoint": "/platform/v1/whatsapp/platform/v1/whatsapp/phone_numbers", "http_method": "GET",
            "response_status": 404, "created_at": "1970-01-01T00:16:40Z",
        ])
        #expect(own.ownLogIDs(in: [log], host: "http://h:8").session == ["a"])
        #expect(own.ownLogIDs(in: [log], host: "http://h:8/platform/v1/whatsapp").session == ["a"])
        #expect(own.ownLogIDs(in: [log], host: "http://other:8").isEmpty)
    }
}
