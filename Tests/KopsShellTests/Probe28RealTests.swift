import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The probe28 tester's seeds (`Tests/Seeds/probe28-*.seed.json`, from `/tmp/p28/repro*/gen.py`): a contact's parent
/// business-scoped user id (P28-9), `last_inbound_at` in other forms (P28-4, P28-5), a message stamped ahead with valid
/// statuses (P28-6); and `--around` times on the demo (P28-13, P29-6).
@Suite struct Probe28RealTests {
    static func seed(_ name: String) -> SimulatorSeed { TestSeeds.file("\(name).seed.json") }

    static let parent = "US.ENT.13010000000000000009"
    static let child = "US.13010000000000000001"

    /// P28-9: the parent BSUID on the contact's conversation and message is theirs: `reply --to` it sees the open window,
    /// `whois` names the contact and their number; `whois` of the BSUID does not say "no phone number shared".
    @Test func aParentBusinessScopedUserIDIsTheContacts() async throws {
        let runs = try await runDemo(
            ["reply --to \(Self.parent) --dry-run hi", "whois \(Self.parent)", "whois \(Self.child)"],
            number: "100200300400501", seed: Self.seed("probe28-bsuid-parent"))
        #expect(runs[0].status == 0, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].out.contains("\"recipient\": \"\(Self.parent)\""), "\(runs[0].out)")
        #expect(!(runs[0].out + runs[0].err).contains("no inbound message"), "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].status == 0, "\(runs[1].out)\(runs[1].err)")
        #expect(runs[1].out.contains("\(Self.parent) is the parent business-scoped user id of Both Ids (+14155551301), a contact of"), "\(runs[1].out)")
        #expect(runs[2].out.contains("\(Self.child) is the business-scoped user id of Both Ids (+14155551301)"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("no phone number shared"), "\(runs[2].out)")
    }

    /// P28-4 / P28-5: `last_inbound_at` as a JSON number of Unix seconds is read (the window is open, the form named) and
    /// `reply` goes; a zone-less value with a fraction is "no time zone", as one without is.
    @Test func lastInboundInOtherFormsIsReadOrNamed() async throws {
        let runs = try await runDemo(
            ["conversation 0a1b2c3d-0000-4000-8000-0000000080a6", "reply --to +14155558005 --dry-run hi",
             "conversation 0a1b2c3d-0000-4000-8000-0000000080a3", "conversation 0a1b2c3d-0000-4000-8000-0000000080a4"],
            number: "100200300400501", seed: Self.seed("probe28-last-inbound"))
        #expect(runs[0].out.contains("open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[0].out)")
        #expect(runs[0].out.contains("a JSON number of Unix seconds"), "\(runs[0].out)")
        #expect(runs[1].status == 0, "\(runs[1].out)\(runs[1].err)")
        #expect(runs[2].out.contains("has no time zone"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("23 h left"), "\(runs[2].out)")
        #expect(runs[3].out.contains("open until 2026-11-22T11:00:00Z (23 h left)"), "\(runs[3].out)")
    }

    /// P28-6: statuses 5 min old of a message stamped 2 h ahead are read, not "unusable … not Unix seconds".
    @Test func statusesOfAMessageStampedAheadHaveTheirTimes() async throws {
        let id = "wamid.HBgLMTQxNTU1NTMwMDUVAgASGBRFMU9VVAAAAAAAAAAAAAAAAAAAAA=="
        let runs = try await runDemo(["trace \(id)", "message \(id)"], number: "100200300400501", seed: Self.seed("probe28-own-ahead"))
        for run in runs {
            #expect(!run.out.contains("unusable: 1795262100"), "\(run.out)")
            #expect(!run.out.contains("no usable timestamp"), "\(run.out)")
        }
        #expect(runs[0].out.contains("2026-11-21T11:55:02Z"), "\(runs[0].out)")
    }

    /// P28-13, P29-6: `--around` reads Unix seconds and names a date alone, an impossible date and a zone abbreviation
    /// as times, never "not a phone-number id … wrong project or key?".
    @Test func aroundTimesAreReadOrNamedAsTimes() async throws {
        let runs = try await runDemo([
            "logs search --around 1795258800", "logs search --around 2026-11-21", "logs search --around 2026-02-30T12:00:00Z",
            "logs search --around '2026-11-21T11:00:00 PST'", "logs search --around 2026-11-21T24:30:00Z",
        ])
        #expect(!(runs[0].out + runs[0].err).contains("wrong project or key"), "\(runs[0].out)\(runs[0].err)")
        #expect(!(runs[0].out + runs[0].err).contains("not a phone-number id"), "\(runs[0].out)\(runs[0].err)")
        #expect(runs[1].err.contains("2026-11-21 is a date alone"), "\(runs[1].err)")
        #expect(runs[2].err.contains("2026-02-30 is not a date (February 2026 has 28 days)"), "\(runs[2].err)")
        #expect(!runs[2].out.contains("2026-03-02"), "\(runs[2].out)")
        #expect(runs[3].err.contains("PST is a zone abbreviation"), "\(runs[3].err)")
        #expect(runs[4].err.contains("hour 24 is no hour"), "\(runs[4].err)")
        for run in runs.dropFirst() { #expect(run.status != 0) }
    }

    /// P28-19: `use` and `reply --dry-run` on a number Kapso lists as DISCONNECTED (quality RED) say so in one line.
    @Test func aDisconnectedNumberIsNamedBeforeASend() async throws {
        let runs = try await runDemo(
            ["use 100200300400501", "reply --to +14155550401 --dry-run hi"], number: "100200300400501", seed: Self.seed("probe28-disconnected"))
        // Said as the record's, which a live check may contradict (tester63b AO10: "… is BANNED (Kapso's record of the
        // number): … nothing can be sent from it" above a health check that found it CONNECTED).
        let line = "Kapso's record says Support Line is DISCONNECTED: if so, the number is disconnected from the WhatsApp Cloud API"
        #expect(runs[0].out.contains(line), "\(runs[0].out)")
        // The number's health, read with the reply, passes: the record's state is named as possibly stale (probe39 P39-8).
        #expect((runs[1].out + runs[1].err).contains("Kapso's record says Support Line is DISCONNECTED, but its health shows no such state"),
            "\(runs[1].out)\(runs[1].err)")
        #expect((runs[1].out + runs[1].err).contains("dry run: nothing sent"), "\(runs[1].out)\(runs[1].err)")
    }

    /// P28-3: after A→B→C, `reply --to A` and `whois A` follow the chain to C, and `reply` says the contact wrote from B
    /// before leaving it (never "write to B, they have not written from it").
    @Test func aChainOfNumberChangesIsFollowedToTheNewest() async throws {
        let runs = try await runDemo(
            ["reply --to +14155554001 --dry-run hi", "whois 14155554001"], number: "100200300400501", seed: Self.seed("probe28-chain"))
        #expect(runs[0].status == 1, "\(runs[0].out)\(runs[0].err)")
        #expect(runs[0].err.contains(
            "changed their number to +14155554002 at 2026-11-21T10:00:00Z (user_changed_number), wrote from it at 2026-11-21T10:36:40Z, "
                + "then to +14155554003 at 2026-11-21T11:30:00Z"), "\(runs[0].err)")
        #expect(runs[0].err.contains("write to +14155554003"), "\(runs[0].err)")
        #expect(!runs[0].err.contains("write to +14155554002"), "\(runs[0].err)")
        #expect(runs[1].out.contains("then to +14155554003 at 2026-11-21T11:30:00Z"), "\(runs[1].out)")
        #expect(runs[1].out.contains("reply --to +14155554003 writes to them now"), "\(runs[1].out)")
    }

    /// P28-15: a contact who wrote only to the other number: `whois`'s fix selects that number first, and `reply` names
    /// where they wrote and the `use` line.
    @Test func aContactOfTheOtherNumberIsNamedWithItsNumber() async throws {
        let runs = try await runDemo(
            ["whois 14155550177", "reply --to +14155550177 --dry-run hi"], number: "100200300400501", seed: Self.seed("probe28-other-number"))
        #expect(runs[0].out.contains("next: use 100200300400502; messages --phone-number 14155550177"), "\(runs[0].out)")
        let reply = runs[1].out + runs[1].err
        #expect(reply.contains("they wrote to "), "\(reply)")
        #expect(reply.contains("at 2026-11-21T11:00:00Z, where a window is open until 2026-11-22T11:00:00Z (23 h left): 'use 100200300400502' to answer there"), "\(reply)")
    }
}
