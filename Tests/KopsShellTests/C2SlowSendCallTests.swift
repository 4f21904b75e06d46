import Foundation
import KapsoSimulator
import KopsTestSupport
import Testing

/// tester69 C2: `trace` matched a send's API call by the row's `created_at` within 5 s of the message, so a call answered
/// in 8.8 s (its row stamped 9 s after the message, as a row written after the answer is) was "no send call with this
/// project's keys at that time (sent from the inbox or another project?)". tester69b D1: widening the window by the
/// call's `response_time_ms` gave one slow call to two messages, an inbox message another's request id. Now the 5 s
/// window alone makes a call plainly the message's; a slower call whose span reaches the message is "likely its send",
/// read as another message's when within 5 s of it, and said to be either's when its span covers another message.
/// Seeds: tester69's (mk18.py) and tester69b's c2x, c2y (mk2.py, mk6.py).
@Suite struct C2SlowSendCallTests {
    static let seed = TestSeeds.file("c2-slow-send-call.seed.json")
    static let inbox = TestSeeds.file("c2-inbox-beside-slow-call.seed.json")
    static let own = TestSeeds.file("c2-own-call-beside-slow-call.seed.json")

    static func trace(_ n: String, seed: SimulatorSeed) async throws -> String {
        try await runDemo(["trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(n)AAAAAAAAAAAAAAAAAAAA="], number: "100200300400501", seed: seed, width: 300)[0].out
    }

    @Test func aCallAnsweredSlowlyIsOfferedAsLikelyTheSendsCall() async throws {
        let slow = try await Self.trace("U02", seed: Self.seed)
        #expect(slow.contains("API calls: none within 5 s of this message"), "\(slow)")
        #expect(slow.contains("1 send call answered 200 after 9 s (row at 2026-11-21T10:20:09Z) spans this message's time: likely its send"), "\(slow)")
        #expect(slow.contains(" 8800 "), "\(slow)")
        #expect(!slow.contains("no send call with this project's keys"), "\(slow)")
        let slower = try await Self.trace("U03", seed: Self.seed)
        #expect(slower.contains("after 31 s") && slower.contains(" 30500 "), "\(slower)")
        // tester69b D1's V05: a call of 200 s, its row 150 s after the message.
        let slowest = try await Self.trace("V05", seed: Self.inbox)
        #expect(slowest.contains("after 200 s (row at 2026-11-21T10:32:30Z) spans this message's time: likely its send"), "\(slowest)")
    }

    @Test func aQuickCallStillMatchesByItsTime() async throws {
        let quick = try await Self.trace("U01", seed: Self.seed)
        #expect(quick.contains("API calls: 1"), "\(quick)")
        #expect(!quick.contains(" 8800 ") && !quick.contains("spans"), "\(quick)")
    }

    /// D1: V01 (10:10:00, sent from the inbox) and V02 (10:10:20) with one call, its row at 10:10:25 after 25 s: the call
    /// is V02's (within 5 s of it); V01 keeps "no send call" with the slow call named as the other's.
    @Test func oneSlowCallIsNeverGivenToTwoMessages() async throws {
        let inbox = try await Self.trace("V01", seed: Self.inbox)
        #expect(inbox.contains("no send call with this project's keys at that time"), "\(inbox)")
        #expect(inbox.contains("spans this message's time too, but is within 5 s of another message of this number (2026-11-21T10:10:20Z): read as that one's"), "\(inbox)")
        #expect(!inbox.contains(" 25000 ") && !inbox.contains("likely its send"), "\(inbox)")
        let owner = try await Self.trace("V02", seed: Self.inbox)
        #expect(owner.contains("API calls: 1") && owner.contains(" 25000 "), "\(owner)")
        // A call that began after the message (V07: its row 60 s later after 30 s) is not its send.
        let after = try await Self.trace("V07", seed: Self.inbox)
        #expect(after.contains("no send call with this project's keys") && !after.contains("spans"), "\(after)")
    }

    /// D1's c2y: W03 has its own quick call; another message's slow call 20 s later is not listed as W03's.
    @Test func aMessageWithItsOwnCallGetsNoSlowOne() async throws {
        let own = try await Self.trace("W03", seed: Self.own)
        #expect(own.contains("API calls: 1"), "\(own)")
        #expect(!own.contains(" 25000 ") && !own.contains("spans"), "\(own)")
    }

    /// Two messages inside one slow call's span, neither within 5 s of its row: which one it sent is not known.
    @Test func aSpanCoveringTwoMessagesSaysEither() async throws {
        // V02 moved from 10:10:20 to 10:10:10: inside the call's span (10:10:00–10:10:25), no longer within 5 s of its row.
        let seed = TestSeeds.file("c2-two-messages-in-slow-span.seed.json")
        let first = try await Self.trace("V01", seed: seed)
        #expect(first.contains("spans the time of this message and of 1 other message of this number (2026-11-21T10:10:10Z): which one it sent is not known"), "\(first)")
        #expect(!first.contains("likely its send"), "\(first)")
    }
}

/// tester69b D9: a send answered 5xx or 504 beside a message Meta accepted (it has a WAMID and statuses) was never named:
/// `trace` said "no send call … (sent from the inbox or another project?)" while `logs --errors` said the message may
/// have been sent. Now the call is listed with what it means: the app saw a failure; if it retried, look for a duplicate.
@Suite struct D9GatewayTimeoutSendCallTests {
    static let seed = TestSeeds.file("d9-gateway-timeout.seed.json")

    @Test func a504BesideAnAcceptedMessageIsNamed() async throws {
        let quick = try await C2SlowSendCallTests.trace("X07", seed: Self.seed)
        #expect(quick.contains("API calls: none answered 2xx at that time"), "\(quick)")
        #expect(quick.contains("1 send call at that time answered 504 (after 3 s), yet Meta accepted this message: the app saw a failure"), "\(quick)")
        #expect(quick.contains("look for a duplicate to this contact in 'messages'"), "\(quick)")
        #expect(!quick.contains("sent from the inbox or another project"), "\(quick)")
        let slow = try await C2SlowSendCallTests.trace("X08", seed: Self.seed)
        #expect(slow.contains("1 send call answered 504 after 12 s (row at 2026-11-21T10:20:12Z) spans this message's time, yet Meta accepted this message"), "\(slow)")
        let server = try await C2SlowSendCallTests.trace("X09", seed: Self.seed)
        #expect(server.contains("1 send call answered 500 after 12 s"), "\(server)")
    }
}
