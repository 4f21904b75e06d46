import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester49 over loopback: F8, a system notification (security code changed) counted as an inbound message whose missing
/// `whatsapp.message.received` delivery meant "Kapso did not deliver them" (`webhooks check`) or "the webhook stopped
/// firing" (`trace`); F6, every 409 read as Kapso's send lock, a duplicate webhook create and a conversation update
/// included (`errors`), and `explain 409` giving the send lock alone.
@Suite struct Tester49DeliveryTests {
    /// A kapso webhook subscribed to received messages, delivered 10 days ago; the week's only inbound is `system`.
    static var onlyNotification: SimulatorSeed { TestSeeds.file("tester49-rx2.seed.json") }
    /// The same, with three reactions before the notification.
    static var reactionsAndNotification: SimulatorSeed { TestSeeds.file("tester49-rx.seed.json") }
    /// Three API-log rows answered 409: a webhook create, a conversation update, a send.
    static var conflicts: SimulatorSeed { TestSeeds.file("tester49-409.seed.json") }
    static let notification = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQzNkJDQkI4MDFGNTA1MjczOUFGOAA="

    @Test func aSystemNotificationIsNoMissedReceivedDelivery() async throws {
        let runs = try await runDemo(
            ["webhooks check", "trace \(Self.notification)"], number: "100200300400501", seed: Self.onlyNotification)
        let check = runs[0].out + runs[0].err
        #expect(!check.contains("did not deliver"), "\(check)")
        #expect(!check.contains("inbound message"), "\(check)")
        let trace = runs[1].out + runs[1].err
        #expect(!trace.contains("stopped firing") && !trace.contains("Kapso recorded none"), "\(trace)")
        #expect(trace.contains("webhook deliveries: none; a system notification (customer_identity_changed)"), "\(trace)")
    }

    @Test func reactionsStillCountButTheNotificationDoesNot() async throws {
        let run = try await runDemo(["webhooks check"], number: "100200300400501", seed: Self.reactionsAndNotification)[0]
        let check = run.out + run.err
        #expect(check.contains("3 inbound messages arrived"), "\(check)")
        #expect(!check.contains("4 inbound messages"), "\(check)")
    }

    @Test func onlyTheSendIsReadAsTheSendLock() async throws {
        let run = try await runDemo(["errors --source api --flat --output json"], number: nil, seed: Self.conflicts)[0]
        #expect(run.status == 0, "\(run.err)")
        let rows = try JSONValue.parse(Array(run.out.utf8))
        let text = "\(rows)"
        #expect(text.contains("A webhook with this URL already exists"), "\(text)")
        let meanings = (rows["data"]?.array ?? []).compactMap { row -> (String, String)? in
            guard let what = row["what"]?.string ?? row["endpoint"]?.string, let meaning = row["meaning"]?.string else { return nil }
            return (what, meaning)
        }
        #expect(meanings.count == 3, "\(text)")
        for (what, meaning) in meanings {
            if what.contains("/messages") {
                #expect(meaning.hasPrefix("send in flight"), "\(what): \(meaning)")
            } else {
                #expect(meaning.hasPrefix("conflict:") && !meaning.contains("retry in a moment"), "\(what): \(meaning)")
            }
        }
    }

    @Test func explain409NamesBothCauses() {
        let run = OfflineShell.run("explain", "409")
        #expect(run.status == .ok, "\(run.err)")
        #expect(run.out.contains("send lock") && run.out.contains("duplicate"), "\(run.out)")
        #expect(!run.out.contains("retry: yes"), "\(run.out)")
    }

    /// fix50c: a 409 among listed codes (`explain 409 131047`) was read as the send lock, and so was one pasted with a
    /// Platform API path; each reads as `explain 409` alone, or as what its path says.
    @Test func a409InAListOrWithAPathFollowsTheSameRule() {
        let list = OfflineShell.run("explain", "409 131047")
        #expect(list.status == .ok, "\(list.err)")
        #expect(list.out.contains("send lock") && list.out.contains("duplicate") && list.out.contains("131047"), "\(list.out)")
        #expect(!list.out.contains("send in flight"), "\(list.out)")
        let webhook = OfflineShell.run("explain", "POST /platform/v1/whatsapp/phone_numbers/100200300400501/webhooks 409")
        #expect(webhook.out.contains("name:       conflict") && !webhook.out.contains("send in flight"), "\(webhook.out)")
        let send = OfflineShell.run("explain", "POST /meta/whatsapp/v24.0/100200300400501/messages 409")
        #expect(send.out.contains("send in flight"), "\(send.out)")
    }
}
