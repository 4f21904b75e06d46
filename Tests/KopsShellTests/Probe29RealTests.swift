import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe26 P26-17, probe27 P27-18 and P27-19, and `health`'s other entities below another blocking check (P26-5), over
/// loopback on the findings' seeds (`Seeds/probe26-s29.seed.json`: contact 14155552901 wrote at 11:00Z; an outbound
/// message stamped in milliseconds, another in ISO-8601; `Seeds/probe29-health-also.seed.json`: probe26's s10 health,
/// PHONE_NUMBER LIMITED 138024 and BUSINESS LIMITED 141010, with a failed `token_validity` on top).
@Suite struct Probe29RealTests {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file(name) }

    static let millis = "wamid.HBgLMTQxNTU1NTI5MDEVAgASGBRNMU1TAAAAAAAAAAAAAAAAAAAAAA=="
    static let iso = "wamid.HBgLMTQxNTU1NTI5MDEVAgASGBRNMklTTwAAAAAAAAAAAAAAAAAAAA=="

    /// P26-17: the message's own ISO or millisecond time is read (and named) as its statuses' are: `messages` shows it,
    /// trace places its window (open since the contact's 11:00Z message) and its statuses' delays.
    @Test func aMessageTimeInISOOrMillisecondsIsReadAndNamed() async throws {
        let runs = try await runDemo(
            ["messages", "trace \(Self.iso)", "trace \(Self.millis)"], number: "100200300400501", seed: Self.seed("probe26-s29.seed.json"),
            width: 220)
        #expect(runs[0].out.contains("2026-11-21T11:50:10Z") && runs[0].out.contains("2026-11-21T11:50:00Z"), "\(runs[0].out)")
        for ran in runs.dropFirst() {
            #expect(!ran.out.contains("unreadable") && !ran.out.contains("window:       unknown"), "\(ran.out)")
            #expect(ran.out.contains("window:       open when sent: last inbound 2026-11-21T11:00:00Z"), "\(ran.out)")
        }
        #expect(runs[1].out.contains("2026-11-21T11:50:10Z (read from ISO-8601, not the Unix seconds Kapso documents)"), "\(runs[1].out)")
        #expect(runs[2].out.contains("2026-11-21T11:50:00Z (read from Unix milliseconds, not the Unix seconds Kapso documents)"), "\(runs[2].out)")
        #expect(runs[2].out.contains("delivered 2 s after sending"), "\(runs[2].out)")
    }

    /// P26-5 below another check: the entities messaging_health names beside its cause are shown when a critical check
    /// (token_validity) is the blocking one, not only in JSON.
    @Test func healthShowsTheOtherEntitiesOfAMessagingCheckThatIsNotOnTop() async throws {
        for output in ["", " --output expanded"] {
            let ran = try await runDemo(["health" + output], number: "100200300400501", seed: Self.seed("probe29-health-also.seed.json"), width: 220)[0]
            #expect(ran.out.contains("blocking: token_validity"), "\(ran.out)")
            #expect(ran.out.contains("messaging_health also: BUSINESS LIMITED: 141010"), "\(ran.out)")
        }
    }

    /// P27-18: a server that hands back the cursor it already gave: `errors` stops with the line `logs --all` stops with,
    /// reads the repeated page once and counts each record once (it read 20 pages and said "20+" for 1).
    @Test func errorsStopsAtARepeatedCursorAndCountsEachRecordOnce() async throws {
        let (runs, logPages) = try await offPool {
            let row = #"{"id":"log-1","endpoint":"/meta/whatsapp/v24.0/100200300400501/messages","http_method":"POST","#
                + #""response_status":500,"error_message":"Internal error","created_at":"2026-11-21T11:00:00Z","api_key_name":"ci"}"#
            let server = try HostileServer { request in
                guard request.path.contains("/api_logs") else { return .json(#"{"data":[],"paging":{"cursors":{},"next":null}}"#) }
                return .json(#"{"data":["# + row + #"],"paging":{"cursors":{"after":"c1"},"next":"c1"}}"#)
            }
            defer { server.stop() }
            let (shell, output) = try server.shell()
            shell.context.now = { 1_795_262_400 }
            var runs: [String] = []
            for line in ["errors --source api --flat", "errors --source api"] {
                let (out, err) = (output.out.count, output.err.count)
                _ = shell.run(line: line)
                // The table, then its hints (which go to stderr).
                runs.append(String(output.out.dropFirst(out)) + String(output.err.dropFirst(err)))
            }
            return (runs, server.requests.filter { $0.path.contains("/api_logs") }.count)
        }
        #expect(logPages == 4, "two pages per run: the first and the repeated cursor's")
        let line = "API calls: the API returned a page cursor it had already given; stopped instead of looping (a server bug)"
        for out in runs { #expect(out.contains(line), "\(out)") }
        #expect(runs[0].contains("1+ failures in the last 30d"), "\(runs[0])")
        #expect(!runs[1].contains("20+") && !runs[1].contains("2+"), "\(runs[1])")
    }

    /// P27-19: two numbers whose masks look alike are told apart in a masked transcript; the same number keeps one form
    /// in every way it is written, and the hidden digits stay hidden.
    @Test func twoNumbersThatMaskAlikeStayApart() {
        let masker = PIIMasker()
        let first = masker.mask("whois +14155550142")
        let second = masker.mask("whois +14155510142")
        #expect(first == "whois +1 415 ••• 0142")
        #expect(second == "whois +1 415 ••• 0142#2")
        #expect(masker.mask("error: +1 415-551-0142 is not a contact") == "error: +1 415 ••• 0142#2 is not a contact")
        #expect(masker.mask("+1 (415) 555-0142 is the contact") == "+1 415 ••• 0142 is the contact")
        #expect(!second.contains("551") && !first.contains("555"))
    }
}
